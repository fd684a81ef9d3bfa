import type { SqlStep } from "../lib/measure";
import { IMPACT_NODE_CAP } from "../../lib/lineage/limits";
import { LINEAGE_BUDGET, LIST_BUDGET, type BenchContext, type Scenario } from "./types";

// Lineage walks from the widest hubs of the generated graph (thousands of direct
// neighbours, long chains and cycles behind them), and impact analysis. The raw SQL is
// lib/lineage/walk.ts's breadth-first walk (one row per level, each node once, stopping at
// the node limit) followed by the nodes and the edges among them, in one statement; "both"
// walks each direction to the limit and keeps the nearest, as lib/lineage/graph.ts does.

const LIMIT = 500;

/** The walk of lib/lineage/walk.ts as a CTE named `name` ($1 start, $2 depth, $3 node limit). */
export function levelCte(name: string, dir: "up" | "down"): string {
  const [from, to] = dir === "down" ? ["source_id", "target_id"] : ["target_id", "source_id"];
  return `${name}(depth, frontier, seen, cut) AS (
      SELECT 0, ARRAY[$1::uuid], ARRAY[$1::uuid], false
      UNION ALL
      SELECT l.depth + 1, n.ids[1:$3::int - cardinality(l.seen)], l.seen || n.ids[1:$3::int - cardinality(l.seen)], cardinality(n.ids) > $3::int - cardinality(l.seen)
      FROM ${name} l CROSS JOIN LATERAL (
        SELECT coalesce(array_agg(c.id ORDER BY c.id), '{}') AS ids FROM (
          (SELECT e.${to} AS id FROM lineage_edges e WHERE e.${from} = ANY(l.frontier) EXCEPT SELECT unnest(l.seen))
          ORDER BY 1 LIMIT $3::int - cardinality(l.seen) + 1) c) n
      WHERE l.depth < $2::int AND cardinality(l.frontier) > 0 AND NOT l.cut)`;
}

function walkSql(start: string, dirs: ("up" | "down")[], depth: number): SqlStep[] {
  const walked = dirs.map((d) => `SELECT id, depth FROM ${d}_level, unnest(frontier) AS id`).join(" UNION ALL ");
  return [{
    text: `WITH RECURSIVE ${dirs.map((d) => levelCte(`${d}_level`, d)).join(", ")},
      ids AS (SELECT id FROM (${walked}) w GROUP BY id ORDER BY min(depth), id LIMIT $3)
      SELECT (SELECT json_agg(json_build_object('id', a.id, 'kind', a.kind, 'namespace', a.namespace, 'name', a.name, 'team', t.name))
                FROM assets a LEFT JOIN teams t ON t.id = a.owner_team_id WHERE a.id = ANY(ARRAY(SELECT id FROM ids))) AS nodes,
             (SELECT json_agg(json_build_object('s', e.source_id, 't', e.target_id, 'f', e.first_seen_at, 'l', e.last_seen_at))
                FROM lineage_edges e WHERE e.source_id = ANY(ARRAY(SELECT id FROM ids)) AND e.target_id = ANY(ARRAY(SELECT id FROM ids))) AS edges`,
    values: [start, depth, LIMIT],
  }];
}

// The portal's graph page asks for shape=nodes (each edge once, in `edges`); Marquez's shape
// also lists every edge on both of its nodes, twice the bytes, and is measured once apart.
type Shape = "nodes" | "marquez";
const graph = (ctx: BenchContext, node: string, dir: "up" | "down" | "both", depth: number, shape: Shape = "nodes") => ({
  method: "GET" as const, path: `/api/v1/lineage?${new URLSearchParams({ nodeId: node, depth: String(depth), direction: dir, limit: String(LIMIT), shape })}`, headers: ctx.admin,
});

function walkScenario(depth: number, dir: "up" | "down", shape: Shape = "nodes"): Scenario {
  const hub = (ctx: BenchContext) => (dir === "down" ? ctx.lineage.downHub : ctx.lineage.upHub);
  return {
    name: `lineage depth ${depth} ${dir === "down" ? "down from" : "up to"} a hub${shape === "marquez" ? ", Marquez's shape" : ""}`,
    requires: ["GET /api/v1/lineage"], budget: depth >= 10 ? LINEAGE_BUDGET : LIST_BUDGET, ratio: true,
    requests: (ctx) => [graph(ctx, hub(ctx), dir, depth, shape)],
    sql: (ctx) => [walkSql(hub(ctx), [dir], depth)],
  };
}

export const lineageScenarios: Scenario[] = [
  walkScenario(3, "down"),
  walkScenario(3, "up"),
  walkScenario(10, "down"),
  walkScenario(10, "up"),
  walkScenario(3, "down", "marquez"),
  {
    name: "lineage depth 10 both ways from a long chain",
    requires: ["GET /api/v1/lineage"], budget: LINEAGE_BUDGET, ratio: true,
    requests: (ctx) => [graph(ctx, ctx.lineage.chainNode, "both", 10)],
    sql: (ctx) => [walkSql(ctx.lineage.chainNode, ["up", "down"], 10)],
  },
  {
    // Impact walks the downstream closure breadth first up to IMPACT_NODE_CAP assets (from
    // this hub the closure is most of the graph, so the cap cuts it), then counts every
    // affected row set-wise and returns the first page of each list: lib/lineage/impact.ts.
    name: "impact analysis from a hub (depth 50)",
    requires: ["GET /api/v1/lineage/impact"], budget: LINEAGE_BUDGET, ratio: true,
    requests: (ctx) => [{ method: "GET", path: `/api/v1/lineage/impact?${new URLSearchParams({ nodeId: ctx.lineage.downHub, depth: "50" })}`, headers: ctx.admin }],
    sql: (ctx) => [[{
      text: `WITH RECURSIVE ${levelCte("down_level", "down")},
        n AS (SELECT id, depth FROM down_level, unnest(frontier) AS id),
        aff AS MATERIALIZED (SELECT x.id, x.kind, x.namespace, x.name, x.owner_team_id, n.depth FROM n JOIN assets x ON x.id = n.id),
        mv AS MATERIALIZED (SELECT v.id, v.asset_id, v.version FROM model_versions v WHERE v.asset_id IN (SELECT id FROM aff WHERE kind = 'model')
          AND EXISTS (SELECT 1 FROM model_version_inputs i JOIN dataset_versions dv ON dv.id = i.dataset_version_id
                      WHERE i.model_version_id = v.id AND dv.asset_id IN (SELECT id FROM aff WHERE kind IN ('dataset', 'feature_set')) OFFSET 0)),
        dep AS MATERIALIZED (SELECT d.id, d.environment, d.model_version_id, d.deployed_at, d.promotion_id, d.asset_id FROM deployments d
          WHERE d.model_version_id IN (SELECT id FROM mv) AND d.status = 'active'),
        uc AS MATERIALIZED (SELECT l.use_case_id AS id, array_agg(DISTINCT l.asset_id::text ORDER BY l.asset_id::text) AS via FROM asset_use_cases l
          WHERE l.asset_id IN (SELECT id FROM aff UNION SELECT asset_id FROM dep WHERE asset_id IS NOT NULL) GROUP BY l.use_case_id)
        SELECT (SELECT json_agg(json_build_object('kind', kind, 'count', c)) FROM (SELECT kind, count(*) AS c FROM aff WHERE id <> $1 GROUP BY 1) k) AS by_kind,
          (SELECT count(*) FROM mv) AS model_versions,
          (SELECT json_agg(json_build_object('environment', environment, 'count', c)) FROM (SELECT environment, count(*) AS c FROM dep GROUP BY 1) e) AS by_environment,
          (SELECT json_agg(json_build_object('tier', tier, 'count', c)) FROM (SELECT u.tier, count(*) AS c FROM uc LEFT JOIN use_cases u ON u.id = uc.id GROUP BY 1) t) AS by_tier,
          (SELECT json_agg(r) FROM (SELECT x.id, x.kind, x.namespace, x.name, x.depth, t.name AS team FROM aff x LEFT JOIN teams t ON t.id = x.owner_team_id
             WHERE x.id <> $1 ORDER BY x.depth, x.name, x.id LIMIT 51) r) AS assets,
          (SELECT json_agg(r) FROM (SELECT v.id, x.name, v.version FROM mv v JOIN aff x ON x.id = v.asset_id ORDER BY x.name, v.version, v.id LIMIT 51) r) AS model_version_page,
          (SELECT json_agg(r) FROM (SELECT d.id, d.environment, x.name, v.version, d.deployed_at FROM dep d JOIN mv v ON v.id = d.model_version_id JOIN aff x ON x.id = v.asset_id
             ORDER BY d.environment, x.name, d.id LIMIT 51) r) AS deployment_page,
          (SELECT json_agg(r) FROM (SELECT uc.id, u.title, u.tier, uc.via FROM uc LEFT JOIN use_cases u ON u.id = uc.id ORDER BY coalesce(u.title, ''), uc.id LIMIT 51) r) AS use_case_page`,
      values: [ctx.lineage.downHub, 50, IMPACT_NODE_CAP + 1],
    }]],
  },
];
