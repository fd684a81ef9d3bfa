import { describe, expect, it } from "vitest";
import { gatesConfigSchema } from "@/lib/promotions/policy-schema";
import { blocking, evaluateGates, metricGate, riskTierGate, type GateEvidence } from "@/lib/promotions/gates";

const cfg = gatesConfigSchema.parse({ metrics: [{ metric: "auc", op: ">=", threshold: 0.8 }, { metric: "fairness_gap", op: "<=", threshold: 0.05, required: true }, { metric: "mape", op: "<=", threshold: 0.2 }], maxRegression: 0.01 });

function evidence(over: Partial<GateEvidence> = {}): GateEvidence {
  return {
    modelVersion: { id: "mv", label: "churn v3", metrics: { auc: 0.84, fairness_gap: 0.03 }, codeCommitSha: "abc123def4567890", environment: "python:3.12@sha256:1", trainingRunId: "run-1" },
    inputs: [{ datasetName: "orders", version: "c1", commitId: "c1", hasLineage: true, quality: { passed: 4, failed: 0, failedNames: [] } }],
    production: null,
    useCase: { id: "uc", title: "Churn", approvedForBuild: true, state: "approved", riskTier: "limited", humanOversightPlan: null },
    inheritedRisk: null,
    ...over,
  };
}

describe("gates", () => {
  it("passes every gate on complete evidence", () => {
    const r = evaluateGates(evidence(), cfg, null);
    expect(r.map((g) => g.gate)).toEqual(["metrics", "reproducibility", "lineage", "data_quality", "risk_tier", "use_case_approved"]);
    expect(blocking(r)).toEqual([]);
  });

  it("fails the metric gate below threshold and says by how much", () => {
    const g = metricGate(evidence({ modelVersion: { ...evidence().modelVersion, metrics: { auc: 0.78, fairness_gap: 0.03 } } }), cfg);
    expect(g.verdict).toBe("fail");
    expect(g.reason).toBe("auc is 0.78, needs >= 0.8.");
  });

  it("skips an optional metric the model does not record", () => {
    const g = metricGate(evidence(), cfg);
    expect(g.verdict).toBe("pass");
    expect(g.reason).toBe("All 2 metric thresholds met (auc 0.84 >= 0.8, fairness_gap 0.03 <= 0.05).");
  });

  it("fails a required metric that was never recorded", () => {
    const g = metricGate(evidence({ modelVersion: { ...evidence().modelVersion, metrics: { auc: 0.9 } } }), cfg);
    expect(g.reason).toContain("fairness_gap is not recorded on churn v3");
  });

  it("flags a regression against what runs now", () => {
    const g = metricGate(evidence({ production: { modelVersionId: "p", label: "churn v2", metrics: { auc: 0.86, fairness_gap: 0.03 } } }), cfg);
    expect(g.verdict).toBe("fail");
    expect(g.reason).toContain("worse than 0.86 of churn v2");
  });

  it("only warns when the policy says warn", () => {
    const warnCfg = { ...cfg, metricsLevel: "warn" as const };
    expect(metricGate(evidence({ modelVersion: { ...evidence().modelVersion, metrics: { auc: 0.5, fairness_gap: 0 } } }), warnCfg).verdict).toBe("warn");
  });

  it("names unpinned data and missing code in reproducibility", () => {
    const r = evaluateGates(evidence({ modelVersion: { ...evidence().modelVersion, codeCommitSha: null }, inputs: [{ datasetName: "orders", version: "main", commitId: null, hasLineage: false, quality: null }] }), cfg, null);
    const repro = r.find((g) => g.gate === "reproducibility")!;
    expect(repro.verdict).toBe("fail");
    expect(repro.reason).toBe("Cannot reproduce: missing the code commit SHA, a lakeFS commit for orders.");
    expect(r.find((g) => g.gate === "lineage")!.verdict).toBe("warn");
    expect(r.find((g) => g.gate === "data_quality")!.reason).toContain("no assertions reported for orders");
  });

  it("requires a human-oversight plan for high-risk use cases and names the extra role", () => {
    const uc = { ...evidence().useCase!, riskTier: "high" };
    expect(riskTierGate(evidence({ useCase: uc }), "fail", "admin").verdict).toBe("fail");
    const ok = riskTierGate(evidence({ useCase: { ...uc, humanOversightPlan: "Weekly review of declines" } }), "fail", "admin");
    expect(ok.verdict).toBe("pass");
    expect(ok.reason).toContain("from an admin");
    expect(ok.reason).toContain('"Weekly review of declines"');
  });

  it("says when lineage makes a request high risk that its own use case does not, and names the extra role", () => {
    const viaData = { tier: "high", useCases: 2, example: "Collections prioritisation" };
    const g = riskTierGate(evidence({ inheritedRisk: viaData }), "fail", "admin");
    expect(g).toMatchObject({ verdict: "pass", evidence: { inheritedRisk: viaData } });
    expect(g.reason).toBe('Risk tier limited. Its training data feeds 2 high-risk use cases downstream (e.g. "Collections prioritisation"), so approvals treat it as high risk. One approval must come from an admin.');
    expect(riskTierGate(evidence({ useCase: null, inheritedRisk: { ...viaData, useCases: 1 } }), "fail", "admin").reason).toBe('No use case is linked, so its own risk tier is unknown. Its training data feeds a high-risk use case downstream (e.g. "Collections prioritisation"), so approvals treat it as high risk. One approval must come from an admin.');
    // A limited tier downstream changes nothing; the use case's own high tier speaks for itself.
    expect(riskTierGate(evidence({ inheritedRisk: { ...viaData, tier: "limited" } }), "fail", "admin").reason).toBe("Risk tier limited: no extra requirement.");
    expect(riskTierGate(evidence({ useCase: { ...evidence().useCase!, riskTier: "high", humanOversightPlan: "Weekly review" }, inheritedRisk: viaData }), "fail", "admin").reason).not.toContain("training data");
  });

  it("blocks prohibited use cases whatever the level", () => {
    expect(riskTierGate(evidence({ useCase: { ...evidence().useCase!, riskTier: "prohibited" } }), "warn", null).verdict).toBe("fail");
  });

  it("skips gates turned off", () => {
    const off = gatesConfigSchema.parse({ metrics: [], reproducibility: "off", lineage: "off", dataQuality: "off", riskTier: "off", useCaseApproved: "off" });
    expect(evaluateGates(evidence(), off, null)).toEqual([]);
  });
});
