import "server-only";
import type { Tx } from "@/lib/db";
import { notFound } from "@/lib/errors";

export interface RecordDeploymentInput {
  modelVersionId: string;
  /** Free text: dev, staging, prod, ... */
  environment: string;
  deployedAt?: Date;
  /** The promotion that executed it (issue 6). */
  promotionId?: string | null;
}

/**
 * Puts a model version into an environment: retires whatever version of the same model
 * was active there, records the deployment, and keeps the deployment asset (one per model
 * and environment) downstream of the model in the lineage graph. Runs in the caller's
 * transaction; the caller records the audit event (a promotion audits its own execution).
 */
export async function recordDeployment(tx: Tx, input: RecordDeploymentInput): Promise<{ id: string; retiredIds: string[] }> {
  const at = input.deployedAt ?? new Date();
  const mv = await tx.modelVersion.findUnique({ where: { id: input.modelVersionId }, select: { id: true, asset: { select: { id: true, name: true, namespace: true, ownerTeamId: true } } } });
  if (!mv) throw notFound("The model version");
  const key = { kind: "deployment" as const, namespace: `deploy://${input.environment}`, name: `${mv.asset.namespace}/${mv.asset.name}` };
  const asset = await tx.asset.upsert({
    where: { kind_namespace_name: key },
    create: { ...key, ownerTeamId: mv.asset.ownerTeamId, description: `${mv.asset.name} serving in ${input.environment}`, tags: [input.environment] },
    update: {},
    select: { id: true },
  });
  await tx.lineageEdge.upsert({
    where: { sourceId_targetId: { sourceId: mv.asset.id, targetId: asset.id } },
    create: { sourceId: mv.asset.id, targetId: asset.id, firstSeenAt: at, lastSeenAt: at },
    update: { lastSeenAt: at },
  });
  const active = await tx.deployment.findMany({
    where: { environment: input.environment, status: "active", modelVersion: { assetId: mv.asset.id } },
    select: { id: true },
  });
  if (active.length) await tx.deployment.updateMany({ where: { id: { in: active.map((d) => d.id) } }, data: { status: "retired", retiredAt: at } });
  const created = await tx.deployment.create({
    data: { assetId: asset.id, modelVersionId: mv.id, environment: input.environment, deployedAt: at, promotionId: input.promotionId ?? null },
    select: { id: true },
  });
  return { id: created.id, retiredIds: active.map((d) => d.id) };
}
