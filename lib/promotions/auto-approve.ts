import "server-only";
import type { Tx } from "@/lib/db";
import type { EnvironmentPolicy } from "@/lib/generated/prisma/client";
import { enqueueOutbox, TOPICS } from "@/lib/outbox/outbox";
import { transition } from "@/lib/promotions/state-machine";
import { addTimeline } from "@/lib/promotions/timeline";
import { isHighRisk } from "@/lib/promotions/high-risk";

/** A policy that needs no approval (e.g. dev) approves a submitted request at once and queues it. */
export async function approveIfNoneRequired(tx: Tx, p: { id: string; useCaseId: string | null }, policy: EnvironmentPolicy): Promise<boolean> {
  if (policy.requiredApprovals > 0) return false;
  if (policy.highRiskRole) {
    // The gates have just run and recorded what lineage says about risk.
    const { inheritedRiskTier } = await tx.promotion.findUniqueOrThrow({ where: { id: p.id }, select: { inheritedRiskTier: true } });
    if (await isHighRisk(tx, p.useCaseId, inheritedRiskTier)) return false;
  }
  await tx.promotion.update({ where: { id: p.id }, data: { state: transition("pending_approval", "approve"), approvedAt: new Date() } });
  await addTimeline(tx, p.id, { kind: "state", message: `Approved: policy v${policy.version} needs no approval here.` });
  await enqueueOutbox(tx, TOPICS.advancePromotion, { promotionId: p.id });
  return true;
}
