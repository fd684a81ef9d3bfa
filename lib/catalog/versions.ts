import "server-only";
import { z } from "zod";
import { db, type Tx } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { recordAudit } from "@/lib/audit/record";
import { decodeCursor, encodeCursor, type Cursor, type Page } from "@/lib/http/cursor";
import { Prisma } from "@/lib/generated/prisma/client";
import type { RequestContext } from "@/lib/http/context";
import type { Actor } from "@/lib/policy/actor";
import { inScope, requirePermission } from "@/lib/policy/require";
import { assetWhere, readableTeams } from "@/lib/catalog/scope";
import { flattenColumns } from "@/lib/catalog/schema-diff";
import { resolveDatasetVersions } from "@/lib/catalog/resolve-inputs";
import type { RegisterVersionInput, VersionView } from "@/lib/catalog/schemas";
import { datasetVersionSelect, datasetVersionView, looksLikeCommit, modelVersionSelect, modelVersionView, type ModelVersionRow } from "@/lib/catalog/version-views";

const MODEL_FIELDS = ["trainingRunId", "inputs", "code", "environment", "metrics", "params", "mlflow", "description"] as const;
const DATASET_FIELDS = ["lakefs", "schema", "dataQuality"] as const;

/**
 * Registers a dataset/feature-set or model version, idempotent by (asset, version):
 * the same body again answers the stored version (created: false); a different body
 * for an existing version is a conflict, because versions are immutable.
 */
export async function registerVersion(ctx: RequestContext & { actor: Actor }, assetId: string, input: RegisterVersionInput): Promise<{ version: VersionView; created: boolean }> {
  const scope = requirePermission(ctx.actor, "catalog.write");
  return db().$transaction(async (tx) => {
    const asset = await tx.asset.findFirst({ where: { id: assetId, ...assetWhere(readableTeams(ctx.actor)) }, select: { id: true, kind: true, ownerTeamId: true } });
    if (!asset) throw notFound("The asset");
    if (!inScope(ctx.actor, scope, { teamId: asset.ownerTeamId }))
      throw new AppError("forbidden", "Only the owner team registers versions of this asset; register the asset first to claim an unowned one.");
    if (asset.kind === "job" || asset.kind === "deployment")
      throw new AppError("validation", `A ${asset.kind} has no versions: runs come from lineage, deployments from promotions.`, { errors: [{ path: "version", message: "Not versioned" }] });
    const isModel = asset.kind === "model";
    const misplaced = (isModel ? DATASET_FIELDS : MODEL_FIELDS).filter((f) => input[f] !== undefined);
    if (misplaced.length)
      throw new AppError("validation", `These fields do not apply to a ${asset.kind} version: ${misplaced.join(", ")}.`, { errors: misplaced.map((path) => ({ path, message: `Not a ${asset.kind} field` })) });
    return isModel ? modelVersion(tx, ctx, asset.id, input) : datasetVersion(tx, ctx, asset.id, input);
  });
}

async function datasetVersion(tx: Tx, ctx: RequestContext, assetId: string, input: RegisterVersionInput) {
  const data = {
    lakefsRepository: input.lakefs?.repository ?? null, lakefsRef: input.lakefs?.ref ?? null, lakefsPath: input.lakefs?.path ?? null,
    lakefsCommitId: input.lakefs?.commitId ?? (looksLikeCommit(input.lakefs?.ref) ? input.lakefs!.ref : null),
    schema: (input.schema ?? []) as object[], dataQuality: (input.dataQuality ?? undefined) as object | undefined,
  };
  const existing = await tx.datasetVersion.findUnique({ where: { assetId_version: { assetId, version: input.version } }, select: datasetVersionSelect });
  if (existing) {
    const same = existing.lakefsRepository === data.lakefsRepository && existing.lakefsRef === data.lakefsRef && existing.lakefsCommitId === data.lakefsCommitId
      && existing.lakefsPath === data.lakefsPath && JSON.stringify(existing.schema) === JSON.stringify(data.schema);
    if (!same) throw new AppError("conflict", `Version "${input.version}" already exists with different content; versions are immutable, register a new version.`);
    return { version: datasetVersionView(existing), created: false };
  }
  const row = await tx.datasetVersion.create({ data: { assetId, version: input.version, observedAt: new Date(), ...data }, select: datasetVersionSelect });
  // The newest schema's columns feed full-text search.
  if (data.schema.length) await tx.asset.update({ where: { id: assetId }, data: { columnNames: flattenColumns(input.schema ?? []) } });
  await recordAudit(tx, ctx, { action: "dataset_version.registered", entityType: "dataset_version", entityId: row.id, after: { assetId, version: row.version, lakefs: input.lakefs ?? null, columns: data.schema.length } });
  return { version: datasetVersionView(row), created: true };
}

async function modelVersion(tx: Tx, ctx: RequestContext, assetId: string, input: RegisterVersionInput) {
  const inputs = await resolveDatasetVersions(tx, input.inputs ?? []);
  const existing = await tx.modelVersion.findUnique({ where: { assetId_version: { assetId, version: input.version } }, select: modelVersionSelect });
  if (existing) {
    const view = modelVersionView(existing);
    const same = view.code?.commitSha === (input.code?.commitSha ?? undefined) && view.environment === (input.environment ?? null)
      && view.trainingRunId === (input.trainingRunId ?? null) && sameSet(view.inputs.map((i) => i.datasetVersionId), inputs.map((i) => i.id));
    if (!same) throw new AppError("conflict", `Model version "${input.version}" already exists with different content; register a new version.`);
    return { version: view, created: false };
  }
  if (input.trainingRunId && !(await tx.run.findUnique({ where: { id: input.trainingRunId }, select: { id: true } })))
    throw new AppError("validation", "The training run is unknown; send its OpenLineage events first or omit it.", { errors: [{ path: "trainingRunId", message: "No such run" }] });
  const row = await tx.modelVersion.create({
    data: {
      assetId, version: input.version, description: input.description ?? "", trainingRunId: input.trainingRunId ?? null,
      codeRepository: input.code?.repository ?? null, codeCommitSha: input.code?.commitSha ?? null, environment: input.environment ?? null,
      metrics: input.metrics ?? {}, params: (input.params ?? {}) as object, mlflowModelName: input.mlflow?.name ?? null, mlflowVersion: input.mlflow?.version ?? null,
      inputs: { create: inputs.map((d) => ({ datasetVersionId: d.id })) },
    },
    select: modelVersionSelect,
  });
  // Training data and the training job become lineage edges into the model.
  const now = new Date();
  const sources = new Set(inputs.map((d) => d.assetId));
  if (input.trainingRunId) sources.add((await tx.run.findUniqueOrThrow({ where: { id: input.trainingRunId }, select: { jobAssetId: true } })).jobAssetId);
  for (const sourceId of sources) {
    await tx.lineageEdge.upsert({ where: { sourceId_targetId: { sourceId, targetId: assetId } }, create: { sourceId, targetId: assetId, firstSeenAt: now, lastSeenAt: now }, update: { lastSeenAt: now } });
  }
  await recordAudit(tx, ctx, { action: "model_version.registered", entityType: "model_version", entityId: row.id, after: { assetId, version: row.version, inputs: inputs.map((d) => d.id), code: input.code ?? null, environment: input.environment ?? null, mlflow: input.mlflow ?? null } });
  return { version: modelVersionView(row), created: true };
}

function sameSet(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
}

const cursorId = z.uuid();

/** Versions of an asset, newest first, keyset-paged. */
export async function listVersions(actor: Actor, assetId: string, q: { cursor?: string; limit: number }): Promise<Page<VersionView>> {
  const asset = await db().asset.findFirst({ where: { id: assetId, ...assetWhere(readableTeams(actor)) }, select: { id: true, kind: true } });
  if (!asset) throw notFound("The asset");
  const after = q.cursor ? decodeCursor(q.cursor) : null;
  if (after && (!cursorId.safeParse(after.id).success || Number.isNaN(new Date(after.k).getTime())))
    throw new AppError("validation", "The cursor is not valid; start again from the first page.", { errors: [{ path: "cursor", message: "Invalid cursor" }] });
  const items = asset.kind === "model"
    ? (await modelVersionPage(assetId, after, q.limit + 1)).map(modelVersionView)
    : (await db().datasetVersion.findMany({
        where: { assetId, ...(after ? { OR: [{ observedAt: { lt: new Date(after.k) } }, { observedAt: new Date(after.k), id: { gt: after.id } }] } : {}) },
        orderBy: [{ observedAt: "desc" }, { id: "asc" }], take: q.limit + 1, select: datasetVersionSelect,
      })).map(datasetVersionView);
  const page = items.slice(0, q.limit);
  const last = page[page.length - 1];
  return { items: page, nextCursor: items.length > q.limit && last ? encodeCursor({ k: last.createdAt, id: last.id }) : null };
}

/**
 * A page of model versions with their inputs' data commits in one statement (Prisma's
 * nested select asks four: versions, input links, dataset versions, their assets).
 */
function modelVersionPage(assetId: string, after: Cursor | null, take: number): Promise<ModelVersionRow[]> {
  const keyset = after
    ? Prisma.sql`(v.created_at < ${new Date(after.k)} OR (v.created_at = ${new Date(after.k)} AND v.id > ${after.id}::uuid))`
    : Prisma.sql`TRUE`;
  return db().$queryRaw<ModelVersionRow[]>`
    SELECT v.id, v.asset_id AS "assetId", v.version, v.created_at AS "createdAt", v.description, v.training_run_id AS "trainingRunId",
      v.code_repository AS "codeRepository", v.code_commit_sha AS "codeCommitSha", v.environment, v.metrics, v.params,
      v.mlflow_model_name AS "mlflowModelName", v.mlflow_version AS "mlflowVersion",
      coalesce((SELECT json_agg(json_build_object('datasetVersion', json_build_object(
          'id', d.id, 'assetId', d.asset_id, 'version', d.version, 'lakefsCommitId', d.lakefs_commit_id, 'lakefsRef', d.lakefs_ref,
          'asset', json_build_object('namespace', da.namespace, 'name', da.name))) ORDER BY d.id)
        FROM model_version_inputs i JOIN dataset_versions d ON d.id = i.dataset_version_id JOIN assets da ON da.id = d.asset_id
        WHERE i.model_version_id = v.id), '[]'::json) AS inputs
    FROM model_versions v WHERE v.asset_id = ${assetId}::uuid AND ${keyset}
    ORDER BY v.created_at DESC, v.id LIMIT ${take}`;
}
