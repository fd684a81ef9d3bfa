import type { SqlStep } from "../lib/measure";
import { rng } from "../lib/rng";
import { LIST_BUDGET, type BenchContext, type Scenario } from "./types";

// Catalog search and the data of an asset page. The raw SQL mirrors what
// lib/catalog/search.ts and versions.ts ask (page, rows of the page, facet counts).

const QUERIES = ["customer", "orders", "cust ord", "fraud scores", "pii", "payments transactions", "churn", "daily sales", "embeddings", "risk"];

const prefix = (q: string) => q.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean).map((w) => `${w}:*`).join(" & ");

function visible(teams: string[] | null, n: number): { sql: string; values: unknown[] } {
  return teams === null ? { sql: "TRUE", values: [] } : { sql: `(a.owner_team_id IS NULL OR a.owner_team_id = ANY($${n}::uuid[]))`, values: [teams] };
}

function searchSql(q: string | null, kind: string | null, teams: string[] | null): SqlStep[] {
  const values: unknown[] = [];
  const conds: string[] = [];
  const vis = visible(teams, values.length + 1);
  conds.push(vis.sql);
  values.push(...vis.values);
  if (q) { values.push(prefix(q)); conds.push(`a.search_vector @@ to_tsquery('simple', $${values.length})`); }
  if (kind) { values.push(kind); conds.push(`a.kind = $${values.length}::"AssetKind"`); }
  const where = conds.join(" AND ");
  const rank = q ? `ts_rank(a.search_vector, to_tsquery('simple', $${values.indexOf(prefix(q)) + 1}))::float8` : "0::float8";
  const order = q ? "r.rank DESC, r.id" : "r.name, r.id";
  // The page with its rows in one statement (the service takes two), then the facet counts.
  return [
    {
      text: `SELECT r.*, t.name AS team FROM (SELECT a.id, a.kind, a.namespace, a.name, a.description, a.tags, a.column_names, a.owner_team_id, a.created_at, a.updated_at, ${rank} AS rank
        FROM assets a WHERE ${where}) r LEFT JOIN teams t ON t.id = r.owner_team_id ORDER BY ${order} LIMIT 26`,
      values,
    },
    {
      text: `WITH m AS (SELECT a.kind, a.owner_team_id, a.tags, a.namespace FROM assets a WHERE ${where})
        SELECT 'kind', kind::text, count(*) FROM m GROUP BY kind
        UNION ALL SELECT 'owner', m.owner_team_id::text, count(*) FROM m LEFT JOIN teams t ON t.id = m.owner_team_id GROUP BY m.owner_team_id, t.name
        UNION ALL (SELECT 'tag', tag, count(*) FROM m, unnest(m.tags) AS tag GROUP BY tag ORDER BY count(*) DESC, tag LIMIT 30)
        UNION ALL (SELECT 'namespace', namespace, count(*) FROM m GROUP BY namespace ORDER BY count(*) DESC, namespace LIMIT 30)`,
      values,
    },
  ];
}

const qs = (p: Record<string, string>) => new URLSearchParams(p).toString();

/** Assets with versions, picked deterministically (a few hot ones with hundreds of versions among them). */
function sampleAssets(ctx: BenchContext, n: number, kinds: string[]): string[] {
  const r = rng(ctx.seed, "scenario-assets");
  const { ids, kinds: k } = ctx.catalog;
  const out: string[] = [];
  for (let guard = 0; out.length < n && guard < n * 50; guard++) {
    const i = r.int(0, ids.length);
    if (kinds.includes(k[i]!)) out.push(ids[i]!);
  }
  return out;
}

export const catalogScenarios: Scenario[] = [
  {
    name: "catalog search (full text, admin)",
    requires: ["GET /api/v1/assets"], budget: LIST_BUDGET, ratio: true,
    requests: (ctx) => QUERIES.map((q) => ({ method: "GET", path: `/api/v1/assets?${qs({ q, limit: "25" })}`, headers: ctx.admin })),
    sql: () => QUERIES.map((q) => searchSql(q, null, null)),
  },
  {
    name: "catalog search (full text, team-scoped owner)",
    requires: ["GET /api/v1/assets"], budget: LIST_BUDGET, ratio: true,
    requests: (ctx) => QUERIES.map((q) => ({ method: "GET", path: `/api/v1/assets?${qs({ q, limit: "25" })}`, headers: ctx.owner })),
    sql: (ctx) => QUERIES.map((q) => searchSql(q, null, ctx.identity.owner.teamIds)),
  },
  {
    name: "catalog list by kind (no query)",
    requires: ["GET /api/v1/assets"], budget: LIST_BUDGET, ratio: true,
    requests: (ctx) => ["dataset", "model", "job"].map((kind) => ({ method: "GET", path: `/api/v1/assets?${qs({ kind, limit: "25" })}`, headers: ctx.admin })),
    sql: () => ["dataset", "model", "job"].map((kind) => searchSql(null, kind, null)),
  },
  {
    name: "asset page: asset",
    requires: ["GET /api/v1/assets/{id}"], budget: LIST_BUDGET, ratio: true,
    requests: (ctx) => sampleAssets(ctx, 200, ["dataset", "model", "job"]).map((id) => ({ method: "GET", path: `/api/v1/assets/${id}`, headers: ctx.admin })),
    sql: (ctx) => sampleAssets(ctx, 200, ["dataset", "model", "job"]).map((id) => [
      { text: "SELECT a.*, t.name AS team FROM assets a LEFT JOIN teams t ON t.id = a.owner_team_id WHERE a.id = $1", values: [id] },
      { text: "SELECT use_case_id FROM asset_use_cases WHERE asset_id = $1 ORDER BY created_at", values: [id] },
    ]),
  },
  {
    name: "asset page: versions (newest 25)",
    requires: ["GET /api/v1/assets/{id}/versions"], budget: LIST_BUDGET, ratio: true,
    requests: (ctx) => sampleAssets(ctx, 200, ["dataset", "model"]).map((id) => ({ method: "GET", path: `/api/v1/assets/${id}/versions?limit=25`, headers: ctx.admin })),
    sql: (ctx) => sampleAssets(ctx, 200, ["dataset", "model"]).map((id) => [
      { text: "SELECT id, kind FROM assets WHERE id = $1", values: [id] },
      { text: "(SELECT id, observed_at AS t FROM dataset_versions WHERE asset_id = $1 ORDER BY observed_at DESC, id LIMIT 26) UNION ALL (SELECT id, created_at FROM model_versions WHERE asset_id = $1 ORDER BY created_at DESC, id LIMIT 26)", values: [id] },
    ]),
  },
  {
    name: "audit log (newest 50, then by action)",
    requires: ["GET /api/v1/audit"], budget: LIST_BUDGET, ratio: true,
    requests: (ctx) => [
      { method: "GET", path: "/api/v1/audit?limit=50", headers: ctx.admin },
      { method: "GET", path: "/api/v1/audit?limit=50&action=promotion.approved", headers: ctx.admin },
    ],
    sql: () => [
      [{ text: "SELECT * FROM audit_events ORDER BY seq DESC LIMIT 51" }],
      [{ text: "SELECT * FROM audit_events WHERE action = $1 ORDER BY seq DESC LIMIT 51", values: ["promotion.approved"] }],
    ],
  },
];
