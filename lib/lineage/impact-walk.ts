import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/errors";
import type { Actor } from "@/lib/policy/actor";
import { assetVisibleSql } from "@/lib/catalog/scope";
import { resolveNode } from "@/lib/lineage/graph";
import { levelCte, walk } from "@/lib/lineage/walk";

export type ImpactRoot = { assetId: string; kind: string; namespace: string; name: string; column: string | null; ownerTeamId: string | null; ownerTeamName: string | null };
/**
 * What lies downstream of the root, each asset once at its shortest distance (the root at 0),
 * as CTEs `n(id, depth)` and `walk_cut(cut)` for the statement that reads it: the walk itself
 * when it can run inside that statement (the ids never leave the database), else the ids
 * walked here. `truncated` is null when only the statement knows it.
 */
export type Affected = { root: ImpactRoot; ctes: Prisma.Sql; columnsOf: Map<string, string[]>; truncated: boolean | null };

/**
 * The downstream assets of a dataset, or of one of its columns, nearest first, at most
 * `nodeCap` of them besides the root. Another team's assets are never entered.
 */
export async function affectedAssets(actor: Actor, q: { nodeId: string; column?: string; depth: number }, nodeCap: number, o: { materialize: boolean }): Promise<Affected> {
  const { id: rootId, teams } = await resolveNode(actor, q.nodeId);
  const [root] = await db().$queryRaw<ImpactRoot[]>`
    SELECT a.id::text AS "assetId", a.kind::text, a.namespace, a.name, ${q.column ?? null}::text AS column, a.owner_team_id::text AS "ownerTeamId", t.name AS "ownerTeamName"
    FROM assets a LEFT JOIN teams t ON t.id = a.owner_team_id WHERE a.id = ${rootId}::uuid`;
  if (q.column && !["dataset", "feature_set"].includes(root!.kind))
    throw new AppError("validation", "Column impact starts from a dataset.", { errors: [{ path: "column", message: "Only datasets have columns" }] });
  const depthOf = new Map<string, number>([[rootId, 0]]);
  const columnsOf = new Map<string, string[]>();
  let truncated: boolean;
  if (q.column) {
    // Column level: follow column edges, each (dataset, column) once at its shortest distance
    // (UNION over the pair and distance, then the nearest per pair), then the models and
    // deployments fed by the affected datasets and their jobs within two hops.
    const rows = await db().$queryRaw<{ id: string; col: string; job: string | null; depth: number }[]>`
      WITH RECURSIVE cols(id, col, job, depth) AS (
        SELECT ${rootId}::uuid, ${q.column}::text, NULL::uuid, 0
        UNION
        SELECT e.target_id, e.target_column, e.job_asset_id, c.depth + 1
        FROM cols c JOIN column_lineage_edges e ON e.source_id = c.id AND e.source_column = c.col
        JOIN assets a ON a.id = e.target_id
        WHERE c.depth < ${q.depth} AND ${assetVisibleSql("a", teams)}
      ), capped AS (SELECT * FROM cols LIMIT ${nodeCap * 10})
      SELECT id::text, col, job::text, min(depth)::int AS depth FROM capped GROUP BY id, col, job ORDER BY 4`;
    truncated = rows.length >= nodeCap * 10;
    for (const r of rows) {
      if (r.depth > 0) { setMin(depthOf, r.id, r.depth); columnsOf.set(r.id, [...new Set([...(columnsOf.get(r.id) ?? []), r.col])].sort()); }
      if (r.job) setMin(depthOf, r.job, Math.max(1, r.depth));
    }
    const fed = await walk([...depthOf.keys()], "down", 2, nodeCap + depthOf.size, teams, null);
    truncated ||= fed.truncated;
    const models = fed.nodes.length ? await db().$queryRaw<{ id: string }[]>`
      SELECT id::text FROM assets WHERE id = ANY(${fed.nodes.map((r) => r.id)}::uuid[]) AND kind IN ('model', 'deployment')` : [];
    const isModel = new Set(models.map((m) => m.id));
    for (const r of fed.nodes) if (r.depth > 0 && isModel.has(r.id)) setMin(depthOf, r.id, (depthOf.get(r.id) ?? 0) + r.depth);
  } else if (!o.materialize) {
    return {
      root: root!, columnsOf, truncated: null,
      ctes: Prisma.sql`${levelCte("down_level", [rootId], "down", q.depth, nodeCap + 1, teams, null)},
        n(id, depth) AS (SELECT id, depth FROM down_level, unnest(frontier) AS id),
        walk_cut(cut) AS (SELECT coalesce(bool_or(cut), false) FROM down_level)`,
    };
  } else {
    const w = await walk([rootId], "down", q.depth, nodeCap + 1, teams, null);
    truncated = w.truncated;
    for (const r of w.nodes) setMin(depthOf, r.id, r.depth);
  }
  const ids = [...depthOf.keys()];
  return {
    root: root!, columnsOf, truncated,
    ctes: Prisma.sql`n(id, depth) AS (SELECT * FROM unnest(${ids}::uuid[], ${ids.map((id) => depthOf.get(id)!)}::int[])), walk_cut(cut) AS (SELECT ${truncated})`,
  };
}

function setMin(m: Map<string, number>, k: string, v: number) {
  const prev = m.get(k);
  if (prev === undefined || v < prev) m.set(k, v);
}
