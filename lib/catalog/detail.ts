import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/policy/actor";
import { getAsset } from "@/lib/catalog/assets";
import { listVersions } from "@/lib/catalog/versions";
import { labelsOfUseCases } from "@/lib/lineage/labels-of-use-cases";
import { notFound } from "@/lib/errors";
import { assessReproducibility } from "@/lib/catalog/reproducibility";
import { lineageRiskOfModelVersion } from "@/lib/lineage/lineage-risk";
import { datasetVersionSelect, datasetVersionView, modelVersionSelect, modelVersionView, type DatasetVersionRow, type ModelVersionRow } from "@/lib/catalog/version-views";

/** Everything the asset page shows, in a few queries: the asset, versions, runs, deployments and use cases. */
export async function assetDetail(actor: Actor, id: string) {
  const asset = await getAsset(actor, id);
  // The parts are independent once the asset is known to be readable: ask them at once.
  const [versions, runs, deployments, facets, labels] = await Promise.all([
    asset.kind === "job" || asset.kind === "deployment" ? { items: [], nextCursor: null } : listVersions(actor, id, { limit: 50 }),
    db().run.findMany({
      where: asset.kind === "job" ? { jobAssetId: id } : { io: { some: { assetId: id } } },
      orderBy: [{ stateTime: "desc" }, { id: "asc" }], take: 20,
      select: { id: true, state: true, startedAt: true, endedAt: true, parentRunId: true, job: { select: { id: true, name: true } }, facets: { where: { key: { in: ["errorMessage", "processing_engine"] } }, select: { key: true, value: true } } },
    }),
    asset.kind === "model" || asset.kind === "deployment"
      ? db().deployment.findMany({
          where: asset.kind === "model" ? { modelVersion: { assetId: id } } : { assetId: id },
          orderBy: [{ deployedAt: "desc" }], take: 50,
          select: { id: true, environment: true, status: true, deployedAt: true, retiredAt: true, promotionId: true, modelVersion: { select: { id: true, version: true, assetId: true } } },
        })
      : [],
    db().assetFacet.findMany({ where: { assetId: id }, orderBy: { key: "asc" }, select: { key: true, value: true, eventTime: true } }),
    labelsOfUseCases(asset.useCaseIds),
  ]);
  return {
    asset, versions: versions.items, runs, deployments, facets,
    useCases: asset.useCaseIds.map((u) => ({ id: u, name: labels.get(u)?.name ?? null, riskTier: labels.get(u)?.riskTier ?? null })),
  };
}

/** One version of an asset the actor may read, with its run and (for models) the reproducibility verdict and the risk inherited through lineage. */
export async function versionDetail(actor: Actor, assetId: string, versionId: string) {
  const asset = await getAsset(actor, assetId);
  const isModel = asset.kind === "model";
  const row = isModel
    ? await db().modelVersion.findFirst({ where: { id: versionId, assetId }, select: modelVersionSelect })
    : await db().datasetVersion.findFirst({ where: { id: versionId, assetId }, select: datasetVersionSelect });
  if (!row) throw notFound("The version");
  const version = isModel ? modelVersionView(row as ModelVersionRow) : datasetVersionView(row as DatasetVersionRow);
  const runId = isModel ? version.trainingRunId : version.producedByRunId;
  const run = runId ? await db().run.findUnique({ where: { id: runId }, select: { id: true, state: true, startedAt: true, endedAt: true, job: { select: { id: true, name: true } } } }) : null;
  const deployments = isModel ? await db().deployment.findMany({ where: { modelVersionId: versionId }, orderBy: { deployedAt: "desc" }, select: { id: true, environment: true, status: true, deployedAt: true } }) : [];
  const lineageRisk = isModel ? await lineageRiskOfModelVersion(actor, versionId) : null;
  return { asset, version, run, deployments, reproducibility: isModel ? assessReproducibility(version) : null, lineageRisk };
}
