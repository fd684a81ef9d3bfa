import "server-only";
import { db } from "@/lib/db";
import { conflict } from "@/lib/errors";
import { recordAudit } from "@/lib/audit/record";
import type { RequestContext } from "@/lib/http/context";
import type { Actor } from "@/lib/policy/actor";
import { requirePermission } from "@/lib/policy/require";
import { parseInput } from "@/lib/promotions/parse";
import { lockVisible } from "@/lib/use-cases/access";
import { getUseCase } from "@/lib/use-cases/read";
import { OVERSIGHT_CLOSED_STATES, oversightPlanSchema, type OversightPlanInput } from "@/lib/use-cases/oversight-schema";
import type { UseCaseDetail } from "@/lib/use-cases/views";

/**
 * The owner's team documents (or revises) the human-oversight plan, in any open state: a
 * reviewer may raise the tier to high after submission, and the plan matters most when a model
 * is about to be promoted. Audited with the text before and after.
 */
export async function documentOversightPlan(ctx: RequestContext & { actor: Actor }, id: string, raw: OversightPlanInput): Promise<UseCaseDetail> {
  const input = parseInput(oversightPlanSchema, raw);
  requirePermission(ctx.actor, "usecase.create");
  await db().$transaction(async (tx) => {
    const uc = await lockVisible(tx, ctx.actor, id);
    requirePermission(ctx.actor, "usecase.create", { teamId: uc.teamId, ownerId: uc.ownerId });
    if ((OVERSIGHT_CLOSED_STATES as readonly string[]).includes(uc.state)) throw conflict(`A ${uc.state} use case is closed; its human-oversight plan can no longer change.`, { state: uc.state });
    if (uc.humanOversightPlan === input.plan) return;
    await tx.useCase.update({ where: { id }, data: { humanOversightPlan: input.plan } });
    await recordAudit(tx, ctx, { action: "use_case.oversight_plan_documented", entityType: "use_case", entityId: id, before: { humanOversightPlan: uc.humanOversightPlan }, after: { humanOversightPlan: input.plan } });
  });
  return getUseCase(ctx.actor, id);
}
