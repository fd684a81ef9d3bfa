import { DASHBOARD_BUDGET, LIST_BUDGET, type BenchContext, type Scenario } from "./types";

// Approvals and delivery: the approver's inbox, the promotion list, the delivery
// dashboard (matrix and DORA-style metrics) and "what ran in prod at a date".
// The raw SQL is the main query of each service in lib/promotions. Where the service sends a
// second statement with the ids the first answered (the inbox's page, then its diffs' versions;
// the matrix's page of models, then their cells), so does the mirror (a step's values computed
// from the previous step's rows).

const INBOX_PAGE = 25;
const MATRIX_PAGE = 50;

/**
 * lib/promotions/inbox.ts's page for the bench approver (role approver; its teams come from the
 * token lookup in the app), "I can decide", first page, with its versions (inbox-sides.ts).
 */
const inboxSql = `
  WITH me AS (SELECT $1::uuid AS id, ARRAY['approver']::text[] AS roles, ARRAY(SELECT team_id::text FROM team_memberships WHERE user_id = $1::uuid) AS teams),
  page AS (
    SELECT x.* FROM unnest(ARRAY['pending_approval', 'rollback_pending']::"PromotionState"[]) s(state)
    CROSS JOIN LATERAL (
      SELECT p.id, p.submitted_at, (uc.tier = 'high' OR p.inherited_risk_tier IN ('high', 'prohibited')) AS high_risk
      FROM promotions p JOIN environment_policies pol ON pol.id = p.policy_id LEFT JOIN use_cases uc ON uc.id = p.use_case_id, me
      WHERE p.state = s.state
        AND NOT (pol.requester_may_not_approve AND (CASE WHEN p.state = 'rollback_pending' THEN COALESCE(p.rollback_requested_by_id, p.requested_by_id) ELSE p.requested_by_id END) = me.id)
        AND NOT (pol.author_may_not_approve AND EXISTS (SELECT 1 FROM audit_events ae WHERE ae.entity_type = 'model_version' AND ae.entity_id = p.model_version_id::text
          AND ae.action = 'model_version.registered' AND ae.actor_type = 'user' AND ae.actor_id = me.id::text))
        AND NOT EXISTS (SELECT 1 FROM promotion_approvals pa WHERE pa.promotion_id = p.id AND pa.round = p.round AND pa.reviewer_id = me.id
          AND pa.purpose = (CASE WHEN p.state = 'rollback_pending' THEN 'rollback' ELSE 'promotion' END)::"ApprovalPurpose")
        AND (p.policy_id = ANY(ARRAY(SELECT ap.id FROM environment_policies ap WHERE ap.approver_roles::text[] && me.roles
              AND (cardinality(ap.approver_team_ids) = 0 OR ap.approver_team_ids && me.teams)))
          OR ((uc.tier = 'high' OR p.inherited_risk_tier IN ('high', 'prohibited')) AND p.policy_id = ANY(ARRAY(SELECT hp.id FROM environment_policies hp WHERE hp.high_risk_role::text = ANY(me.roles)))))
      ORDER BY p.submitted_at, p.id LIMIT ${INBOX_PAGE + 1}
    ) x
    ORDER BY x.submitted_at, x.id LIMIT ${INBOX_PAGE + 1}
  )
  SELECT p.id, p.number, p.state, p.round, p.strategy, p.justification, p.rollback_reason, page.submitted_at, p.model_version_id, p.previous_deployment->>'modelVersionId' AS previous_version_id,
    e.key, e.name, u.id AS requester_id, u.name AS requester_name, p.rollback_requested_by_id, rb.name AS rollback_requested_by_name,
    pol.required_approvals, pol.rollback_approvals, pol.approver_roles::text[], pol.approver_team_ids, pol.high_risk_role::text, pol.requester_may_not_approve, pol.author_may_not_approve,
    COALESCE(page.high_risk, false) AS high_risk,
    (SELECT ae.actor_id FROM audit_events ae WHERE ae.entity_type = 'model_version' AND ae.entity_id = p.model_version_id::text
      AND ae.action = 'model_version.registered' AND ae.actor_type = 'user' ORDER BY ae.seq DESC LIMIT 1) AS author_id,
    COALESCE((SELECT json_agg(json_build_object('reviewerId', pa.reviewer_id, 'decision', pa.decision, 'roles', (SELECT array_agg(ur.role) FROM user_roles ur WHERE ur.user_id = pa.reviewer_id)))
      FROM promotion_approvals pa WHERE pa.promotion_id = p.id AND pa.round = p.round
        AND pa.purpose = (CASE WHEN p.state = 'rollback_pending' THEN 'rollback' ELSE 'promotion' END)::"ApprovalPurpose"), '[]') AS decisions,
    COALESCE((SELECT json_agg(json_build_object('gate', g.gate, 'verdict', g.verdict, 'reason', g.reason) ORDER BY g.gate)
      FROM promotion_gate_results g WHERE g.promotion_id = p.id
        AND g.evaluated_at = (SELECT max(g2.evaluated_at) FROM promotion_gate_results g2 WHERE g2.promotion_id = p.id)), '[]') AS gates,
    mv.asset_id
  FROM page
  JOIN promotions p ON p.id = page.id JOIN environments e ON e.id = p.environment_id JOIN environment_policies pol ON pol.id = p.policy_id JOIN users u ON u.id = p.requested_by_id
  LEFT JOIN users rb ON rb.id = p.rollback_requested_by_id LEFT JOIN model_versions mv ON mv.id = p.model_version_id
  ORDER BY page.submitted_at, page.id`;

/** lib/promotions/inbox-sides.ts: the page's versions and what runs now where each request goes. */
const sidesSql = `
  WITH running AS (
    SELECT DISTINCT ON (m2.asset_id, d.environment) d.model_version_id, d.environment, d.deployed_at
    FROM model_versions m2 JOIN deployments d ON d.model_version_id = m2.id
    WHERE m2.asset_id = ANY($1::uuid[]) AND d.environment = ANY($2::text[]) AND d.status = 'active'
    ORDER BY m2.asset_id, d.environment, d.deployed_at DESC
  )
  SELECT mv.id::text, mv.version, mv.created_at, a.id::text, a.name, mv.metrics, mv.params, mv.code_commit_sha,
    COALESCE((SELECT json_agg(json_build_object('dataset', da.name, 'version', dv.version, 'commit', dv.lakefs_commit_id) ORDER BY da.name, dv.version)
      FROM model_version_inputs i JOIN dataset_versions dv ON dv.id = i.dataset_version_id JOIN assets da ON da.id = dv.asset_id
      WHERE i.model_version_id = mv.id), '[]'),
    (SELECT json_agg(json_build_object('environment', r.environment, 'since', r.deployed_at)) FROM running r WHERE r.model_version_id = mv.id)
  FROM model_versions mv JOIN assets a ON a.id = mv.asset_id
  WHERE mv.id = ANY(ARRAY(SELECT unnest($3::uuid[]) UNION SELECT model_version_id FROM running))`;
/** The sides statement's arguments from the page's rows, as inbox.ts builds them. */
const sidesValues = (rows: Record<string, unknown>[]) => {
  const page = rows.slice(0, INBOX_PAGE);
  const uniq = (xs: unknown[]) => [...new Set(xs.filter((x) => x !== null && x !== undefined))];
  return [uniq(page.map((r) => r.asset_id)), uniq(page.map((r) => r.key)), uniq(page.flatMap((r) => [r.model_version_id, r.previous_version_id]))];
};


/** lib/promotions/matrix.ts: the environments with their drift days, the first page of deployed models by name (optionally drifting), their cells. */
const envsSql = `SELECT e.key, e.name, COALESCE((SELECT pol.drift_days FROM environment_policies pol WHERE pol.environment_id = e.id ORDER BY pol.version DESC LIMIT 1), 14) AS drift_days
  FROM environments e ORDER BY e.rank, e.key`;
const matrixPageSql = (driftOnly: boolean) => `
  SELECT a.id::text, a.name FROM assets a
  WHERE a.kind = 'model'
    AND EXISTS (SELECT 1 FROM model_versions mv JOIN deployments d ON d.model_version_id = mv.id WHERE mv.asset_id = a.id AND d.status = 'active')
    ${driftOnly ? `AND EXISTS (
      SELECT 1 FROM unnest($1::text[], $2::text[], $3::int[]) ep(lower, upper, days)
      CROSS JOIN LATERAL (SELECT d.model_version_id, d.deployed_at, mv.created_at FROM model_versions mv JOIN deployments d ON d.model_version_id = mv.id
        WHERE mv.asset_id = a.id AND d.environment = ep.lower AND d.status = 'active' ORDER BY d.deployed_at DESC LIMIT 1) lo
      LEFT JOIN LATERAL (SELECT d.model_version_id, d.deployed_at, mv.created_at FROM model_versions mv JOIN deployments d ON d.model_version_id = mv.id
        WHERE mv.asset_id = a.id AND d.environment = ep.upper AND d.status = 'active' ORDER BY d.deployed_at DESC LIMIT 1) up ON TRUE
      WHERE lo.model_version_id IS DISTINCT FROM up.model_version_id AND (up.model_version_id IS NULL OR lo.created_at > up.created_at)
        AND lo.deployed_at <= now() - (ep.days + 1) * interval '1 day')` : ""}
  ORDER BY a.name, a.id LIMIT ${MATRIX_PAGE + 1}`;
/** The consecutive environment pairs and the upper one's drift days, from the environments step. */
const pairValues = (envs: Record<string, unknown>[]) => [envs.slice(0, -1).map((e) => e.key), envs.slice(1).map((e) => e.key), envs.slice(1).map((e) => e.drift_days)];
const cellsSql = `
  SELECT DISTINCT ON (mv.asset_id, d.environment) mv.asset_id::text, d.environment, d.deployed_at, d.promotion_id::text, p.number, mv.id::text, mv.version, mv.created_at
  FROM model_versions mv JOIN deployments d ON d.model_version_id = mv.id LEFT JOIN promotions p ON p.id = d.promotion_id
  WHERE mv.asset_id = ANY($1::uuid[]) AND d.status = 'active'
  ORDER BY mv.asset_id, d.environment, d.deployed_at DESC`;
const matrixSteps = (driftOnly: boolean) => [
  { text: envsSql },
  { text: matrixPageSql(driftOnly), values: driftOnly ? pairValues : () => [] },
  { text: cellsSql, values: (models: Record<string, unknown>[]) => [models.slice(0, MATRIX_PAGE).map((m) => m.id)] },
];

const asOf = (ctx: BenchContext) => String((ctx.extra.promotions as { prodHistoryAt?: string } | undefined)?.prodHistoryAt ?? "2026-06-01T00:00:00Z");

export const promotionScenarios: Scenario[] = [
  {
    name: "approvals inbox",
    requires: ["GET /api/v1/approvals/inbox"], budget: LIST_BUDGET, ratio: true,
    requests: (ctx) => [{ method: "GET", path: `/api/v1/approvals/inbox?show=decide&limit=${INBOX_PAGE}`, headers: ctx.approver }],
    sql: (ctx) => [[{ text: inboxSql, values: [ctx.identity.approver.userId] }, { text: sidesSql, values: sidesValues }]],
  },
  {
    name: "promotion list by state",
    requires: ["GET /api/v1/promotions"], budget: LIST_BUDGET, ratio: true,
    requests: (ctx) => ["succeeded", "pending_approval", "failed"].map((state) => ({ method: "GET", path: `/api/v1/promotions?state=${state}&limit=25`, headers: ctx.admin })),
    // lib/promotions/read.ts listPromotions: one statement per page.
    sql: () => ["succeeded", "pending_approval", "failed"].map((state) => [{
      text: `SELECT p.id::text, p.number, p.state::text, p.strategy::text, p.created_at, p.updated_at, p.failure_step, p.used_fakes, e.key, e.name, u.id::text, u.name,
          p.model_version_id::text, mv.version, a.id::text, a.name
        FROM promotions p JOIN environments e ON e.id = p.environment_id JOIN users u ON u.id = p.requested_by_id
        LEFT JOIN model_versions mv ON mv.id = p.model_version_id LEFT JOIN assets a ON a.id = mv.asset_id
        WHERE p.state = $1::"PromotionState" ORDER BY p.created_at DESC, p.id LIMIT 26`, values: [state],
    }]),
  },
  {
    name: "promotion dashboard: delivery matrix",
    requires: ["GET /api/v1/delivery/matrix"], budget: DASHBOARD_BUDGET, ratio: true,
    // The page as it opens, and with "drift only" ticked.
    requests: (ctx) => [
      { method: "GET", path: `/api/v1/delivery/matrix?limit=${MATRIX_PAGE}`, headers: ctx.admin },
      { method: "GET", path: `/api/v1/delivery/matrix?limit=${MATRIX_PAGE}&drift=only`, headers: ctx.admin },
    ],
    sql: () => [matrixSteps(false), matrixSteps(true)],
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
    // The first page (50, newest first), as the delivery page asks.
    requests: (ctx) => [{ method: "GET", path: `/api/v1/delivery/as-of?${new URLSearchParams({ at: asOf(ctx), environment: "prod", limit: "50" })}`, headers: ctx.admin }],
    sql: (ctx) => [[{
      text: `SELECT d.id, d.deployed_at, d.retired_at, a.id, a.name, mv.id, mv.version, mv.training_run_id, mv.code_commit_sha,
          COALESCE((SELECT json_agg(json_build_object('dataset', da.name, 'datasetAssetId', da.id, 'version', dv.version, 'commit', dv.lakefs_commit_id, 'repository', dv.lakefs_repository) ORDER BY i.dataset_version_id)
            FROM model_version_inputs i JOIN dataset_versions dv ON dv.id = i.dataset_version_id JOIN assets da ON da.id = dv.asset_id WHERE i.model_version_id = mv.id), '[]'),
          p.id, p.number, p.use_case_id,
          COALESCE((SELECT json_agg(json_build_object('by', u.name, 'at', pa.created_at) ORDER BY pa.created_at) FROM promotion_approvals pa JOIN users u ON u.id = pa.reviewer_id
            WHERE pa.promotion_id = p.id AND pa.decision = 'approve' AND pa.purpose = 'promotion' AND pa.created_at <= $1), '[]')
        FROM deployments d JOIN model_versions mv ON mv.id = d.model_version_id JOIN assets a ON a.id = mv.asset_id LEFT JOIN promotions p ON p.id = d.promotion_id
        WHERE d.environment = 'prod' AND d.deployed_at <= $1 AND (d.retired_at IS NULL OR d.retired_at > $1) ORDER BY d.deployed_at DESC, d.id LIMIT 51`,
      values: [asOf(ctx)],
    }]],
  },
];
