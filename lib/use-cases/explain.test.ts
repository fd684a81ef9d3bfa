import { describe, expect, it } from "vitest";
import { explainScores, type ScoreUnder } from "@/lib/use-cases/explain";
import { priorityOf, type CriterionDef } from "@/lib/use-cases/priority";

// Rubric v1 and v2 differ in criteria and weights, as after an admin publishes a new version mid-review.
const v1: CriterionDef[] = [
  { key: "impact", label: "Impact", weight: 3, direction: "higher_is_better" },
  { key: "risk", label: "Risk", weight: 1, direction: "lower_is_better" },
];
const v2: CriterionDef[] = [
  { key: "impact", label: "Business impact", weight: 1, direction: "higher_is_better" },
  { key: "feasibility", label: "Feasibility", weight: 1, direction: "higher_is_better" },
];
const under = (rubricVersion: 1 | 2, values: Record<string, number>): ScoreUnder => ({ rubricVersion, criteria: rubricVersion === 1 ? v1 : v2, disagreementSpread: 2, values });

describe("explaining a priority over scores given under different rubric versions", () => {
  const scores = [under(1, { impact: 5, risk: 1 }), under(1, { impact: 3, risk: 3 }), under(2, { impact: 2, feasibility: 4 })];
  const e = explainScores(scores)!;

  it("explains one version per table, newest first, each with its share of the scores", () => {
    expect(e.mixedVersions).toBe(true);
    expect(e.versions.map((v) => [v.rubricVersion, v.scoreCount, v.share])).toEqual([[2, 1, 1 / 3], [1, 2, 2 / 3]]);
    expect(e.versions[0]!.parts.map((p) => p.label)).toEqual(["Business impact", "Feasibility"]);
    expect(e.versions[1]!.parts.map((p) => p.key)).toEqual(["impact", "risk"]);
    // v1's means (impact 4, risk 2) under v1's weights: 100 × (3/4 × 0.75 + 1/4 × 0.75) = 75.
    expect(e.versions[1]!.priority).toBeCloseTo(75, 10);
    // v2: impact 2 -> 0.25, feasibility 4 -> 0.75, equal weights: 50.
    expect(e.versions[0]!.priority).toBeCloseTo(50, 10);
  });

  it("makes the headline the mean of every score's own priority, and the shares add up to it exactly", () => {
    const own = scores.map((s) => priorityOf(s.values, s.criteria));
    expect(e.priority).toBeCloseTo(own.reduce((a, b) => a + b, 0) / own.length, 10);
    expect(e.priority).toBeCloseTo((2 / 3) * 75 + (1 / 3) * 50, 10);
    expect(e.combined.reduce((s, c) => s + c.points, 0)).toBeCloseTo(e.priority, 10);
    // Feasibility exists only in v2: its points count with v2's third of the scores.
    expect(e.combined.find((c) => c.key === "feasibility")!.points).toBeCloseTo((1 / 3) * 37.5, 10);
  });

  it("flags disagreement within a version, never across versions", () => {
    expect(e.disagreement).toBe(true); // v1: impact 5 and 3
    const across = explainScores([under(1, { impact: 5, risk: 1 }), under(2, { impact: 1, feasibility: 4 })])!;
    expect(across.disagreement).toBe(false);
    expect(across.versions.every((v) => v.criteria.every((c) => c.spread === 0))).toBe(true);
  });

  it("is a plain single table when every score used one version, and nothing without scores", () => {
    const one = explainScores([under(2, { impact: 4, feasibility: 4 }), under(2, { impact: 2, feasibility: 4 })])!;
    expect(one).toMatchObject({ mixedVersions: false, versions: [{ rubricVersion: 2, scoreCount: 2, share: 1 }] });
    expect(one.priority).toBeCloseTo(one.versions[0]!.priority, 10);
    expect(explainScores([])).toBeNull();
  });
});
