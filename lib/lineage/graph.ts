import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { notFound } from "@/lib/errors";
import type { Actor } from "@/lib/policy/actor";
import { assetVisibleSql, readableTeams } from "@/lib/catalog/scope";
import type { LineageGraph, LineageNode, LineageQuery } from "@/lib/lineage/graph-schemas";
import { levelCte } from "@/lib/lineage/walk";

type AssetRow = { id: string; kind: string; namespace: string; name: string; team: string | null };
type EdgeRow = { sourceId: string; targetId: string; firstSeenAt: string; lastSeenAt: string };

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

export async function lineageGraph(actor: Actor, q: LineageQuery): Promise<LineageGraph> {
  const { id: root, teams } = await resolveNode(actor, q.nodeId);
  const asOf = q.asOf ? new Date(q.asOf) : null;
  const dirs: ("up" | "down")[] = q.direction === "both" ? ["up", "down"] : [q.direction];
  const asOfSql = asOf ? Prisma.sql`AND e.first_seen_at <= ${asOf}` : Prisma.empty;
  // One statement: each direction walks to the node limit (lib/lineage/walk.ts), the nearest
  // `limit` of both are kept (upstream distances negative), then their assets and the edges
  // among them. A round trip per part cost more than the parts at full scale.
  const walked = Prisma.join(dirs.map((d) => Prisma.sql`SELECT id, ${Prisma.raw(d === "up" ? "-depth" : "depth")} AS depth FROM ${Prisma.raw(`${d}_level`)}, unnest(frontier) AS id`), " UNION ALL ");
  const cut = Prisma.join(dirs.map((d) => Prisma.sql`EXISTS (SELECT 1 FROM ${Prisma.raw(`${d}_level`)} WHERE cut)`), " OR ");
  const inKept = Prisma.sql`e.source_id = ANY(ARRAY(SELECT id FROM kept)) AND e.target_id = ANY(ARRAY(SELECT id FROM kept)) ${asOfSql}`;
  const [row] = await db().$queryRaw<{ truncated: boolean; nodes: (AssetRow & { depth: number })[]; edges: EdgeRow[]; columnEdges: LineageGraph["columnEdges"] }[]>`
    WITH RECURSIVE ${Prisma.join(dirs.map((d) => levelCte(`${d}_level`, [root], d, q.depth, q.limit, teams, asOf)), ", ")},
    nearest AS (SELECT DISTINCT ON (id) id, depth FROM (${walked}) w ORDER BY id, abs(depth)),
    kept AS MATERIALIZED (SELECT id, depth FROM nearest ORDER BY abs(depth), id LIMIT ${q.limit})
    SELECT (${cut}) OR (SELECT count(*) FROM nearest) > ${q.limit} AS truncated,
      (SELECT coalesce(json_agg(json_build_object('id', a.id, 'kind', a.kind, 'namespace', a.namespace, 'name', a.name, 'team', t.name, 'depth', k.depth) ORDER BY abs(k.depth), k.id), '[]')
         FROM kept k JOIN assets a ON a.id = k.id LEFT JOIN teams t ON t.id = a.owner_team_id) AS nodes,
      (SELECT coalesce(json_agg(json_build_object('sourceId', e.source_id, 'targetId', e.target_id, 'firstSeenAt', e.first_seen_at, 'lastSeenAt', e.last_seen_at)), '[]')
         FROM lineage_edges e WHERE ${inKept}) AS edges,
      ${q.columns ? Prisma.sql`(SELECT coalesce(json_agg(json_build_object('sourceId', e.source_id, 'sourceColumn', e.source_column, 'targetId', e.target_id,
               'targetColumn', e.target_column, 'jobAssetId', e.job_asset_id, 'transformation', e.transformation)), '[]')
         FROM column_lineage_edges e WHERE ${inKept})` : Prisma.sql`'[]'::json`} AS "columnEdges"`;
  const { truncated, nodes: assets, edges, columnEdges } = row!;
  const byId = new Map(assets.map((a) => [a.id, a]));
  const key = (id: string) => nodeKey(byId.get(id)!);
  const ins = new Map<string, { origin: string; destination: string }[]>();
  const outs = new Map<string, { origin: string; destination: string }[]>();
  // The portal's own graph reads the edge list only; naming each edge again on both of its
  // nodes doubled a hub's answer (~640 KB at depth 3 at full scale) and its time on the wire.
  const marquez = q.shape === "marquez";
  if (marquez) for (const e of edges) {
    const pair = { origin: key(e.sourceId), destination: key(e.targetId) };
    (ins.get(e.targetId) ?? ins.set(e.targetId, []).get(e.targetId)!).push(pair);
    (outs.get(e.sourceId) ?? outs.set(e.sourceId, []).get(e.sourceId)!).push(pair);
  }
  const graph: LineageNode[] = assets.map((a) => {
    const id = a.id;
    return {
      id: key(id), type: TYPE[a.kind] ?? "DATASET",
      data: { assetId: id, kind: a.kind, namespace: a.namespace, name: a.name, ownerTeamName: a.team, depth: a.depth },
      ...(marquez ? { inEdges: ins.get(id) ?? [], outEdges: outs.get(id) ?? [] } : {}),
    };
  });
  return {
    graph, rootId: root, truncated, limit: q.limit,
    edges: edges.map((e) => ({ ...e, firstSeenAt: new Date(e.firstSeenAt).toISOString(), lastSeenAt: new Date(e.lastSeenAt).toISOString() })),
    columnEdges,
  };
}
