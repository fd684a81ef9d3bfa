import type { SqlStep } from "../lib/measure";
import { LINEAGE_BUDGET, LIST_BUDGET, type BenchContext, type Scenario } from "./types";

// Lineage walks from the widest hubs of the generated graph (thousands of direct
// neighbours, long chains and cycles behind them), and impact analysis. The raw SQL
// is lib/lineage/graph.ts's walk (path-based cycle protection, streaming into a row
// cap) followed by the nodes and the edges among them, in one statement.

const LIMIT = 500;

function walkSql(start: string, dir: "up" | "down", depth: number): SqlStep[] {
  const [from, to] = dir === "down" ? ["source_id", "target_id"] : ["target_id", "source_id"];
  return [{
    text: `WITH RECURSIVE walk(id, depth, path) AS (
        SELECT $1::uuid, 0, ARRAY[$1::uuid]
        UNION ALL
        SELECT e.${to}, w.depth + 1, w.path || e.${to}
        FROM walk w JOIN lineage_edges e ON e.${from} = w.id JOIN assets a ON a.id = e.${to}
        WHERE w.depth < $2 AND e.${to} <> ALL(w.path)),
      capped AS (SELECT id, depth FROM walk LIMIT $3),
      ids AS (SELECT id FROM capped GROUP BY id ORDER BY min(depth) LIMIT $4)
      SELECT (SELECT json_agg(json_build_object('id', a.id, 'kind', a.kind, 'namespace', a.namespace, 'name', a.name, 'team', t.name))
                FROM assets a LEFT JOIN teams t ON t.id = a.owner_team_id WHERE a.id IN (SELECT id FROM ids)) AS nodes,
             (SELECT json_agg(json_build_object('s', e.source_id, 't', e.target_id, 'f', e.first_seen_at, 'l', e.last_seen_at))
                FROM lineage_edges e WHERE e.source_id IN (SELECT id FROM ids) AND e.target_id IN (SELECT id FROM ids)) AS edges`,
    values: [start, depth, LIMIT * 4, LIMIT],
  }];
}

const graph = (ctx: BenchContext, node: string, dir: "up" | "down", depth: number) => ({
  method: "GET" as const, path: `/api/v1/lineage?${new URLSearchParams({ nodeId: node, depth: String(depth), direction: dir, limit: String(LIMIT) })}`, headers: ctx.admin,
});

function walkScenario(depth: number, dir: "up" | "down"): Scenario {
  const hub = (ctx: BenchContext) => (dir === "down" ? ctx.lineage.downHub : ctx.lineage.upHub);
  return {
    name: `lineage depth ${depth} ${dir === "down" ? "down from" : "up to"} a hub`,
    requires: ["GET /api/v1/lineage"], budget: depth >= 10 ? LINEAGE_BUDGET : LIST_BUDGET, ratio: true,
    requests: (ctx) => [graph(ctx, hub(ctx), dir, depth)],
    sql: (ctx) => [walkSql(hub(ctx), dir, depth)],
  };
}

export const lineageScenarios: Scenario[] = [
  walkScenario(3, "down"),
  walkScenario(3, "up"),
  walkScenario(10, "down"),
  walkScenario(10, "up"),
  {
    name: "lineage depth 10 both ways from a long chain",
    requires: ["GET /api/v1/lineage"], budget: LINEAGE_BUDGET, ratio: true,
    requests: (ctx) => [{ ...graph(ctx, ctx.lineage.chainNode, "down", 10), path: `/api/v1/lineage?${new URLSearchParams({ nodeId: ctx.lineage.chainNode, depth: "10", direction: "both", limit: String(LIMIT) })}` }],
    sql: (ctx) => [[...walkSql(ctx.lineage.chainNode, "up", 10), ...walkSql(ctx.lineage.chainNode, "down", 10)]],
  },
  {
    // Impact walks the whole downstream closure (up to 50 hops, 50,000 rows): from the
    // hub that is most of the graph, so it is the heaviest question the portal answers.
    name: "impact analysis from a hub (depth 50)",
    requires: ["GET /api/v1/lineage/impact"], budget: LINEAGE_BUDGET, ratio: true,
    requests: (ctx) => [{ method: "GET", path: `/api/v1/lineage/impact?${new URLSearchParams({ nodeId: ctx.lineage.downHub, depth: "50" })}`, headers: ctx.admin }],
    sql: (ctx) => [[{
      text: `WITH RECURSIVE walk(id, depth, path) AS (
          SELECT $1::uuid, 0, ARRAY[$1::uuid]
          UNION ALL
          SELECT e.target_id, w.depth + 1, w.path || e.target_id
          FROM walk w JOIN lineage_edges e ON e.source_id = w.id JOIN assets a ON a.id = e.target_id
          WHERE w.depth < 50 AND e.target_id <> ALL(w.path)),
        ids AS (SELECT DISTINCT id FROM (SELECT id FROM walk LIMIT 50000) c)
        SELECT a.kind, count(*) FROM assets a WHERE a.id IN (SELECT id FROM ids) GROUP BY a.kind`,
      values: [ctx.lineage.downHub],
    }]],
  },
];
