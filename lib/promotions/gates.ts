import type { GatesConfig, GateLevel } from "@/lib/promotions/policy-schema";
import type { RoleName } from "@/lib/policy/permissions";

// Gates are pure functions over an evidence object that the service gathers from the
// catalog and the use cases. Each answers a verdict, a sentence a person understands,
// and the evidence it looked at, so the approver sees why.

export type Verdict = "pass" | "fail" | "warn";
export interface GateResult {
  gate: string;
  verdict: Verdict;
  reason: string;
  evidence: Record<string, unknown>;
}

export interface EvidenceInput {
  datasetName: string;
  version: string;
  commitId: string | null;
  hasLineage: boolean;
  /** Latest data-quality assertions of that dataset version; null when none were reported. */
  quality: { passed: number; failed: number; failedNames: string[] } | null;
}

export interface GateEvidence {
  modelVersion: { id: string; label: string; metrics: Record<string, number>; codeCommitSha: string | null; environment: string | null; trainingRunId: string | null };
  inputs: EvidenceInput[];
  /** What runs in the target environment now, if anything. */
  production: { modelVersionId: string; label: string; metrics: Record<string, number> } | null;
  useCase: { id: string; title: string; approvedForBuild: boolean; state: string; riskTier: string | null; humanOversightPlan: string | null } | null;
  /** The most severe tier of the use cases the training data feeds downstream (lineage), if any. */
  inheritedRisk: { tier: string; useCases: number; example: string } | null;
}

const fmt = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(3).replace(/0+$/, ""));

/** A failed check becomes a warning when the policy only warns on it. */
function verdictOf(ok: boolean, level: GateLevel): Verdict {
  return ok ? "pass" : level === "fail" ? "fail" : "warn";
}

export function metricGate(ev: GateEvidence, cfg: GatesConfig): GateResult {
  const checks = cfg.metrics.map((t) => {
    const value = ev.modelVersion.metrics[t.metric];
    const applies = typeof value === "number" || t.required;
    const ok = !applies || (typeof value === "number" && (t.op === ">=" ? value >= t.threshold : value <= t.threshold));
    return { ...t, value: value ?? null, ok, applies };
  });
  const failing = checks.filter((c) => !c.ok);
  const regressions: { metric: string; candidate: number; current: number }[] = [];
  if (cfg.maxRegression !== null && ev.production) {
    for (const t of cfg.metrics) {
      const cand = ev.modelVersion.metrics[t.metric];
      const cur = ev.production.metrics[t.metric];
      if (typeof cand !== "number" || typeof cur !== "number") continue;
      const worseBy = t.op === ">=" ? cur - cand : cand - cur;
      if (worseBy > cfg.maxRegression) regressions.push({ metric: t.metric, candidate: cand, current: cur });
    }
  }
  const ok = failing.length === 0 && regressions.length === 0;
  const parts = [
    ...failing.map((c) => (c.value === null ? `${c.metric} is not recorded on ${ev.modelVersion.label}` : `${c.metric} is ${fmt(c.value)}, needs ${c.op} ${fmt(c.threshold)}`)),
    ...regressions.map((r) => `${r.metric} ${fmt(r.candidate)} is worse than ${fmt(r.current)} of ${ev.production!.label} by more than ${fmt(cfg.maxRegression!)}`),
  ];
  const applied = checks.filter((c) => c.applies);
  const reason = ok
    ? applied.length
      ? `All ${applied.length} metric thresholds met (${applied.map((c) => `${c.metric} ${fmt(c.value as number)} ${c.op} ${fmt(c.threshold)}`).join(", ")}).`
      : "None of the policy's metric thresholds applies to this model's metrics."
    : `${parts.join("; ")}.`;
  return { gate: "metrics", verdict: verdictOf(ok, cfg.metricsLevel), reason, evidence: { checks, regressions, production: ev.production } };
}

export function reproducibilityGate(ev: GateEvidence, level: GateLevel): GateResult {
  const missing: string[] = [];
  if (!ev.modelVersion.codeCommitSha) missing.push("the code commit SHA");
  if (!ev.modelVersion.environment) missing.push("the training environment");
  if (!ev.modelVersion.trainingRunId) missing.push("the training run");
  if (ev.inputs.length === 0) missing.push("any input dataset");
  const unpinned = ev.inputs.filter((i) => !i.commitId).map((i) => i.datasetName);
  if (unpinned.length) missing.push(`a lakeFS commit for ${unpinned.join(", ")}`);
  const ok = missing.length === 0;
  return {
    gate: "reproducibility",
    verdict: verdictOf(ok, level),
    reason: ok ? `Code ${ev.modelVersion.codeCommitSha!.slice(0, 12)}, environment and ${ev.inputs.length} data commit(s) are pinned.` : `Cannot reproduce: missing ${missing.join(", ")}.`,
    evidence: { codeCommitSha: ev.modelVersion.codeCommitSha, environment: ev.modelVersion.environment, trainingRunId: ev.modelVersion.trainingRunId, inputs: ev.inputs.map((i) => ({ dataset: i.datasetName, commitId: i.commitId })) },
  };
}

export function lineageGate(ev: GateEvidence, level: GateLevel): GateResult {
  const without = ev.inputs.filter((i) => !i.hasLineage).map((i) => i.datasetName);
  const ok = ev.inputs.length > 0 && without.length === 0;
  const reason = ev.inputs.length === 0 ? "The model version names no input datasets, so its lineage is unknown." : ok ? `All ${ev.inputs.length} input dataset(s) have lineage.` : `No lineage for ${without.join(", ")}.`;
  return { gate: "lineage", verdict: verdictOf(ok, level), reason, evidence: { inputs: ev.inputs.map((i) => ({ dataset: i.datasetName, hasLineage: i.hasLineage })) } };
}

export function dataQualityGate(ev: GateEvidence, level: GateLevel): GateResult {
  const failing = ev.inputs.filter((i) => i.quality && i.quality.failed > 0);
  const unknown = ev.inputs.filter((i) => !i.quality).map((i) => i.datasetName);
  const ok = failing.length === 0 && unknown.length === 0;
  const parts = [...failing.map((i) => `${i.datasetName}: ${i.quality!.failed} assertion(s) failed (${i.quality!.failedNames.join(", ")})`), ...(unknown.length ? [`no assertions reported for ${unknown.join(", ")}`] : [])];
  return {
    gate: "data_quality",
    verdict: verdictOf(ok, level),
    reason: ok ? `Latest assertions passed on all ${ev.inputs.length} input dataset(s).` : `${parts.join("; ")}.`,
    evidence: { inputs: ev.inputs.map((i) => ({ dataset: i.datasetName, quality: i.quality })) },
  };
}

/** High risk for approvals: the linked use case is high risk, or lineage shows the training data feeding one (or worse). */
export function inheritsHighRisk(inheritedTier: string | null | undefined): boolean {
  return inheritedTier === "high" || inheritedTier === "prohibited";
}

export function riskTierGate(ev: GateEvidence, level: GateLevel, highRiskRole: RoleName | null): GateResult {
  const uc = ev.useCase;
  const inherited = ev.inheritedRisk;
  const evidence = { useCase: uc && { id: uc.id, riskTier: uc.riskTier, humanOversightPlan: uc.humanOversightPlan }, inheritedRisk: inherited, highRiskRole };
  const role = highRiskRole?.replace(/_/g, " ");
  const extra = role ? ` One approval must come from ${/^[aeiou]/.test(role) ? "an" : "a"} ${role}.` : "";
  // A model can serve a high-risk purpose through its data without the use case it names being high risk.
  const throughLineage = inherited && inheritsHighRisk(inherited.tier) && uc?.riskTier !== "high" && uc?.riskTier !== "prohibited"
    ? ` Its training data feeds ${inherited.useCases === 1 ? `a ${inherited.tier}-risk use case` : `${inherited.useCases} ${inherited.tier}-risk use cases`} downstream (e.g. "${inherited.example}"), so approvals treat it as high risk.${extra}`
    : "";
  if (!uc) return { gate: "risk_tier", verdict: verdictOf(false, level === "fail" ? "warn" : level), reason: `No use case is linked, so its own risk tier is unknown.${throughLineage}`, evidence };
  if (uc.riskTier === "prohibited") return { gate: "risk_tier", verdict: "fail", reason: `Use case "${uc.title}" is in the prohibited risk tier; it may not be deployed.`, evidence };
  if (uc.riskTier === "high") {
    const plan = uc.humanOversightPlan?.trim();
    if (!plan) return { gate: "risk_tier", verdict: verdictOf(false, level), reason: `High-risk use case "${uc.title}" has no documented human-oversight plan; its owners document one on the use case's page.${extra}`, evidence };
    const excerpt = plan.length > 120 ? `${plan.slice(0, 117)}...` : plan;
    return { gate: "risk_tier", verdict: "pass", reason: `High-risk use case with a documented human-oversight plan: "${excerpt}".${extra}`, evidence };
  }
  return { gate: "risk_tier", verdict: "pass", reason: throughLineage ? `Risk tier ${uc.riskTier ?? "not screened yet"}.${throughLineage}` : `Risk tier ${uc.riskTier ?? "not screened yet"}: no extra requirement.`, evidence };
}

export function approvedUseCaseGate(ev: GateEvidence, level: GateLevel): GateResult {
  const uc = ev.useCase;
  const ok = !!uc?.approvedForBuild;
  const reason = !uc ? "The promotion is linked to no use case approved for build." : ok ? `Use case "${uc.title}" is approved for build (${uc.state.replace(/_/g, " ")}).` : `Use case "${uc.title}" is ${uc.state.replace(/_/g, " ")}, not approved for build.`;
  return { gate: "use_case_approved", verdict: verdictOf(ok, level), reason, evidence: { useCase: uc && { id: uc.id, state: uc.state } } };
}

/** Runs every gate the policy turns on, in a stable order. */
export function evaluateGates(ev: GateEvidence, cfg: GatesConfig, highRiskRole: RoleName | null): GateResult[] {
  const out: GateResult[] = [];
  if (cfg.metricsLevel !== "off" && (cfg.metrics.length || cfg.maxRegression !== null)) out.push(metricGate(ev, cfg));
  if (cfg.reproducibility !== "off") out.push(reproducibilityGate(ev, cfg.reproducibility));
  if (cfg.lineage !== "off") out.push(lineageGate(ev, cfg.lineage));
  if (cfg.dataQuality !== "off") out.push(dataQualityGate(ev, cfg.dataQuality));
  if (cfg.riskTier !== "off") out.push(riskTierGate(ev, cfg.riskTier, highRiskRole));
  if (cfg.useCaseApproved !== "off") out.push(approvedUseCaseGate(ev, cfg.useCaseApproved));
  return out;
}

export const blocking = (results: GateResult[]) => results.filter((r) => r.verdict === "fail");
