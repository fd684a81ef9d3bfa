import "server-only";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import type { Actor } from "@/lib/policy/actor";
import { inScope, requirePermission, teamFilter } from "@/lib/policy/require";
import { decodeCursor, encodeCursor, type Page } from "@/lib/http/cursor";
import type { Prisma } from "@/lib/generated/prisma/client";
import { allowedEvents } from "@/lib/promotions/state-machine";
import type { ListPromotionsQuery, PromotionDetail, PromotionSummary } from "@/lib/promotions/schemas";

const summaryInclude = { environment: { select: { key: true, name: true } }, requestedBy: { select: { id: true, name: true } } } as const;
type SummaryRow = Prisma.PromotionGetPayload<{ include: typeof summaryInclude }>;
const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** Model names and versions for many promotions in one query (no N+1). */
async function modelsOf(ids: string[]) {
  const rows = await db().modelVersion.findMany({ where: { id: { in: ids } }, select: { id: true, version: true, asset: { select: { id: true, name: true } } } });
  return new Map(rows.map((r) => [r.id, { assetId: r.asset.id, name: r.asset.name, versionId: r.id, version: r.version }]));
}

function summary(p: SummaryRow, models: Awaited<ReturnType<typeof modelsOf>>): PromotionSummary {
  return {
    id: p.id, number: p.number, state: p.state, environment: p.environment, strategy: p.strategy,
    model: models.get(p.modelVersionId) ?? { assetId: "", name: "(deleted model)", versionId: p.modelVersionId, version: "?" },
    requestedBy: p.requestedBy, createdAt: p.createdAt.toISOString(), updatedAt: p.updatedAt.toISOString(), failureStep: p.failureStep, usedFakes: p.usedFakes,
  };
}

export async function listPromotions(actor: Actor, q: ListPromotionsQuery): Promise<Page<PromotionSummary>> {
  const teams = teamFilter(actor, requirePermission(actor, "promotion.read"));
  const c = q.cursor ? decodeCursor(q.cursor) : null;
  const rows = await db().promotion.findMany({
    where: {
      ...(teams ? { teamId: { in: teams } } : {}),
      ...(q.state ? { state: q.state } : {}),
      ...(q.environment ? { environment: { key: q.environment } } : {}),
      ...(c ? { OR: [{ createdAt: { lt: new Date(String(c.k)) } }, { createdAt: new Date(String(c.k)), id: { gt: c.id } }] } : {}),
    },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    take: q.limit + 1,
    include: summaryInclude,
  });
  const page = rows.slice(0, q.limit);
  const models = await modelsOf(page.map((p) => p.modelVersionId));
  const last = page.at(-1);
  return { items: page.map((p) => summary(p, models)), nextCursor: rows.length > q.limit && last ? encodeCursor({ k: last.createdAt.toISOString(), id: last.id }) : null };
}

export async function getPromotion(actor: Actor, id: string): Promise<PromotionDetail> {
  const scope = requirePermission(actor, "promotion.read");
  const p = await db().promotion.findUnique({
    where: { id },
    include: {
      ...summaryInclude,
      policy: { select: { id: true, version: true, requiredApprovals: true, rollbackApprovals: true } },
      gateResults: { orderBy: [{ evaluatedAt: "desc" }, { gate: "asc" }] },
      approvals: { orderBy: { createdAt: "asc" }, include: { reviewer: { select: { id: true, name: true } } } },
      steps: { orderBy: { startedAt: "asc" } },
      events: { orderBy: { id: "asc" } },
    },
  });
  if (!p || !inScope(actor, scope, { teamId: p.teamId, ownerId: p.requestedById })) throw notFound("Promotion");
  const models = await modelsOf([p.modelVersionId]);
  return {
    ...summary(p, models),
    justification: p.justification, sourceRef: p.sourceRef, strategyConfig: p.strategyConfig as Record<string, unknown>, useCaseId: p.useCaseId, round: p.round,
    policy: p.policy, failureReason: p.failureReason, rollbackReason: p.rollbackReason,
    gates: p.gateResults.map((g) => ({ gate: g.gate, verdict: g.verdict, reason: g.reason, evidence: g.evidence as Record<string, unknown>, phase: g.phase, evaluatedAt: g.evaluatedAt.toISOString() })),
    approvals: p.approvals.map((a) => ({ id: a.id, purpose: a.purpose, round: a.round, decision: a.decision, comment: a.comment, reviewer: a.reviewer, createdAt: a.createdAt.toISOString() })),
    steps: p.steps.map((s) => ({ operation: s.operation, step: s.step, status: s.status, attempts: s.attempts, result: s.result as Record<string, unknown>, error: s.error, startedAt: s.startedAt.toISOString(), finishedAt: iso(s.finishedAt) })),
    timeline: p.events.map((e) => ({ id: String(e.id), at: e.at.toISOString(), kind: e.kind, message: e.message, step: e.step, request: e.request ?? null, responseStatus: e.responseStatus, durationMs: e.durationMs })),
    allowedEvents: allowedEvents(p.state),
    timestamps: { submittedAt: iso(p.submittedAt), approvedAt: iso(p.approvedAt), executionStartedAt: iso(p.executionStartedAt), finishedAt: iso(p.finishedAt), rolledBackAt: iso(p.rolledBackAt) },
  };
}
