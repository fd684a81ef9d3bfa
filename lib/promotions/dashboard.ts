import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/policy/actor";
import { requirePermission } from "@/lib/policy/require";
import { Prisma } from "@/lib/generated/prisma/client";
import { timeAfter, timeCursor } from "@/lib/promotions/keyset";

// The platform's view of delivery: DORA-style metrics from the promotions themselves and what
// ran at any past moment (MLflow cannot say). What runs where now is matrix.ts.

const DAY = 86_400_000;

export async function deliveryMetrics(actor: Actor, weeks = 12) {
  requirePermission(actor, "promotion.read");
  const since = new Date(Date.now() - weeks * 7 * DAY);
  const rows = await db().$queryRaw<{ week: Date; promotions: number; succeeded: number; failed: number; rolled_back: number; lead_hours: number | null; restore_hours: number | null }[]>`
    SELECT date_trunc('week', p.execution_started_at) AS week,
      count(*)::int AS promotions,
      count(*) FILTER (WHERE p.state IN ('succeeded', 'rollback_pending'))::int AS succeeded,
      count(*) FILTER (WHERE p.state = 'failed')::int AS failed,
      count(*) FILTER (WHERE p.state = 'rolled_back')::int AS rolled_back,
      percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM p.finished_at - p.created_at) / 3600)
        FILTER (WHERE p.finished_at IS NOT NULL AND p.state IN ('succeeded', 'rollback_pending', 'rolled_back')) AS lead_hours,
      percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM p.rolled_back_at - p.finished_at) / 3600)
        FILTER (WHERE p.rolled_back_at IS NOT NULL) AS restore_hours
    FROM promotions p
    WHERE p.execution_started_at >= ${since}
    GROUP BY 1 ORDER BY 1`;
  const total = rows.reduce((a, r) => ({ n: a.n + r.promotions, bad: a.bad + r.failed + r.rolled_back }), { n: 0, bad: 0 });
  return {
    weeks: rows.map((r) => ({ week: r.week.toISOString().slice(0, 10), promotions: r.promotions, succeeded: r.succeeded, failed: r.failed, rolledBack: r.rolled_back, leadTimeHours: r.lead_hours === null ? null : Math.round(r.lead_hours * 10) / 10, timeToRestoreHours: r.restore_hours === null ? null : Math.round(r.restore_hours * 10) / 10 })),
    changeFailureRate: total.n ? Math.round((total.bad / total.n) * 1000) / 10 : null,
    executed: total.n,
  };
}

export const asOfQuery = z.object({
  at: z.coerce.date({ message: "Give a date and time, e.g. 2026-11-01T12:00:00Z" }),
  environment: z.string().trim().min(1).max(100).default("prod"),
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

/**
 * The deployments active in an environment at a moment, newest first, a keyset page at a time
 * (deployed_at DESC, id), with their data commits and approvals, in one statement (the inputs
 * and approvals as JSON per row). The whole fleet in prod at a date (1,100 models at full
 * bench scale) in one answer took 130 ms at p95; a page of 50 walks the environment's index
 * from the moment backwards and stops.
 */
export type AsOfQuery = z.infer<typeof asOfQuery>;

export async function inProductionAt(actor: Actor, q: AsOfQuery) {
  requirePermission(actor, "promotion.read");
  const after = timeAfter(q.cursor);
  const rows = await db().$queryRaw<{
    id: string; since: Date; until: Date | null; assetId: string; name: string; versionId: string; version: string; trainingRunId: string | null; code: string | null;
    data: { dataset: string; datasetAssetId: string; version: string; commit: string | null; repository: string | null }[];
    promotionId: string | null; number: number | null; useCaseId: string | null; approvals: { by: string; at: string }[];
  }[]>`
    SELECT d.id::text, d.deployed_at AS since, d.retired_at AS until,
      a.id::text AS "assetId", a.name, mv.id::text AS "versionId", mv.version, mv.training_run_id::text AS "trainingRunId", mv.code_commit_sha AS code,
      COALESCE((SELECT json_agg(json_build_object('dataset', da.name, 'datasetAssetId', da.id, 'version', dv.version, 'commit', dv.lakefs_commit_id, 'repository', dv.lakefs_repository) ORDER BY i.dataset_version_id)
        FROM model_version_inputs i JOIN dataset_versions dv ON dv.id = i.dataset_version_id JOIN assets da ON da.id = dv.asset_id
        WHERE i.model_version_id = mv.id), '[]') AS data,
      p.id::text AS "promotionId", p.number, p.use_case_id::text AS "useCaseId",
      COALESCE((SELECT json_agg(json_build_object('by', u.name, 'at', pa.created_at) ORDER BY pa.created_at)
        FROM promotion_approvals pa JOIN users u ON u.id = pa.reviewer_id
        WHERE pa.promotion_id = p.id AND pa.decision = 'approve' AND pa.purpose = 'promotion' AND pa.created_at <= ${q.at}), '[]') AS approvals
    FROM deployments d
    JOIN model_versions mv ON mv.id = d.model_version_id
    JOIN assets a ON a.id = mv.asset_id
    LEFT JOIN promotions p ON p.id = d.promotion_id
    WHERE d.environment = ${q.environment} AND d.deployed_at <= ${q.at} AND (d.retired_at IS NULL OR d.retired_at > ${q.at})
      AND ${after ? Prisma.sql`(d.deployed_at < ${after.at} OR (d.deployed_at = ${after.at} AND d.id > ${after.id}::uuid))` : Prisma.sql`TRUE`}
    ORDER BY d.deployed_at DESC, d.id
    LIMIT ${q.limit + 1}`;
  const page = rows.slice(0, q.limit);
  const last = page.at(-1);
  return {
    at: q.at.toISOString(),
    environment: q.environment,
    nextCursor: rows.length > q.limit && last ? timeCursor(last.since, last.id) : null,
    deployments: page.map((r) => ({
      id: r.id, since: r.since.toISOString(), until: r.until?.toISOString() ?? null,
      model: { assetId: r.assetId, name: r.name, versionId: r.versionId, version: r.version, trainingRunId: r.trainingRunId, code: r.code },
      data: r.data,
      // JSON carries PostgreSQL's timestamp text; the API answers ISO 8601 in UTC like everywhere else.
      promotion: r.promotionId ? { id: r.promotionId, number: r.number!, useCaseId: r.useCaseId, approvals: r.approvals.map((x) => ({ by: x.by, at: new Date(x.at).toISOString() })) } : null,
    })),
  };
}
