import "server-only";
import type { Tx } from "@/lib/db";
import type { EnvironmentPolicy } from "@/lib/generated/prisma/client";
import { tally, type Decision } from "@/lib/promotions/approval-rules";
import { inheritsHighRisk } from "@/lib/promotions/gates";
import { loadUseCaseFacts } from "@/lib/promotions/use-case-facts";

// One answer to "is this request high risk?" for every place that asks it: the decision,
// auto-approval of a no-approval environment, and the worker just before execution. High
// risk is the linked use case's tier or the tier lineage passes on (kept on the promotion
// by the last gate run, lib/promotions/run-gates.ts).

/** The linked use case is high risk, or the training data feeds one (or worse) downstream. */
export async function isHighRisk(tx: Tx, useCaseId: string | null, inheritedRiskTier: string | null): Promise<boolean> {
  return inheritsHighRisk(inheritedRiskTier) || (await loadUseCaseFacts(tx, useCaseId))?.riskTier === "high";
}

/** The decisions of one round of a promotion (or of its rollback), with each reviewer's roles. */
export async function decisionsOf(tx: Tx, promotionId: string, purpose: "promotion" | "rollback", round: number): Promise<Decision[]> {
  const rows = await tx.promotionApproval.findMany({ where: { promotionId, purpose, round }, include: { reviewer: { select: { roles: { select: { role: true } } } } } });
  return rows.map((r) => ({ reviewerId: r.reviewerId, reviewerRoles: r.reviewer.roles.map((x) => x.role), decision: r.decision }));
}

/**
 * Just before execution: a request that became high risk after it was approved (lineage
 * now feeds a high-risk use case, or the use case was re-tiered) and has no approval from
 * the policy's high-risk role must not run. Answers why, or null when it may run.
 */
export async function missingHighRiskApproval(tx: Tx, p: { id: string; useCaseId: string | null; round: number }, policy: EnvironmentPolicy): Promise<string | null> {
  if (!policy.highRiskRole) return null;
  // Read after the pre-execution gates recorded what lineage says now.
  const { inheritedRiskTier } = await tx.promotion.findUniqueOrThrow({ where: { id: p.id }, select: { inheritedRiskTier: true } });
  if (!(await isHighRisk(tx, p.useCaseId, inheritedRiskTier))) return null;
  const t = tally(await decisionsOf(tx, p.id, "promotion", p.round), policy, true, policy.requiredApprovals);
  if (!t.missingHighRiskRole) return null;
  const role = policy.highRiskRole.replace(/_/g, " ");
  return `It is high risk now${inheritsHighRisk(inheritedRiskTier) ? ` (its training data feeds a ${inheritedRiskTier}-risk use case downstream)` : " (its use case is high risk)"}, and no ${role} approved it; request the promotion again so ${/^[aeiou]/.test(role) ? "an" : "a"} ${role} can decide.`;
}
