import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Actor } from "@/lib/policy/actor";
import { assetVisibleSql } from "@/lib/catalog/scope";
import { resolveNode, walk } from "@/lib/lineage/graph";
import { labelsOfUseCases } from "@/lib/lineage/labels-of-use-cases";
import type { Impact, ImpactQuery } from "@/lib/lineage/impact-schemas";

const ROW_CAP = 50_000;
type AssetRow = { id: string; kind: string; namespace: string; name: string; teamId: string | null; team: string | null };

/**
 * Everything downstream of a dataset, or of one of its columns: jobs, datasets, models,
 * the model versions trained on affected data, where those run (active deployments by
 * environment), and the use cases any of them serves. Another team's assets are absent.
 */
export async function impactAnalysis(actor: Actor, q: ImpactQuery): Promise<Impact> {
  const { id: rootId, teams } = await resolveNode(actor, q.nodeId);
  const visible = assetVisibleSql("a", teams);
  const depthOf = new Map<string, number>();
  const columnsOf = new Map<string, Set<string>>();
  let truncated = false;

  if (q.column) {
    // Column level: follow column edges (one row per column and distance, as in walk()), then
    // the models fed directly by affected datasets.
    const rows = await db().$queryRaw<{ id: string; col: string; job: string | null; depth: number }[]>`
      WITH RECURSIVE walk(id, col, job, depth) AS (
        SELECT ${rootId}::uuid, ${q.column}::text, NULL::uuid, 0
        UNION
        SELECT e.target_id, e.target_column, e.job_asset_id, w.depth + 1
        FROM walk w JOIN column_lineage_edges e ON e.source_id = w.id AND e.source_column = w.col
        JOIN assets a ON a.id = e.target_id
        WHERE w.depth < ${q.depth} AND ${visible}
      ) SELECT id::text, col, job::text, depth FROM walk LIMIT ${ROW_CAP}`;
    if (rows.length >= ROW_CAP) truncated = true;
    for (const r of rows) {
      if (r.depth > 0) { setMin(depthOf, r.id, r.depth); columnsOf.set(r.id, (columnsOf.get(r.id) ?? new Set()).add(r.col)); }
      if (r.job) setMin(depthOf, r.job, Math.max(1, r.depth));
    }
    const fed = await walk([rootId, ...depthOf.keys()].filter((id, i, all) => all.indexOf(id) === i), "down", 2, ROW_CAP, teams, null);
    const kinds = await kindsOf(fed.map((r) => r.id));
    for (const r of fed) if (r.depth > 0 && ["model", "deployment"].includes(kinds.get(r.id) ?? "")) setMin(depthOf, r.id, (depthOf.get(r.id) ?? 0) + r.depth);
  } else {
    const rows = await walk([rootId], "down", q.depth, ROW_CAP, teams, null);
    if (rows.length >= ROW_CAP) truncated = true;
    for (const r of rows) if (r.depth > 0) setMin(depthOf, r.id, r.depth);
  }

  const ids = [rootId, ...depthOf.keys()];
  const assets = await db().$queryRaw<AssetRow[]>`
    SELECT a.id::text, a.kind::text, a.namespace, a.name, a.owner_team_id::text AS "teamId", t.name AS team
    FROM assets a LEFT JOIN teams t ON t.id = a.owner_team_id WHERE a.id = ANY(${ids}::uuid[])`;
  const root = assets.find((a) => a.id === rootId)!;
  if (q.column && !["dataset", "feature_set"].includes(root.kind))
    throw new AppError("validation", "Column impact starts from a dataset.", { errors: [{ path: "column", message: "Only datasets have columns" }] });
  const dataIds = assets.filter((a) => a.kind === "dataset" || a.kind === "feature_set").map((a) => a.id);
  const modelIds = assets.filter((a) => a.kind === "model").map((a) => a.id);

  const modelVersions = await db().$queryRaw<{ modelVersionId: string; assetId: string; modelName: string; version: string; teamId: string | null; team: string | null }[]>`
    SELECT DISTINCT mv.id::text AS "modelVersionId", mv.asset_id::text AS "assetId", a.name AS "modelName", mv.version, a.owner_team_id::text AS "teamId", t.name AS team
    FROM model_versions mv JOIN assets a ON a.id = mv.asset_id LEFT JOIN teams t ON t.id = a.owner_team_id
    WHERE mv.asset_id = ANY(${modelIds}::uuid[])
      AND EXISTS (SELECT 1 FROM model_version_inputs i JOIN dataset_versions dv ON dv.id = i.dataset_version_id
                  WHERE i.model_version_id = mv.id AND dv.asset_id = ANY(${dataIds}::uuid[]))
    ORDER BY a.name, mv.version`;
  const mvIds = modelVersions.map((m) => m.modelVersionId);
  const deployments = await db().$queryRaw<{ deploymentId: string; environment: string; modelVersionId: string; modelName: string; version: string; deployedAt: Date; promotionId: string | null; assetId: string | null }[]>`
    SELECT d.id::text AS "deploymentId", d.environment, d.model_version_id::text AS "modelVersionId", a.name AS "modelName", mv.version,
           d.deployed_at AS "deployedAt", d.promotion_id::text AS "promotionId", d.asset_id::text AS "assetId"
    FROM deployments d JOIN model_versions mv ON mv.id = d.model_version_id JOIN assets a ON a.id = mv.asset_id
    WHERE d.model_version_id = ANY(${mvIds}::uuid[]) AND d.status = 'active' ORDER BY d.environment, a.name`;
  const linkIds = [...ids, ...modelVersions.map((m) => m.assetId), ...deployments.flatMap((d) => (d.assetId ? [d.assetId] : []))];
  const links = await db().$queryRaw<{ useCaseId: string; assetId: string }[]>`
    SELECT use_case_id::text AS "useCaseId", asset_id::text AS "assetId" FROM asset_use_cases WHERE asset_id = ANY(${linkIds}::uuid[]) ORDER BY use_case_id`;
  const labels = await labelsOfUseCases([...new Set(links.map((l) => l.useCaseId))]);
  const via = new Map<string, string[]>();
  for (const l of links) via.set(l.useCaseId, [...(via.get(l.useCaseId) ?? []), l.assetId]);

  const owner = (a: { teamId: string | null; team: string | null }) => ({ ownerTeamId: a.teamId, ownerTeamName: a.team });
  return {
    root: { assetId: root.id, kind: root.kind, namespace: root.namespace, name: root.name, column: q.column ?? null, ...owner(root) },
    truncated,
    assets: assets.filter((a) => a.id !== rootId).map((a) => ({ assetId: a.id, kind: a.kind, namespace: a.namespace, name: a.name, depth: depthOf.get(a.id) ?? 0, columns: [...(columnsOf.get(a.id) ?? [])].sort(), ...owner(a) }))
      .sort((x, y) => x.depth - y.depth || x.name.localeCompare(y.name)),
    modelVersions: modelVersions.map((m) => ({ modelVersionId: m.modelVersionId, assetId: m.assetId, modelName: m.modelName, version: m.version, ...owner(m) })),
    deployments: deployments.map(({ assetId: _a, ...d }) => ({ ...d, deployedAt: d.deployedAt.toISOString() })),
    useCases: [...via.entries()].map(([useCaseId, assetIds]) => ({ useCaseId, name: labels.get(useCaseId)?.name ?? null, riskTier: labels.get(useCaseId)?.riskTier ?? null, viaAssetIds: [...new Set(assetIds)] })),
  };
}

function setMin(m: Map<string, number>, k: string, v: number) {
  const prev = m.get(k);
  if (prev === undefined || v < prev) m.set(k, v);
}

async function kindsOf(ids: string[]): Promise<Map<string, string>> {
  const rows = await db().$queryRaw<{ id: string; kind: string }[]>`SELECT id::text, kind::text FROM assets WHERE id = ANY(${ids}::uuid[])`;
  return new Map(rows.map((r) => [r.id, r.kind]));
}
