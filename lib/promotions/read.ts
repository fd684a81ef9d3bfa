import "server-only";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import type { Actor } from "@/lib/policy/actor";
import { inScope, requirePermission, teamFilter } from "@/lib/policy/require";
import type { Page } from "@/lib/http/cursor";
import { Prisma } from "@/lib/generated/prisma/client";
import { timeAfter, timeCursor } from "@/lib/promotions/keyset";
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

interface ListRow {
  id: string; number: number; state: PromotionSummary["state"]; strategy: PromotionSummary["strategy"]; createdAt: Date; updatedAt: Date; failureStep: string | null; usedFakes: boolean | null;
  envKey: string; envName: string; requesterId: string; requesterName: string; versionId: string; version: string | null; assetId: string | null; assetName: string | null;
}

/**
 * One statement per page: the promotions with their environment, requester and model joined
 * in. (Prisma's include plus a second query for the models cost four round trips, about
 * 5 ms of a 13 ms request at full bench scale, for a question PostgreSQL answers in 0.8 ms.)
 */
export async function listPromotions(actor: Actor, q: ListPromotionsQuery): Promise<Page<PromotionSummary>> {
  const teams = teamFilter(actor, requirePermission(actor, "promotion.read"));
  const after = timeAfter(q.cursor);
  const rows = await db().$queryRaw<ListRow[]>`
    SELECT p.id::text, p.number, p.state::text AS state, p.strategy::text AS strategy, p.created_at AS "createdAt", p.updated_at AS "updatedAt",
      p.failure_step AS "failureStep", p.used_fakes AS "usedFakes", e.key AS "envKey", e.name AS "envName", u.id::text AS "requesterId", u.name AS "requesterName",
      p.model_version_id::text AS "versionId", mv.version, a.id::text AS "assetId", a.name AS "assetName"
    FROM promotions p
    JOIN environments e ON e.id = p.environment_id
    JOIN users u ON u.id = p.requested_by_id
    LEFT JOIN model_versions mv ON mv.id = p.model_version_id
    LEFT JOIN assets a ON a.id = mv.asset_id
    WHERE ${teams ? Prisma.sql`p.team_id = ANY(${teams}::uuid[])` : Prisma.sql`TRUE`}
      AND ${q.state ? Prisma.sql`p.state = ${q.state}::"PromotionState"` : Prisma.sql`TRUE`}
      AND ${q.environment ? Prisma.sql`e.key = ${q.environment}` : Prisma.sql`TRUE`}
      AND ${after ? Prisma.sql`(p.created_at < ${after.at} OR (p.created_at = ${after.at} AND p.id > ${after.id}::uuid))` : Prisma.sql`TRUE`}
    ORDER BY p.created_at DESC, p.id
    LIMIT ${q.limit + 1}`;
  const page = rows.slice(0, q.limit);
  const last = page.at(-1);
  return {
    items: page.map((p) => ({
      id: p.id, number: p.number, state: p.state, environment: { key: p.envKey, name: p.envName }, strategy: p.strategy,
      model: p.assetId && p.version !== null ? { assetId: p.assetId, name: p.assetName!, versionId: p.versionId, version: p.version } : { assetId: "", name: "(deleted model)", versionId: p.versionId, version: "?" },
      requestedBy: { id: p.requesterId, name: p.requesterName }, createdAt: p.createdAt.toISOString(), updatedAt: p.updatedAt.toISOString(), failureStep: p.failureStep, usedFakes: p.usedFakes,
    })),
    nextCursor: rows.length > q.limit && last ? timeCursor(last.createdAt, last.id) : null,
  };
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
