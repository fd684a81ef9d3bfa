import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { assetVisibleSql } from "@/lib/catalog/scope";

export type WalkResult = { nodes: { id: string; depth: number }[]; truncated: boolean };

/**
 * Breadth first from `starts` along lineage edges, each node once at its shortest distance,
 * nearest first, stopping at `nodeLimit` nodes (the starts included).
 *
 * One recursive query whose rows are whole levels: each step takes the frontier's edges
 * (one index probe per frontier node), removes every node already seen (a hash EXCEPT
 * against the level's `seen` array) and keeps the first `nodeLimit - seen` of the rest in
 * id order. So a node is expanded once however many paths reach it, and a hub whose first
 * hop already holds more than the limit costs one hop, not `depth` hops. The earlier walk
 * kept one row per (node, distance) and streamed into a row cap four times the node limit,
 * which the 2,800 neighbours of a hub filled at the first hop and a dense region filled
 * with revisits. `truncated` says the limit left out nodes within the depth: the level
 * that overflowed asked for one candidate more than it had room for.
 *
 * Invisible assets are never entered, so another team's nodes are absent, and so is what
 * lies only beyond them. Cycles end because seen nodes are never expanded again.
 */
export async function walk(starts: string[], dir: "up" | "down", depth: number, nodeLimit: number, teams: string[] | null, asOf: Date | null): Promise<WalkResult> {
  const rows = await db().$queryRaw<{ ids: string[]; depth: number; cut: boolean }[]>`
    WITH RECURSIVE ${levelCte("level", starts, dir, depth, nodeLimit, teams, asOf)}
    SELECT frontier::text[] AS ids, depth, cut FROM level`;
  return {
    nodes: rows.flatMap((r) => r.ids.map((id) => ({ id, depth: r.depth }))),
    truncated: rows.some((r) => r.cut),
  };
}

/** The walk as a recursive CTE `name(depth, frontier, seen, cut)`, one row per level, for composing into larger statements. */
export function levelCte(name: string, starts: string[], dir: "up" | "down", depth: number, nodeLimit: number, teams: string[] | null, asOf: Date | null): Prisma.Sql {
  const [from, to] = dir === "down" ? [Prisma.raw("source_id"), Prisma.raw("target_id")] : [Prisma.raw("target_id"), Prisma.raw("source_id")];
  const asOfSql = asOf ? Prisma.sql`AND e.first_seen_at <= ${asOf}` : Prisma.empty;
  // Every asset exists (foreign keys); the join is only there to leave out what the actor may not read.
  const scope = teams === null ? Prisma.empty : Prisma.sql`AND EXISTS (SELECT 1 FROM assets a WHERE a.id = e.${to} AND ${assetVisibleSql("a", teams)})`;
  const start = [...new Set(starts)];
  const level = Prisma.raw(name);
  return Prisma.sql`
    ${level}(depth, frontier, seen, cut) AS (
      SELECT 0, ${start}::uuid[], ${start}::uuid[], cardinality(${start}::uuid[]) > ${nodeLimit}::int
      UNION ALL
      SELECT l.depth + 1, n.ids[1:${nodeLimit}::int - cardinality(l.seen)], l.seen || n.ids[1:${nodeLimit}::int - cardinality(l.seen)],
             cardinality(n.ids) > ${nodeLimit}::int - cardinality(l.seen)
      FROM ${level} l CROSS JOIN LATERAL (
        SELECT coalesce(array_agg(c.id ORDER BY c.id), '{}') AS ids FROM (
          (SELECT e.${to} AS id FROM lineage_edges e WHERE e.${from} = ANY(l.frontier) ${asOfSql} ${scope}
           EXCEPT SELECT unnest(l.seen))
          ORDER BY 1 LIMIT ${nodeLimit}::int - cardinality(l.seen) + 1
        ) c
      ) n
      WHERE l.depth < ${depth}::int AND cardinality(l.frontier) > 0 AND NOT l.cut
    )`;
}
