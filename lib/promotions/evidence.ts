import "server-only";
import type { Tx } from "@/lib/db";
import { notFound } from "@/lib/errors";
import type { EvidenceInput, GateEvidence } from "@/lib/promotions/gates";
import { loadUseCaseFacts } from "@/lib/promotions/use-case-facts";
import { inheritedRiskOf } from "@/lib/lineage/inherited-risk";

// Gathers what the gates look at, from the catalog: the candidate version, its input
// data commits with lineage and quality, and what runs in the environment now.

export const numericMetrics = (m: unknown): Record<string, number> =>
  Object.fromEntries(Object.entries((m ?? {}) as Record<string, unknown>).filter(([, v]) => typeof v === "number")) as Record<string, number>;

export const versionLabel = (assetName: string, version: string) => `${assetName} v${version}`;

/** Counts assertions in an OpenLineage dataQualityAssertions facet (or a plain {passed, failed}). */
export function qualityOf(dq: unknown): EvidenceInput["quality"] {
  if (!dq || typeof dq !== "object") return null;
  const obj = dq as { assertions?: { assertion?: string; success?: boolean; column?: string }[]; passed?: number; failed?: number };
  if (Array.isArray(obj.assertions)) {
    const failed = obj.assertions.filter((a) => a.success === false);
    return { passed: obj.assertions.length - failed.length, failed: failed.length, failedNames: failed.map((a) => [a.assertion, a.column].filter(Boolean).join(" on ")) };
  }
  if (typeof obj.passed === "number" && typeof obj.failed === "number") return { passed: obj.passed, failed: obj.failed, failedNames: [] };
  return null;
}

export async function loadModelVersion(tx: Tx, id: string) {
  const mv = await tx.modelVersion.findUnique({
    where: { id },
    include: { asset: { select: { id: true, name: true, ownerTeamId: true } }, inputs: { include: { datasetVersion: { include: { asset: { select: { id: true, name: true } } } } } } },
  });
  if (!mv) throw notFound(`Model version ${id}`);
  return mv;
}
export type LoadedModelVersion = Awaited<ReturnType<typeof loadModelVersion>>;

/** The active deployment of this model (any version) in an environment. */
export async function currentDeployment(tx: Tx, modelAssetId: string, envKey: string) {
  return tx.deployment.findFirst({
    where: { environment: envKey, status: "active", modelVersion: { assetId: modelAssetId } },
    orderBy: { deployedAt: "desc" },
    include: { modelVersion: true },
  });
}

export async function gatherEvidence(tx: Tx, mv: LoadedModelVersion, envKey: string, useCaseId: string | null): Promise<GateEvidence> {
  const inputAssetIds = mv.inputs.map((i) => i.datasetVersion.asset.id);
  const withEdges = inputAssetIds.length
    ? await tx.lineageEdge.findMany({ where: { targetId: { in: inputAssetIds } }, select: { targetId: true }, distinct: ["targetId"] })
    : [];
  const lineaged = new Set(withEdges.map((e) => e.targetId));
  const current = await currentDeployment(tx, mv.asset.id, envKey);
  return {
    modelVersion: {
      id: mv.id,
      label: versionLabel(mv.asset.name, mv.version),
      metrics: numericMetrics(mv.metrics),
      codeCommitSha: mv.codeCommitSha,
      environment: mv.environment,
      trainingRunId: mv.trainingRunId,
    },
    inputs: mv.inputs.map(({ datasetVersion: dv }) => ({
      datasetName: dv.asset.name,
      version: dv.version,
      commitId: dv.lakefsCommitId,
      hasLineage: lineaged.has(dv.asset.id) || !!dv.producedByRunId,
      quality: qualityOf(dv.dataQuality),
    })),
    production: current && current.modelVersionId !== mv.id
      ? { modelVersionId: current.modelVersionId, label: versionLabel(mv.asset.name, current.modelVersion.version), metrics: numericMetrics(current.modelVersion.metrics) }
      : null,
    useCase: await loadUseCaseFacts(tx, useCaseId),
    inheritedRisk: await inheritedRiskOf(tx, mv.id),
  };
}

/** Who registered the model version, from the audit log (a token acts for its owner). */
export async function modelAuthorId(tx: Tx, modelVersionId: string): Promise<string | null> {
  const ev = await tx.auditEvent.findFirst({ where: { entityType: "model_version", entityId: modelVersionId, action: "model_version.registered" }, orderBy: { seq: "asc" }, select: { actorType: true, actorId: true } });
  if (!ev?.actorId) return null;
  if (ev.actorType === "user") return ev.actorId;
  if (ev.actorType === "token") return (await tx.apiToken.findUnique({ where: { id: ev.actorId }, select: { userId: true } }))?.userId ?? null;
  return null;
}
