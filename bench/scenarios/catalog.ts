import type { SqlStep } from "../lib/measure";
import { rng } from "../lib/rng";
import { LIST_BUDGET, type BenchContext, type Scenario } from "./types";

// Catalog search, its facet counts and the data of an asset page. The raw SQL mirrors what
// lib/catalog/search.ts (the page with its rows in one statement), lib/catalog/facets.ts
// (counts kept per team/kind/value without a text query, else over the first 1,000
// matches) and lib/catalog/assets.ts ask. The page asks the list and the facets as two
// questions and streams the facets in after the list, so each is its own scenario.

const QUERIES = ["customer", "orders", "cust ord", "fraud scores", "pii", "payments transactions", "churn", "daily sales", "embeddings", "risk"];
const FACET_SAMPLE = 1000;
const UNOWNED = "00000000-0000-0000-0000-000000000000";

const prefix = (q: string) => q.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean).map((w) => `${w}:*`).join(" & ");

/** The search's where over `assets a` with its values, as lib/catalog/search.ts builds it. */
function searchWhere(q: string | null, kind: string | null, teams: string[] | null): { where: string; values: unknown[] } {
  const values: unknown[] = [];
  const conds: string[] = [];
  if (teams === null) conds.push("TRUE");
  else { values.push(teams); conds.push(`(a.owner_team_id IS NULL OR a.owner_team_id = ANY($${values.length}::uuid[]))`); }
  if (q) { values.push(prefix(q)); conds.push(`a.search_vector @@ to_tsquery('simple', $${values.length})`); }
  if (kind) { values.push(kind); conds.push(`a.kind = $${values.length}::"AssetKind"`); }
  return { where: conds.join(" AND "), values };
}

const ASSET_COLUMNS = `a.id, a.kind::text AS kind, a.namespace, a.name, a.description, a.tags, a.column_names,
    a.owner_team_id, (SELECT t.name FROM teams t WHERE t.id = a.owner_team_id) AS owner_team_name,
    ARRAY(SELECT u.use_case_id::text FROM asset_use_cases u WHERE u.asset_id = a.id ORDER BY u.created_at) AS use_case_ids,
    a.created_at, a.updated_at`;

/** The first page of a search with its rows: one statement, as the service asks it. */
function listSql(q: string | null, kind: string | null, teams: string[] | null): SqlStep[] {
  const { where, values } = searchWhere(q, kind, teams);
  const rank = q ? `ts_rank(a.search_vector, to_tsquery('simple', $${values.indexOf(prefix(q)) + 1}))::float8` : "0::float8";
  const order = q ? "r.rank DESC, r.id" : "r.name, r.id";
  return [{ text: `SELECT r.* FROM (SELECT ${ASSET_COLUMNS}, ${rank} AS rank FROM assets a WHERE ${where}) r WHERE TRUE ORDER BY ${order} LIMIT 26`, values }];
}

/** The facet counts of the same filters, as lib/catalog/facets.ts asks them. */
function facetsSql(q: string | null, kind: string | null, teams: string[] | null): SqlStep[] {
  if (!q) {
    const values: unknown[] = [];
    const conds: string[] = [];
    if (teams !== null) { values.push([...teams, UNOWNED]); conds.push(`c.owner_key = ANY($${values.length}::uuid[])`); }
    if (kind) { values.push(kind); conds.push(`c.kind = $${values.length}::"AssetKind"`); }
    values.push(UNOWNED);
    const unowned = `$${values.length}`;
    return [{
      text: `WITH c AS MATERIALIZED (SELECT c.owner_key, c.kind, c.facet, c.value, c.count FROM asset_facet_counts c WHERE ${conds.length ? conds.join(" AND ") : "TRUE"} AND c.count > 0),
    ns AS (SELECT * FROM c WHERE facet = 'namespace')
    SELECT 'total' AS facet, NULL AS value, NULL AS label, coalesce(sum(count), 0)::bigint AS count FROM ns
    UNION ALL SELECT 'kind', kind::text, kind::text, sum(count)::bigint FROM ns GROUP BY kind
    UNION ALL SELECT 'owner', nullif(ns.owner_key::text, ${unowned}), coalesce(t.name, 'Unowned'), sum(count)::bigint FROM ns LEFT JOIN teams t ON t.id = ns.owner_key GROUP BY ns.owner_key, t.name
    UNION ALL (SELECT 'tag', value, value, sum(count)::bigint FROM c WHERE facet = 'tag' GROUP BY value ORDER BY sum(count) DESC, value LIMIT 30)
    UNION ALL (SELECT 'namespace', value, value, sum(count)::bigint FROM ns GROUP BY value ORDER BY sum(count) DESC, value LIMIT 30)`,
      values,
    }];
  }
  const { where, values } = searchWhere(q, kind, teams);
  return [{
    text: `WITH m AS MATERIALIZED (SELECT a.kind, a.owner_team_id, a.tags, a.namespace FROM assets a WHERE ${where} LIMIT ${FACET_SAMPLE + 1}),
    s AS MATERIALIZED (SELECT * FROM m LIMIT ${FACET_SAMPLE})
    SELECT 'total' AS facet, NULL AS value, NULL AS label, count(*)::bigint AS count FROM s
    UNION ALL SELECT 'more', NULL, NULL, (count(*) - ${FACET_SAMPLE})::bigint FROM m
    UNION ALL SELECT 'kind', kind::text, kind::text, count(*)::bigint FROM s GROUP BY kind
    UNION ALL SELECT 'owner', s.owner_team_id::text, coalesce(t.name, 'Unowned'), count(*)::bigint FROM s LEFT JOIN teams t ON t.id = s.owner_team_id GROUP BY s.owner_team_id, t.name
    UNION ALL (SELECT 'tag', tag, tag, count(*)::bigint FROM s, LATERAL (SELECT DISTINCT tag FROM unnest(s.tags) AS tag) t GROUP BY tag ORDER BY count(*) DESC, tag LIMIT 30)
    UNION ALL (SELECT 'namespace', namespace, namespace, count(*)::bigint FROM s GROUP BY namespace ORDER BY count(*) DESC, namespace LIMIT 30)`,
    values,
  }];
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
    sql: () => QUERIES.map((q) => listSql(q, null, null)),
  },
  {
    name: "catalog search (full text, team-scoped owner)",
    requires: ["GET /api/v1/assets"], budget: LIST_BUDGET, ratio: true,
    requests: (ctx) => QUERIES.map((q) => ({ method: "GET", path: `/api/v1/assets?${qs({ q, limit: "25" })}`, headers: ctx.owner })),
    sql: (ctx) => QUERIES.map((q) => listSql(q, null, ctx.identity.owner.teamIds)),
  },
  {
    name: "catalog list by kind (no query)",
    requires: ["GET /api/v1/assets"], budget: LIST_BUDGET, ratio: true,
    requests: (ctx) => ["dataset", "model", "job"].map((kind) => ({ method: "GET", path: `/api/v1/assets?${qs({ kind, limit: "25" })}`, headers: ctx.admin })),
    sql: () => ["dataset", "model", "job"].map((kind) => listSql(null, kind, null)),
  },
  {
    name: "catalog facets (full text, admin)",
    requires: ["GET /api/v1/assets/facets"], budget: LIST_BUDGET, ratio: true,
    requests: (ctx) => QUERIES.map((q) => ({ method: "GET", path: `/api/v1/assets/facets?${qs({ q })}`, headers: ctx.admin })),
    sql: () => QUERIES.map((q) => facetsSql(q, null, null)),
  },
  {
    name: "catalog facets (full text, team-scoped owner)",
    requires: ["GET /api/v1/assets/facets"], budget: LIST_BUDGET, ratio: true,
    requests: (ctx) => QUERIES.map((q) => ({ method: "GET", path: `/api/v1/assets/facets?${qs({ q })}`, headers: ctx.owner })),
    sql: (ctx) => QUERIES.map((q) => facetsSql(q, null, ctx.identity.owner.teamIds)),
  },
  {
    name: "catalog facets by kind (no query)",
    requires: ["GET /api/v1/assets/facets"], budget: LIST_BUDGET, ratio: true,
    requests: (ctx) => ["dataset", "model", "job"].map((kind) => ({ method: "GET", path: `/api/v1/assets/facets?${qs({ kind })}`, headers: ctx.admin })),
    sql: () => ["dataset", "model", "job"].map((kind) => facetsSql(null, kind, null)),
  },
  {
    name: "asset page: asset",
    requires: ["GET /api/v1/assets/{id}"], budget: LIST_BUDGET, ratio: true,
    requests: (ctx) => sampleAssets(ctx, 200, ["dataset", "model", "job"]).map((id) => ({ method: "GET", path: `/api/v1/assets/${id}`, headers: ctx.admin })),
    sql: (ctx) => sampleAssets(ctx, 200, ["dataset", "model", "job"]).map((id) => [
      { text: `SELECT ${ASSET_COLUMNS} FROM assets a WHERE a.id = $1::uuid AND TRUE`, values: [id] },
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
