import type { SchemaField, VersionView } from "@/lib/catalog/schemas";

export const datasetVersionSelect = {
  id: true, assetId: true, version: true, createdAt: true, observedAt: true, lakefsRepository: true, lakefsRef: true, lakefsCommitId: true,
  lakefsPath: true, schema: true, dataQuality: true, producedByRunId: true,
} as const;

export const modelVersionSelect = {
  id: true, assetId: true, version: true, createdAt: true, description: true, trainingRunId: true, codeRepository: true, codeCommitSha: true,
  environment: true, metrics: true, params: true, mlflowModelName: true, mlflowVersion: true,
  inputs: {
    select: {
      datasetVersion: { select: { id: true, assetId: true, version: true, lakefsCommitId: true, lakefsRef: true, asset: { select: { namespace: true, name: true } } } },
    },
  },
} as const;

type Json = unknown;
export interface DatasetVersionRow {
  id: string; assetId: string; version: string; createdAt: Date; observedAt: Date; lakefsRepository: string | null; lakefsRef: string | null;
  lakefsCommitId: string | null; lakefsPath: string | null; schema: Json; dataQuality: Json; producedByRunId: string | null;
}
export interface ModelVersionRow {
  id: string; assetId: string; version: string; createdAt: Date; description: string; trainingRunId: string | null; codeRepository: string | null;
  codeCommitSha: string | null; environment: string | null; metrics: Json; params: Json; mlflowModelName: string | null; mlflowVersion: string | null;
  inputs: { datasetVersion: { id: string; assetId: string; version: string; lakefsCommitId: string | null; lakefsRef: string | null; asset: { namespace: string; name: string } } }[];
}

const EMPTY = { description: "", trainingRunId: null, inputs: [], code: null, environment: null, metrics: {}, params: {}, mlflow: null };

export function datasetVersionView(r: DatasetVersionRow): VersionView {
  return {
    id: r.id, assetId: r.assetId, kind: "dataset", version: r.version, createdAt: r.observedAt.toISOString(),
    lakefs: r.lakefsRepository ? { repository: r.lakefsRepository, ref: r.lakefsRef, commitId: r.lakefsCommitId, path: r.lakefsPath } : null,
    schema: Array.isArray(r.schema) ? (r.schema as SchemaField[]) : [], dataQuality: r.dataQuality ?? null, producedByRunId: r.producedByRunId,
    ...EMPTY,
  };
}

export function modelVersionView(r: ModelVersionRow): VersionView {
  return {
    id: r.id, assetId: r.assetId, kind: "model", version: r.version, createdAt: r.createdAt.toISOString(),
    lakefs: null, schema: [], dataQuality: null, producedByRunId: null,
    description: r.description, trainingRunId: r.trainingRunId,
    inputs: r.inputs.map(({ datasetVersion: d }) => ({
      datasetVersionId: d.id, assetId: d.assetId, namespace: d.asset.namespace, name: d.asset.name, version: d.version, lakefsCommitId: d.lakefsCommitId, lakefsRef: d.lakefsRef,
    })),
    code: r.codeRepository || r.codeCommitSha ? { repository: r.codeRepository, commitSha: r.codeCommitSha } : null,
    environment: r.environment,
    metrics: (r.metrics ?? {}) as Record<string, unknown>, params: (r.params ?? {}) as Record<string, unknown>,
    mlflow: r.mlflowModelName ? { name: r.mlflowModelName, version: r.mlflowVersion } : null,
  };
}

/** lakeFS commit ids are 64 hex characters (sha256); a ref that looks like one is a commit. */
export function looksLikeCommit(ref: string | null | undefined): boolean {
  return !!ref && /^[0-9a-f]{40,64}$/i.test(ref);
}
