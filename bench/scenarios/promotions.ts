import { DASHBOARD_BUDGET, LIST_BUDGET, type BenchContext, type Scenario } from "./types";

// Approvals and delivery: the approver's inbox, the promotion list, the delivery
// dashboard (matrix and DORA-style metrics) and "what ran in prod at a date".
// The raw SQL is the main query of each service in lib/promotions.

const asOf = (ctx: BenchContext) => String((ctx.extra.promotions as { prodHistoryAt?: string } | undefined)?.prodHistoryAt ?? "2026-06-01T00:00:00Z");

export const promotionScenarios: Scenario[] = [
  {
    name: "approvals inbox",
    requires: ["GET /api/v1/approvals/inbox"], budget: LIST_BUDGET, ratio: true,
    requests: (ctx) => [{ method: "GET", path: "/api/v1/approvals/inbox", headers: ctx.approver }],
    sql: () => [[
      { text: `SELECT p.*, e.key, e.name, pol.required_approvals FROM promotions p JOIN environments e ON e.id = p.environment_id JOIN environment_policies pol ON pol.id = p.policy_id
          WHERE p.state IN ('pending_approval', 'rollback_pending') ORDER BY p.submitted_at, p.id LIMIT 100` },
      { text: `WITH pending AS (SELECT id, model_version_id FROM promotions WHERE state IN ('pending_approval', 'rollback_pending') ORDER BY submitted_at, id LIMIT 100)
          SELECT mv.*, a.name, (SELECT count(*) FROM promotion_approvals pa WHERE pa.promotion_id = pending.id) AS approvals,
                 (SELECT d.model_version_id FROM deployments d JOIN model_versions m2 ON m2.id = d.model_version_id WHERE d.status = 'active' AND m2.asset_id = mv.asset_id LIMIT 1) AS running
          FROM pending JOIN model_versions mv ON mv.id = pending.model_version_id JOIN assets a ON a.id = mv.asset_id` },
    ]],
  },
  {
    name: "promotion list by state",
    requires: ["GET /api/v1/promotions"], budget: LIST_BUDGET, ratio: true,
    requests: (ctx) => ["succeeded", "pending_approval", "failed"].map((state) => ({ method: "GET", path: `/api/v1/promotions?state=${state}&limit=25`, headers: ctx.admin })),
    sql: () => ["succeeded", "pending_approval", "failed"].map((state) => [{
      text: `SELECT p.*, e.key FROM promotions p JOIN environments e ON e.id = p.environment_id WHERE p.state = $1::"PromotionState" ORDER BY p.created_at DESC, p.id DESC LIMIT 26`, values: [state],
    }]),
  },
  {
    name: "promotion dashboard: delivery matrix",
    requires: ["GET /api/v1/delivery/matrix"], budget: DASHBOARD_BUDGET, ratio: true,
    requests: (ctx) => [{ method: "GET", path: "/api/v1/delivery/matrix", headers: ctx.admin }],
    sql: () => [[{
      text: `SELECT DISTINCT ON (mv.asset_id, d.environment) d.environment, d.deployed_at, d.promotion_id, p.number, mv.id, mv.version, mv.created_at, a.id, a.name
        FROM deployments d JOIN model_versions mv ON mv.id = d.model_version_id JOIN assets a ON a.id = mv.asset_id LEFT JOIN promotions p ON p.id = d.promotion_id
        WHERE d.status = 'active' ORDER BY mv.asset_id, d.environment, d.deployed_at DESC`,
    }]],
  },
  {
    name: "promotion dashboard: delivery metrics",
    requires: ["GET /api/v1/delivery/metrics"], budget: DASHBOARD_BUDGET, ratio: true,
    requests: (ctx) => [{ method: "GET", path: "/api/v1/delivery/metrics", headers: ctx.admin }],
    sql: () => [[{
      text: `SELECT date_trunc('week', p.execution_started_at) AS week, count(*)::int,
          count(*) FILTER (WHERE p.state IN ('succeeded', 'rollback_pending'))::int, count(*) FILTER (WHERE p.state = 'failed')::int, count(*) FILTER (WHERE p.state = 'rolled_back')::int,
          percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM p.finished_at - p.created_at) / 3600) FILTER (WHERE p.finished_at IS NOT NULL AND p.state IN ('succeeded', 'rollback_pending', 'rolled_back')),
          percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM p.rolled_back_at - p.finished_at) / 3600) FILTER (WHERE p.rolled_back_at IS NOT NULL)
        FROM promotions p WHERE p.execution_started_at >= now() - interval '12 weeks' GROUP BY 1 ORDER BY 1`,
    }]],
  },
  {
    name: "what ran in prod at a past date",
    requires: ["GET /api/v1/delivery/as-of"], budget: LIST_BUDGET, ratio: true,
    requests: (ctx) => [{ method: "GET", path: `/api/v1/delivery/as-of?${new URLSearchParams({ at: asOf(ctx), environment: "prod" })}`, headers: ctx.admin }],
    sql: (ctx) => [[{
      text: `SELECT d.id, d.deployed_at, d.retired_at, a.id, a.name, mv.id, mv.version, mv.training_run_id, mv.code_commit_sha,
          COALESCE((SELECT json_agg(json_build_object('dataset', da.name, 'datasetAssetId', da.id, 'version', dv.version, 'commit', dv.lakefs_commit_id, 'repository', dv.lakefs_repository) ORDER BY i.dataset_version_id)
            FROM model_version_inputs i JOIN dataset_versions dv ON dv.id = i.dataset_version_id JOIN assets da ON da.id = dv.asset_id WHERE i.model_version_id = mv.id), '[]'),
          p.id, p.number, p.use_case_id,
          COALESCE((SELECT json_agg(json_build_object('by', u.name, 'at', pa.created_at) ORDER BY pa.created_at) FROM promotion_approvals pa JOIN users u ON u.id = pa.reviewer_id
            WHERE pa.promotion_id = p.id AND pa.decision = 'approve' AND pa.purpose = 'promotion' AND pa.created_at <= $1), '[]')
        FROM deployments d JOIN model_versions mv ON mv.id = d.model_version_id JOIN assets a ON a.id = mv.asset_id LEFT JOIN promotions p ON p.id = d.promotion_id
        WHERE d.environment = 'prod' AND d.deployed_at <= $1 AND (d.retired_at IS NULL OR d.retired_at > $1) ORDER BY d.deployed_at DESC, d.id`,
      values: [asOf(ctx)],
    }]],
  },
];
