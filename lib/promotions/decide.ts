import "server-only";
import { parseInput } from "@/lib/promotions/parse";
import { db, type Tx } from "@/lib/db";
import { AppError, conflict } from "@/lib/errors";
import { recordAudit } from "@/lib/audit/record";
import type { RequestContext } from "@/lib/http/context";
import type { Actor } from "@/lib/policy/actor";
import { requirePermission } from "@/lib/policy/require";
import { enqueueOutbox, TOPICS } from "@/lib/outbox/outbox";
import { tally, whyCannotDecide } from "@/lib/promotions/approval-rules";
import { decisionsOf, isHighRisk } from "@/lib/promotions/high-risk";
import { modelAuthorId } from "@/lib/promotions/evidence";
import { lockPromotion, type LockedPromotion } from "@/lib/promotions/lock";
import { decisionSchema, type DecisionInput } from "@/lib/promotions/schemas";
import { transition, type PromotionEvent } from "@/lib/promotions/state-machine";
import { addTimeline } from "@/lib/promotions/timeline";

type Ctx = RequestContext & { actor: Actor };

/**
 * Records one reviewer's decision on a promotion (or on its rollback). The promotion
 * row is locked first, so concurrent approvals are counted one after the other: the
 * second approver sees the first's row, and the unique key backs "act once".
 */
export async function decidePromotion(ctx: Ctx, id: string, raw: DecisionInput) {
  const input = parseInput(decisionSchema, raw);
  requirePermission(ctx.actor, "promotion.approve");
  return db().$transaction(async (tx) => {
    const p = await lockPromotion(tx, ctx.actor, id);
    const purpose = p.state === "rollback_pending" ? "rollback" : "promotion";
    const event: PromotionEvent = purpose === "rollback"
      ? input.decision === "approve" ? "approve_rollback" : "reject_rollback"
      : input.decision === "approve" ? "approve" : input.decision === "reject" ? "reject" : "request_changes";
    if (purpose === "rollback" && input.decision === "request_changes") throw new AppError("validation", "A rollback is approved or rejected; changes cannot be requested on it.", { errors: [{ path: "decision", message: "Use approve or reject" }] });
    const next = transition(p.state, event); // 409 for a cancelled, finished or not-yet-submitted request
    if (event === "approve_rollback") {
      // Asked for while it was the newest; if another promotion has replaced it since, rolling it back would undo that one.
      const newer = await newerOfSameModel(tx, p);
      if (newer) throw conflict(`Promotion #${newer} replaced this one in ${p.environment.key} after the rollback was asked for; reject this rollback and roll back #${newer} instead.`);
    }
    const prior = await decisionsOf(tx, p.id, purpose, p.round);
    const highRisk = await isHighRisk(tx, p.useCaseId, p.inheritedRiskTier);
    const requesterId = purpose === "rollback" ? (p.rollbackRequestedById ?? p.requestedById) : p.requestedById;
    const why = whyCannotDecide(ctx.actor, { requesterId, modelAuthorId: await modelAuthorId(tx, p.modelVersionId), decisions: prior, policy: p.policy, highRisk, purpose });
    if (why) throw new AppError(why.startsWith("You have already decided") ? "conflict" : "forbidden", why);
    await tx.promotionApproval.create({ data: { promotionId: p.id, purpose, round: p.round, reviewerId: ctx.actor.userId, decision: input.decision, comment: input.comment } });
    const decisions = [...prior, { reviewerId: ctx.actor.userId, reviewerRoles: ctx.actor.roles, decision: input.decision }];
    const required = purpose === "rollback" ? p.policy.rollbackApprovals : p.policy.requiredApprovals;
    const t = tally(decisions, p.policy, highRisk && purpose === "promotion", required);
    const moves = input.decision !== "approve" || t.complete;
    await addTimeline(tx, p.id, { kind: "decision", message: `${ctx.actor.name} ${verb(input.decision)}${purpose === "rollback" ? " the rollback" : ""}${input.comment ? `: "${input.comment}"` : ""} (${t.approvals}/${t.required} approvals${t.missingHighRiskRole ? `, still needs a ${p.policy.highRiskRole}` : ""}).` });
    if (moves) await applyTransition(tx, p, next, purpose);
    await recordAudit(tx, ctx, { action: `promotion.${purpose === "rollback" ? "rollback_" : ""}${input.decision}`, entityType: "promotion", entityId: p.id, before: { state: p.state }, after: { state: moves ? next : p.state, approvals: t.approvals, required: t.required, comment: input.comment } });
    return { state: moves ? next : p.state, approvals: t.approvals, required: t.required };
  });
}

async function applyTransition(tx: Tx, p: LockedPromotion, next: LockedPromotion["state"], purpose: "promotion" | "rollback") {
  const now = new Date();
  await tx.promotion.update({
    where: { id: p.id },
    data: { state: next, ...(next === "approved" ? { approvedAt: now } : {}), ...(next === "rejected" ? { finishedAt: now } : {}) },
  });
  await addTimeline(tx, p.id, { kind: "state", message: `${purpose === "rollback" ? "Rollback " : ""}${next.replace(/_/g, " ")}.` });
  // Execution starts in a worker, never in this request: the outbox row commits with the approval.
  if (next === "approved" || next === "rolling_back") await enqueueOutbox(tx, TOPICS.advancePromotion, { promotionId: p.id });
}

const verb = (d: string) => (d === "approve" ? "approved" : d === "reject" ? "rejected" : "requested changes");

/** Asks for a one-step rollback of a succeeded promotion; runs at once when the policy needs no approval. */
export async function requestRollback(ctx: Ctx, id: string, reason: string) {
  requirePermission(ctx.actor, "promotion.rollback");
  return db().$transaction(async (tx) => {
    const p = await lockPromotion(tx, ctx.actor, id);
    let next = transition(p.state, "request_rollback");
    const sameModelNewer = await newerOfSameModel(tx, p);
    if (sameModelNewer) throw conflict(`Promotion #${sameModelNewer} replaced this one in ${p.environment.key}; roll back that one instead.`);
    if (p.policy.rollbackApprovals === 0) next = transition(next, "approve_rollback");
    await tx.promotion.update({ where: { id }, data: { state: next, rollbackRequestedById: ctx.actor.userId, rollbackReason: reason } });
    await addTimeline(tx, id, { kind: "state", message: `${ctx.actor.name} asked to roll back: "${reason}". ${next === "rolling_back" ? "No approval needed by the policy; rolling back." : `Waiting for ${p.policy.rollbackApprovals} approval(s).`}` });
    if (next === "rolling_back") await enqueueOutbox(tx, TOPICS.advancePromotion, { promotionId: id });
    await recordAudit(tx, ctx, { action: "promotion.rollback_requested", entityType: "promotion", entityId: id, before: { state: p.state }, after: { state: next, reason } });
    return { state: next };
  });
}

async function newerOfSameModel(tx: Tx, p: LockedPromotion): Promise<number | null> {
  const mv = await tx.modelVersion.findUnique({ where: { id: p.modelVersionId }, select: { assetId: true } });
  if (!mv) return null;
  const rows = await tx.$queryRaw<{ number: number }[]>`
    SELECT pr.number FROM promotions pr JOIN model_versions v ON v.id = pr.model_version_id
    WHERE pr.environment_id = ${p.environmentId}::uuid AND v.asset_id = ${mv.assetId}::uuid AND pr.id <> ${p.id}::uuid
      AND pr.state IN ('succeeded', 'executing', 'compensating', 'rollback_pending', 'rolling_back')
      AND pr.execution_started_at > ${p.executionStartedAt ?? new Date(0)}
    LIMIT 1`;
  return rows[0]?.number ?? null;
}
