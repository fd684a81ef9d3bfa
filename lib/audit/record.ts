import "server-only";
import type { Tx } from "@/lib/db";
import { actorLabel } from "@/lib/policy/actor";
import type { RequestContext } from "@/lib/http/context";
import { eventHash, GENESIS_HASH } from "@/lib/audit/canonical";
import { diffOf } from "@/lib/audit/diff";

// One advisory lock key serialises appends so each event sees its true predecessor.
const AUDIT_CHAIN_LOCK = 4_242_001;

export interface AuditInput {
  action: string;
  entityType: string;
  entityId: string;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
}

/**
 * Appends an audit event inside the caller's transaction, so the event exists if and
 * only if the change does. Call it last in the transaction: the chain lock is held
 * until commit.
 */
export async function recordAudit(tx: Tx, ctx: RequestContext, input: AuditInput): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`;
  const last = await tx.auditEvent.findFirst({ orderBy: { seq: "desc" }, select: { hash: true } });
  const prevHash = last?.hash ?? GENESIS_HASH;
  const actor = ctx.actor;
  const fields = {
    createdAt: new Date().toISOString(),
    actorType: actor ? actor.kind : "system",
    actorId: actor ? (actor.kind === "token" ? actor.tokenId! : actor.userId) : null,
    actorLabel: actor ? actorLabel(actor) : ctx.systemLabel ?? "system",
    action: input.action,
    entityType: input.entityType,
    entityId: input.entityId,
    diff: diffOf(input.before, input.after),
    requestId: ctx.requestId ?? null,
  };
  await tx.auditEvent.create({
    data: {
      ...fields,
      createdAt: new Date(fields.createdAt),
      actorType: fields.actorType as "user" | "token" | "system",
      diff: fields.diff as object,
      prevHash,
      hash: eventHash(prevHash, fields),
    },
  });
}
