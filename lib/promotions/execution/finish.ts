import "server-only";
import type { Tx } from "@/lib/db";
import { recordAudit } from "@/lib/audit/record";
import { systemContext } from "@/lib/http/context";
import { transition, type PromotionEvent, type PromotionStateName } from "@/lib/promotions/state-machine";
import { addTimeline } from "@/lib/promotions/timeline";
import { recordDeployment } from "@/lib/catalog/deployments";

export const WORKER_CTX = systemContext("promotion-worker");

export interface PreviousDeployment {
  deploymentId: string;
  modelVersionId: string;
  version: string;
  mlflowVersion: string | null;
  promotionId: string | null;
}

/**
 * Moves the promotion along one guarded transition, only if it is still in the state
 * the worker read (a conditional update), with its timeline entry and audit event.
 */
export async function workerTransition(
  tx: Tx,
  p: { id: string; state: PromotionStateName },
  event: PromotionEvent,
  message: string,
  data: Record<string, unknown> = {},
): Promise<PromotionStateName | null> {
  const next = transition(p.state, event);
  const moved = await tx.promotion.updateMany({ where: { id: p.id, state: p.state }, data: { state: next, ...data } });
  if (moved.count === 0) return null;
  await addTimeline(tx, p.id, { kind: "state", message });
  await recordAudit(tx, WORKER_CTX, { action: `promotion.${event}`, entityType: "promotion", entityId: p.id, before: { state: p.state }, after: { state: next, ...jsonable(data) } });
  return next;
}

function jsonable(d: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(d).map(([k, v]) => [k, v instanceof Date ? v.toISOString() : v]));
}

/** The environment now runs this promotion's version: retire what ran before, record the new deployment. */
export async function deployVersion(tx: Tx, envKey: string, _modelAssetId: string, modelVersionId: string, promotionId: string | null, at: Date): Promise<void> {
  // The catalog's own bookkeeping: retires what ran, records the deployment and its lineage node.
  await recordDeployment(tx, { modelVersionId, environment: envKey, deployedAt: at, promotionId });
}

/** After a rollback: this version is retired and the previous one runs again (under its own promotion). */
export async function restorePrevious(tx: Tx, envKey: string, modelAssetId: string, previous: PreviousDeployment | null, at: Date): Promise<void> {
  if (previous) return deployVersion(tx, envKey, modelAssetId, previous.modelVersionId, previous.promotionId, at);
  await tx.deployment.updateMany({ where: { environment: envKey, status: "active", modelVersion: { assetId: modelAssetId } }, data: { status: "retired", retiredAt: at } });
}
