import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { notFound } from "@/lib/errors";
import type { Actor } from "@/lib/policy/actor";
import { assetVisibleSql, readableTeams } from "@/lib/catalog/scope";
import type { LineageGraph, LineageNode, LineageQuery } from "@/lib/lineage/graph-schemas";

const TYPE: Record<string, LineageNode["type"]> = { dataset: "DATASET", feature_set: "DATASET", job: "JOB", model: "MODEL", deployment: "DEPLOYMENT" };
export const nodeKey = (a: { kind: string; namespace: string; name: string }) => `${a.kind === "feature_set" ? "dataset" : a.kind}:${a.namespace}:${a.name}`;

/** Finds the start node by asset id or Marquez node id (kind:namespace:name), visible to the actor, else 404. */
export async function resolveNode(actor: Actor, nodeId: string): Promise<{ id: string; teams: string[] | null }> {
  const teams = readableTeams(actor);
  const visible = assetVisibleSql("a", teams);
  const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(nodeId);
  const m = /^(dataset|job|model|deployment):(.+):([^:]+)$/.exec(nodeId);
  const where = uuid ? Prisma.sql`a.id = ${nodeId}::uuid`
    : m ? Prisma.sql`a.namespace = ${m[2]} AND a.name = ${m[3]} AND a.kind::text = ANY(${m[1] === "dataset" ? ["dataset", "feature_set"] : [m[1]]}::text[])`
    : null;
  const rows = where ? await db().$queryRaw<{ id: string }[]>`SELECT a.id FROM assets a WHERE ${where} AND ${visible} LIMIT 1` : [];
  if (!rows[0]) throw notFound("The lineage node");
  return { id: rows[0].id, teams };
}

/**
 * One recursive walk per direction. UNION over (node, depth) keeps one row per node and
 * distance: carrying the path instead (the first version) made one row per PATH, and a
 * layered graph where every dataset feeds two jobs has 2^depth paths, so the row cap cut a
 * 600-node graph down to a few hundred nodes. Cycles end by the depth bound; the first row
 * of a node has its shortest distance (breadth first). The walk streams into the row LIMIT
 * (no ORDER BY before it), so PostgreSQL stops as soon as enough rows exist; nodes are then
 * de-duplicated here. Invisible assets are never entered, so another team's nodes are
 * absent, not just hidden.
 */
export async function walk(starts: string[], dir: "up" | "down", depth: number, rowCap: number, teams: string[] | null, asOf: Date | null) {
  const [from, to] = dir === "down" ? [Prisma.raw("source_id"), Prisma.raw("target_id")] : [Prisma.raw("target_id"), Prisma.raw("source_id")];
  const asOfSql = asOf ? Prisma.sql`AND e.first_seen_at <= ${asOf}` : Prisma.empty;
  return db().$queryRaw<{ id: string; depth: number }[]>`
    WITH RECURSIVE walk(id, depth) AS (
      SELECT s, 0 FROM unnest(${starts}::uuid[]) AS s
      UNION
      SELECT e.${to}, w.depth + 1
      FROM walk w JOIN lineage_edges e ON e.${from} = w.id
      JOIN assets a ON a.id = e.${to}
      WHERE w.depth < ${depth} ${asOfSql} AND ${assetVisibleSql("a", teams)}
    )
    SELECT id::text, depth FROM walk LIMIT ${rowCap}`;
}

export async function lineageGraph(actor: Actor, q: LineageQuery): Promise<LineageGraph> {
  const { id: root, teams } = await resolveNode(actor, q.nodeId);
  const asOf = q.asOf ? new Date(q.asOf) : null;
  const rowCap = q.limit * 4;
  const dirs: ("up" | "down")[] = q.direction === "both" ? ["up", "down"] : [q.direction];
  const depthOf = new Map<string, number>();
  let truncated = false;
  for (const dir of dirs) {
    const rows = await walk([root], dir, q.depth, rowCap, teams, asOf);
    if (rows.length >= rowCap) truncated = true;
    for (const r of rows) {
      const d = dir === "up" ? -r.depth : r.depth;
      const prev = depthOf.get(r.id);
      if (prev === undefined || Math.abs(d) < Math.abs(prev)) depthOf.set(r.id, d);
    }
  }
  let ids = [...depthOf.keys()].sort((a, b) => Math.abs(depthOf.get(a)!) - Math.abs(depthOf.get(b)!));
  if (ids.length > q.limit) { truncated = true; ids = ids.slice(0, q.limit); }

  const asOfSql = asOf ? Prisma.sql`AND e.first_seen_at <= ${asOf}` : Prisma.empty;
  const [assets, edges, columnEdges] = await Promise.all([
    db().$queryRaw<{ id: string; kind: string; namespace: string; name: string; team: string | null }[]>`
      SELECT a.id::text, a.kind::text, a.namespace, a.name, t.name AS team FROM assets a LEFT JOIN teams t ON t.id = a.owner_team_id WHERE a.id = ANY(${ids}::uuid[])`,
    db().$queryRaw<{ sourceId: string; targetId: string; firstSeenAt: Date; lastSeenAt: Date }[]>`
      SELECT e.source_id::text AS "sourceId", e.target_id::text AS "targetId", e.first_seen_at AS "firstSeenAt", e.last_seen_at AS "lastSeenAt"
      FROM lineage_edges e WHERE e.source_id = ANY(${ids}::uuid[]) AND e.target_id = ANY(${ids}::uuid[]) ${asOfSql}`,
    q.columns ? db().$queryRaw<{ sourceId: string; sourceColumn: string; targetId: string; targetColumn: string; jobAssetId: string | null; transformation: unknown }[]>`
      SELECT e.source_id::text AS "sourceId", e.source_column AS "sourceColumn", e.target_id::text AS "targetId", e.target_column AS "targetColumn",
             e.job_asset_id::text AS "jobAssetId", e.transformation
      FROM column_lineage_edges e WHERE e.source_id = ANY(${ids}::uuid[]) AND e.target_id = ANY(${ids}::uuid[]) ${asOfSql}` : Promise.resolve([]),
  ]);
  const byId = new Map(assets.map((a) => [a.id, a]));
  const key = (id: string) => nodeKey(byId.get(id)!);
  const ins = new Map<string, { origin: string; destination: string }[]>();
  const outs = new Map<string, { origin: string; destination: string }[]>();
  for (const e of edges) {
    const pair = { origin: key(e.sourceId), destination: key(e.targetId) };
    ins.set(e.targetId, [...(ins.get(e.targetId) ?? []), pair]);
    outs.set(e.sourceId, [...(outs.get(e.sourceId) ?? []), pair]);
  }
  const graph: LineageNode[] = ids.filter((id) => byId.has(id)).map((id) => {
    const a = byId.get(id)!;
    return {
      id: key(id), type: TYPE[a.kind] ?? "DATASET",
      data: { assetId: id, kind: a.kind, namespace: a.namespace, name: a.name, ownerTeamName: a.team, depth: depthOf.get(id)! },
      inEdges: ins.get(id) ?? [],
      outEdges: outs.get(id) ?? [],
    };
  });
  return {
    graph, rootId: root, truncated, limit: q.limit,
    edges: edges.map((e) => ({ ...e, firstSeenAt: e.firstSeenAt.toISOString(), lastSeenAt: e.lastSeenAt.toISOString() })),
    columnEdges,
  };
}
