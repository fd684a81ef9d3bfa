import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/policy/actor";
import { requirePermission, can } from "@/lib/policy/require";
import { tally, whyCannotDecide } from "@/lib/promotions/approval-rules";
import { numericMetrics } from "@/lib/promotions/evidence";
import { pendingUseCaseDecisions, riskTiersOf } from "@/lib/promotions/use-case-facts";

// Everything waiting for a reviewer or approver, with what they need to decide: the diff
// against what runs in the environment now, the latest gate results, and whether the
// request went stale (a newer version of the model already runs there).

const versionInclude = { asset: { select: { id: true, name: true } }, inputs: { include: { datasetVersion: { include: { asset: { select: { name: true } } } } } } } as const;

function side(mv: { id: string; version: string; metrics: unknown; params: unknown; codeCommitSha: string | null; createdAt: Date; inputs: { datasetVersion: { version: string; lakefsCommitId: string | null; asset: { name: string } } }[] }) {
  return {
    id: mv.id, version: mv.version, createdAt: mv.createdAt.toISOString(), metrics: numericMetrics(mv.metrics), params: (mv.params ?? {}) as Record<string, unknown>, code: mv.codeCommitSha,
    data: mv.inputs.map((i) => ({ dataset: i.datasetVersion.asset.name, version: i.datasetVersion.version, commit: i.datasetVersion.lakefsCommitId })),
  };
}

export async function approvalsInbox(actor: Actor) {
  requirePermission(actor, "promotion.approve");
  const pending = await db().promotion.findMany({
    where: { state: { in: ["pending_approval", "rollback_pending"] } },
    orderBy: [{ submittedAt: "asc" }, { id: "asc" }],
    take: 100,
    include: { environment: { select: { key: true, name: true } }, policy: true, requestedBy: { select: { id: true, name: true } }, approvals: { include: { reviewer: { select: { roles: { select: { role: true } } } } } } },
  });
  const candidates = await db().modelVersion.findMany({ where: { id: { in: pending.map((p) => p.modelVersionId) } }, include: versionInclude });
  const byId = new Map(candidates.map((m) => [m.id, m]));
  const assetIds = [...new Set(candidates.map((m) => m.asset.id))];
  const running = await db().deployment.findMany({ where: { status: "active", modelVersion: { assetId: { in: assetIds } } }, include: { modelVersion: { include: versionInclude } } });
  const authors = await db().auditEvent.findMany({ where: { entityType: "model_version", action: "model_version.registered", entityId: { in: pending.map((p) => p.modelVersionId) }, actorType: "user" }, select: { entityId: true, actorId: true } });
  const authorOf = new Map(authors.map((a) => [a.entityId, a.actorId]));
  const gates = await db().promotionGateResult.findMany({ where: { promotionId: { in: pending.map((p) => p.id) } }, orderBy: { evaluatedAt: "desc" } });
  // High risk changes who may decide (the policy's extra role) and what completes the approval,
  // exactly as decidePromotion judges it.
  const tiers = await riskTiersOf(db(), pending.map((p) => p.useCaseId).filter((id): id is string => !!id));
  const items = pending.map((p) => {
    const mv = byId.get(p.modelVersionId);
    const now = mv ? running.find((d) => d.environment === p.environment.key && d.modelVersion.assetId === mv.asset.id) : undefined;
    const purpose = p.state === "rollback_pending" ? "rollback" : "promotion";
    const decisions = p.approvals.filter((a) => a.purpose === purpose && a.round === p.round).map((a) => ({ reviewerId: a.reviewerId, reviewerRoles: a.reviewer.roles.map((r) => r.role), decision: a.decision }));
    const latest = gates.filter((g) => g.promotionId === p.id);
    const newestAt = latest[0]?.evaluatedAt.getTime();
    const highRisk = !!p.useCaseId && tiers.get(p.useCaseId) === "high";
    const why = whyCannotDecide(actor, { requesterId: purpose === "rollback" ? (p.rollbackRequestedById ?? p.requestedById) : p.requestedById, modelAuthorId: authorOf.get(p.modelVersionId) ?? null, decisions, policy: p.policy, highRisk, purpose });
    const t = tally(decisions, p.policy, highRisk && purpose === "promotion", purpose === "rollback" ? p.policy.rollbackApprovals : p.policy.requiredApprovals);
    return {
      id: p.id, number: p.number, purpose, state: p.state, environment: p.environment, strategy: p.strategy, justification: p.justification, rollbackReason: p.rollbackReason,
      requestedBy: p.requestedBy, submittedAt: (p.submittedAt ?? p.createdAt).toISOString(),
      model: mv ? { name: mv.asset.name, assetId: mv.asset.id } : null,
      candidate: mv ? side(mv) : null,
      current: now && now.modelVersionId !== p.modelVersionId ? { ...side(now.modelVersion), since: now.deployedAt.toISOString() } : null,
      // Stale: what runs there now is newer than the candidate.
      stale: purpose === "promotion" && !!(mv && now && now.modelVersionId !== mv.id && now.modelVersion.createdAt > mv.createdAt),
      gates: latest.filter((g) => g.evaluatedAt.getTime() === newestAt).map((g) => ({ gate: g.gate, verdict: g.verdict, reason: g.reason })),
      approvals: t.approvals,
      required: t.required,
      highRisk,
      /** The policy's extra role for high-risk requests, while no approval from it is in yet. */
      stillNeeds: t.missingHighRiskRole ? p.policy.highRiskRole : null,
      canDecide: why === null,
      cannotDecideReason: why,
    };
  });
  const useCases = can(actor, "promotion.approve") && actor.roles.some((r) => r === "reviewer" || r === "admin") ? await pendingUseCaseDecisions(db()) : [];
  return { promotions: items, useCases: useCases.map((u) => ({ ...u, updatedAt: new Date(u.updatedAt).toISOString() })) };
}
export type Inbox = Awaited<ReturnType<typeof approvalsInbox>>;
