import "server-only";
import type { Tx } from "@/lib/db";
import { notFound } from "@/lib/errors";
import type { Actor } from "@/lib/policy/actor";
import { inScope, requirePermission } from "@/lib/policy/require";

/**
 * Loads a promotion under a row lock (SELECT ... FOR UPDATE), so concurrent decisions
 * on the same promotion run one after the other and each sees the others' approvals.
 * A promotion the actor may not read answers 404, exactly like a missing one.
 */
export async function lockPromotion(tx: Tx, actor: Actor | null, id: string) {
  await tx.$queryRaw`SELECT id FROM promotions WHERE id = ${id}::uuid FOR UPDATE`;
  const p = await tx.promotion.findUnique({ where: { id }, include: { environment: true, policy: true } });
  if (!p) throw notFound("Promotion");
  if (actor) {
    const scope = requirePermission(actor, "promotion.read");
    if (!inScope(actor, scope, { teamId: p.teamId, ownerId: p.requestedById })) throw notFound("Promotion");
  }
  return p;
}
export type LockedPromotion = Awaited<ReturnType<typeof lockPromotion>>;
