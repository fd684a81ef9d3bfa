import { DASHBOARD_BUDGET, LIST_BUDGET, type Scenario } from "./types";

// The portfolio (use cases): the list with filters and full-text search, and the
// leadership dashboard's summary. Raw SQL as in lib/use-cases/list.ts and summary.ts.

const LIST_SQL = `SELECT u.id, u.title, u.team_id, t.name AS team_name, u.owner_id, o.name AS owner_name, u.state::text AS state, u.tier::text AS tier,
    u.value_type::text, u.value_low, u.value_high, u.priority, u.score_count, u.disagreement, u.created_at, u.state_changed_at
  FROM use_cases u JOIN teams t ON t.id = u.team_id JOIN users o ON o.id = u.owner_id`;

const FILTERS: { qs: Record<string, string>; where: string; values: unknown[] }[] = [
  { qs: { state: "in_review,approved" }, where: `u.state = ANY($1::"UseCaseState"[])`, values: [["in_review", "approved"]] },
  { qs: { tier: "high", sort: "newest" }, where: `u.tier = ANY($1::"RiskTier"[])`, values: [["high"]] },
  { qs: { q: "fraud" }, where: `u.search_vector @@ websearch_to_tsquery('english', $1)`, values: ["fraud"] },
  { qs: { q: "churn forecast", state: "submitted,in_review" }, where: `u.search_vector @@ websearch_to_tsquery('english', $1) AND u.state = ANY($2::"UseCaseState"[])`, values: ["churn forecast", ["submitted", "in_review"]] },
];

const OPEN = `u.state NOT IN ('draft', 'rejected', 'retired')`;

export const portfolioScenarios: Scenario[] = [
  {
    name: "portfolio list with filters and full-text search",
    requires: ["GET /api/v1/use-cases"], budget: LIST_BUDGET, ratio: true,
    requests: (ctx) => FILTERS.map((f) => ({ method: "GET", path: `/api/v1/use-cases?${new URLSearchParams({ ...f.qs, limit: "50" })}`, headers: ctx.admin })),
    sql: () => FILTERS.map((f) => [{ text: `${LIST_SQL} WHERE ${f.where} ORDER BY ${f.qs.sort === "newest" ? "u.created_at DESC, u.id DESC" : "u.priority DESC, u.id DESC"} LIMIT 51`, values: f.values }]),
  },
  {
    name: "portfolio dashboard summary",
    requires: ["GET /api/v1/portfolio/summary"], budget: DASHBOARD_BUDGET, ratio: true,
    requests: (ctx) => [{ method: "GET", path: "/api/v1/portfolio/summary", headers: ctx.admin }],
    sql: () => [[
      { text: "SELECT u.state::text, count(*)::int FROM use_cases u GROUP BY u.state" },
      { text: `WITH top AS (SELECT u.id, u.title, u.tier, u.state, u.feasibility, u.score_count, u.priority, (u.value_low + u.value_high) / 2.0 AS value FROM use_cases u
          WHERE ${OPEN} AND u.value_low IS NOT NULL AND u.value_high IS NOT NULL AND u.feasibility IS NOT NULL ORDER BY value DESC, u.id LIMIT 150)
        SELECT t.id, t.title, t.value, COALESCE((SELECT avg((s.values ->> 'feasibility')::float8) FROM use_case_scores s WHERE s.use_case_id = t.id), t.feasibility) FROM top t ORDER BY t.value DESC, t.id` },
      { text: `SELECT u.tier::text, count(*)::int FROM use_cases u WHERE ${OPEN} GROUP BY u.tier` },
      { text: `SELECT to_char(date_trunc('month', e.created_at), 'YYYY-MM'), count(*) FILTER (WHERE e.to_state = 'submitted'), count(*) FILTER (WHERE e.to_state = 'approved'), count(*) FILTER (WHERE e.to_state = 'in_production')
        FROM use_case_events e WHERE e.to_state IN ('submitted', 'approved', 'in_production') AND e.created_at >= date_trunc('month', now()) - interval '11 months' GROUP BY 1 ORDER BY 1` },
      { text: `SELECT e.to_state::text, percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM e.ended_at - e.created_at)) / 86400.0, count(*) FROM use_case_events e WHERE e.ended_at >= now() - interval '12 months' GROUP BY e.to_state` },
      { text: `SELECT u.id, u.title, u.priority FROM use_cases u WHERE u.state IN ('submitted', 'in_review') AND u.score_count > 0 ORDER BY u.priority DESC, u.id DESC LIMIT 10` },
    ]],
  },
];
