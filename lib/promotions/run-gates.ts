import "server-only";
import type { Tx } from "@/lib/db";
import type { EnvironmentPolicy, RiskTier } from "@/lib/generated/prisma/client";
import { gatesConfigSchema } from "@/lib/promotions/policy-schema";
import { blocking, evaluateGates, type GateResult } from "@/lib/promotions/gates";
import { gatherEvidence, loadModelVersion } from "@/lib/promotions/evidence";
import { addTimeline } from "@/lib/promotions/timeline";

/** Runs the policy's gates on fresh evidence and records results and a timeline entry. */
export async function runGates(
  tx: Tx,
  p: { id: string; modelVersionId: string; useCaseId: string | null },
  envKey: string,
  policy: EnvironmentPolicy,
  phase: "request" | "pre_execution",
): Promise<GateResult[]> {
  const mv = await loadModelVersion(tx, p.modelVersionId);
  const evidence = await gatherEvidence(tx, mv, envKey, p.useCaseId);
  const results = evaluateGates(evidence, gatesConfigSchema.parse(policy.gates), policy.highRiskRole);
  const evaluatedAt = new Date();
  // Kept on the request so approvals (decide, inbox, auto-approval) judge high risk by what the gates last saw.
  await tx.promotion.update({ where: { id: p.id }, data: { inheritedRiskTier: (evidence.inheritedRisk?.tier ?? null) as RiskTier | null } });
  if (results.length) {
    await tx.promotionGateResult.createMany({
      data: results.map((r) => ({ promotionId: p.id, phase, gate: r.gate, verdict: r.verdict, reason: r.reason, evidence: r.evidence as object, evaluatedAt })),
    });
  }
  const fails = blocking(results);
  const warns = results.filter((r) => r.verdict === "warn").length;
  await addTimeline(tx, p.id, {
    kind: "gates",
    message: fails.length
      ? `Gates (${phase.replace("_", "-")}): ${fails.length} blocking — ${fails.map((f) => f.reason).join(" ")}`
      : `Gates (${phase.replace("_", "-")}): ${results.length - warns} passed${warns ? `, ${warns} warning(s)` : ""}.`,
    data: { phase, verdicts: Object.fromEntries(results.map((r) => [r.gate, r.verdict])) },
  });
  return results;
}
