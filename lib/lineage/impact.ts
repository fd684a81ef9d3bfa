import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/errors";
import { decodeCursor, encodeCursor, type Page } from "@/lib/http/cursor";
import type { Actor } from "@/lib/policy/actor";
import { affectedAssets, type Affected } from "@/lib/lineage/impact-walk";
import { IMPACT_NODE_CAP } from "@/lib/lineage/limits";
import type { Impact, ImpactList, ImpactListPage, ImpactListQuery, ImpactQuery } from "@/lib/lineage/impact-schemas";

/**
 * Impact analysis: everything downstream of a dataset or column (assets), the model versions
 * trained on affected data, where those run (active deployments), and the use cases any of
 * them serves. The walk visits each asset once, nearest first, up to IMPACT_NODE_CAP; the
 * summary counts every affected row set-wise in one statement, and each list comes a keyset
 * page at a time, so a hub whose closure is most of the catalog answers in one walk and a
 * few hundred rows of JSON instead of 50,000.
 */
export async function impactAnalysis(actor: Actor, q: ImpactQuery, nodeCap = IMPACT_NODE_CAP): Promise<Impact> {
  const a = await affectedAssets(actor, q, nodeCap, { materialize: false });
  const [row] = await db().$queryRaw<{ truncated: boolean; summary: Impact["summary"]; assets: unknown[]; modelVersions: unknown[]; deployments: unknown[]; useCases: unknown[] }[]>`
    ${affectedSets(a)}
    SELECT (SELECT cut FROM walk_cut) AS truncated, ${summarySql(a.root.assetId)} AS summary,
      (${pageSql("assets", a.root.assetId, null, q.limit)}) AS assets,
      (${pageSql("modelVersions", a.root.assetId, null, q.limit)}) AS "modelVersions",
      (${pageSql("deployments", a.root.assetId, null, q.limit)}) AS deployments,
      (${pageSql("useCases", a.root.assetId, null, q.limit)}) AS "useCases"`;
  return {
    root: a.root, truncated: row!.truncated, nodeCap, summary: row!.summary,
    assets: toPage("assets", row!.assets, q.limit, a) as Impact["assets"],
    modelVersions: toPage("modelVersions", row!.modelVersions, q.limit, a) as Impact["modelVersions"],
    deployments: toPage("deployments", row!.deployments, q.limit, a) as Impact["deployments"],
    useCases: toPage("useCases", row!.useCases, q.limit, a) as Impact["useCases"],
  };
}

/** The next page of one list of an impact analysis (the walk is repeated: it is the same question). */
export async function impactListPage(actor: Actor, q: ImpactListQuery): Promise<ImpactListPage> {
  const after = q.cursor ? afterOf(q.list, q.cursor) : null;
  const a = await affectedAssets(actor, q, IMPACT_NODE_CAP, { materialize: false });
  return { list: q.list, ...(await listPage(a, q.list, after, q.limit)) } as ImpactListPage;
}

/** One page of one list over an affected set already walked (the CSV export pages through all of them). */
export async function listPage(a: Affected, list: ImpactList, after: After | null, limit: number): Promise<Page<Record<string, unknown>>> {
  const [row] = await db().$queryRaw<{ items: unknown[] }[]>`${affectedSets(a)} SELECT (${pageSql(list, a.root.assetId, after, limit)}) AS items`;
  return toPage(list, row!.items, limit, a);
}

export type After = { key: (string | number)[]; id: string };

/**
 * The affected sets as CTEs over the walked ids: assets (with their distance), the model
 * versions of affected models with an input version of an affected dataset (the root
 * included), their active deployments, and the use cases linked to any of these assets or
 * deployments. Each CTE is computed once per statement however often it is read.
 */
function affectedSets(a: Affected): Prisma.Sql {
  return Prisma.sql`
    WITH RECURSIVE ${a.ctes},
    aff AS MATERIALIZED (SELECT x.id, x.kind, x.namespace, x.name, x.owner_team_id, n.depth FROM n JOIN assets x ON x.id = n.id),
    mv AS MATERIALIZED (
      SELECT v.id, v.asset_id, v.version FROM model_versions v
      WHERE v.asset_id IN (SELECT id FROM aff WHERE kind = 'model')
        -- OFFSET 0 keeps this a check per version of an affected model (a few index probes each):
        -- pulled up into a join, the planner drove it from every affected dataset's versions.
        AND EXISTS (SELECT 1 FROM model_version_inputs i JOIN dataset_versions dv ON dv.id = i.dataset_version_id
                    WHERE i.model_version_id = v.id AND dv.asset_id IN (SELECT id FROM aff WHERE kind IN ('dataset', 'feature_set')) OFFSET 0)),
    dep AS MATERIALIZED (
      SELECT d.id, d.environment, d.model_version_id, d.deployed_at, d.promotion_id, d.asset_id FROM deployments d
      WHERE d.model_version_id IN (SELECT id FROM mv) AND d.status = 'active'),
    uc AS MATERIALIZED (
      SELECT l.use_case_id AS id, array_agg(DISTINCT l.asset_id::text ORDER BY l.asset_id::text) AS via FROM asset_use_cases l
      WHERE l.asset_id IN (SELECT id FROM aff UNION SELECT asset_id FROM dep WHERE asset_id IS NOT NULL) GROUP BY l.use_case_id)`;
}

function summarySql(rootId: string): Prisma.Sql {
  const counts = (from: string, key: string, alias: string) => Prisma.raw(
    `(SELECT coalesce(json_agg(json_build_object('${alias}', k, 'count', c) ORDER BY k NULLS LAST), '[]') FROM (SELECT ${key} AS k, count(*)::int AS c FROM ${from} GROUP BY 1) g)`);
  return Prisma.sql`json_build_object(
    'assets', (SELECT count(*) FROM aff WHERE id <> ${rootId}::uuid),
    'assetsByKind', (SELECT coalesce(json_agg(json_build_object('kind', k, 'count', c) ORDER BY c DESC, k), '[]')
                     FROM (SELECT kind::text AS k, count(*)::int AS c FROM aff WHERE id <> ${rootId}::uuid GROUP BY 1) g),
    'modelVersions', (SELECT count(*) FROM mv),
    'deployments', (SELECT count(*) FROM dep),
    'deploymentsByEnvironment', ${counts("dep", "environment", "environment")},
    'useCases', (SELECT count(*) FROM uc),
    'useCasesByRiskTier', ${counts("uc LEFT JOIN use_cases u ON u.id = uc.id", "u.tier::text", "riskTier")})`;
}

/**
 * One keyset page of a list as a JSON array (limit + 1 rows: the extra one says there is more).
 * Each list has its own order: assets nearest first then by name; model versions by model and
 * version; deployments by environment and model; use cases by name.
 */
function pageSql(list: ImpactList, rootId: string, after: After | null, limit: number): Prisma.Sql {
  const keyset = (cols: string, n: number) => (after ? Prisma.sql`AND (${Prisma.raw(cols)}) > (${Prisma.join(after.key.slice(0, n).map((k) => (typeof k === "number" ? Prisma.sql`${k}::int` : Prisma.sql`${k}::text`)))}, ${after.id}::uuid)` : Prisma.empty);
  const take = limit + 1;
  switch (list) {
    case "assets": return Prisma.sql`
      SELECT coalesce(json_agg(r ORDER BY r.depth, r.name, r."assetId"), '[]') FROM (
        SELECT x.id::text AS "assetId", x.kind::text AS kind, x.namespace, x.name, x.depth, x.owner_team_id::text AS "ownerTeamId", t.name AS "ownerTeamName"
        FROM aff x LEFT JOIN teams t ON t.id = x.owner_team_id
        WHERE x.id <> ${rootId}::uuid ${keyset("x.depth, x.name, x.id", 2)} ORDER BY x.depth, x.name, x.id LIMIT ${take}) r`;
    case "modelVersions": return Prisma.sql`
      SELECT coalesce(json_agg(r ORDER BY r."modelName", r.version, r."modelVersionId"), '[]') FROM (
        SELECT v.id::text AS "modelVersionId", v.asset_id::text AS "assetId", x.name AS "modelName", v.version, x.owner_team_id::text AS "ownerTeamId", t.name AS "ownerTeamName"
        FROM mv v JOIN aff x ON x.id = v.asset_id LEFT JOIN teams t ON t.id = x.owner_team_id
        WHERE TRUE ${keyset("x.name, v.version, v.id", 2)} ORDER BY x.name, v.version, v.id LIMIT ${take}) r`;
    case "deployments": return Prisma.sql`
      SELECT coalesce(json_agg(r ORDER BY r.environment, r."modelName", r."deploymentId"), '[]') FROM (
        SELECT d.id::text AS "deploymentId", d.environment, d.model_version_id::text AS "modelVersionId", x.name AS "modelName", v.version,
               d.deployed_at AS "deployedAt", d.promotion_id::text AS "promotionId"
        FROM dep d JOIN mv v ON v.id = d.model_version_id JOIN aff x ON x.id = v.asset_id
        WHERE TRUE ${keyset("d.environment, x.name, d.id", 2)} ORDER BY d.environment, x.name, d.id LIMIT ${take}) r`;
    case "useCases": return Prisma.sql`
      SELECT coalesce(json_agg(r ORDER BY r.sort, r."useCaseId"), '[]') FROM (
        SELECT uc.id::text AS "useCaseId", u.title AS name, u.tier::text AS "riskTier", uc.via AS "viaAssetIds", coalesce(u.title, '') AS sort
        FROM uc LEFT JOIN use_cases u ON u.id = uc.id
        WHERE TRUE ${keyset("coalesce(u.title, ''), uc.id", 1)} ORDER BY coalesce(u.title, ''), uc.id LIMIT ${take}) r`;
  }
}

const ID_OF: Record<ImpactList, string> = { assets: "assetId", modelVersions: "modelVersionId", deployments: "deploymentId", useCases: "useCaseId" };
const KEY_OF: Record<ImpactList, (r: Record<string, unknown>) => (string | number)[]> = {
  assets: (r) => [r.depth as number, r.name as string],
  modelVersions: (r) => [r.modelName as string, r.version as string],
  deployments: (r) => [r.environment as string, r.modelName as string],
  useCases: (r) => [(r.sort as string | undefined) ?? (r.name as string | null) ?? ""],
};

/** The keyset position just after a row of a list. */
export function afterRow(list: ImpactList, row: Record<string, unknown>): After {
  return { key: KEY_OF[list](row), id: row[ID_OF[list]] as string };
}

function toPage(list: ImpactList, rows: unknown[], limit: number, a: Affected): Page<Record<string, unknown>> {
  const all = rows as Record<string, unknown>[];
  const items = all.slice(0, limit);
  const last = items.at(-1);
  const after = all.length > limit && last ? afterRow(list, last) : null;
  const nextCursor = after ? encodeCursor({ k: JSON.stringify(after.key), id: after.id }) : null;
  return {
    items: items.map((r) => {
      if (list === "assets") return { ...r, columns: a.columnsOf.get(r.assetId as string) ?? [] };
      if (list === "deployments") return { ...r, deployedAt: new Date(r.deployedAt as string).toISOString() };
      if (list === "useCases") { const { sort: _sort, ...rest } = r; return rest; }
      return r;
    }),
    nextCursor,
  };
}

const keyShapes: Record<ImpactList, z.ZodType<(string | number)[]>> = {
  assets: z.tuple([z.number().int(), z.string()]),
  modelVersions: z.tuple([z.string(), z.string()]),
  deployments: z.tuple([z.string(), z.string()]),
  useCases: z.tuple([z.string()]),
};

/** A cursor of another list, or one that was tampered with, is a 422 naming the cursor. */
export function afterOf(list: ImpactList, cursor: string): After {
  const c = decodeCursor(cursor);
  const key = typeof c.k === "string" ? safeJson(c.k) : null;
  const parsed = keyShapes[list].safeParse(key);
  if (!parsed.success || !z.uuid().safeParse(c.id).success)
    throw new AppError("validation", "The cursor is not valid for this list; start again from the first page.", { errors: [{ path: "cursor", message: "Invalid cursor" }] });
  return { key: parsed.data, id: c.id };
}

function safeJson(s: string): unknown {
  try { return JSON.parse(s); } catch { return null; }
}
