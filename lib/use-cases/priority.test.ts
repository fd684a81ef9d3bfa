import { describe, expect, it } from "vitest";
import { contributions, normalise, priorityOf, rankReason, spreadOf, type CriterionDef } from "@/lib/use-cases/priority";

const rubric: CriterionDef[] = [
  { key: "impact", label: "Impact", weight: 3, direction: "higher_is_better" },
  { key: "feasibility", label: "Feasibility", weight: 2, direction: "higher_is_better" },
  { key: "risk", label: "Risk", weight: 1, direction: "lower_is_better" },
];

describe("priority arithmetic", () => {
  it("puts 1..5 on 0..1 and flips a lower-is-better criterion", () => {
    expect(normalise(1, "higher_is_better")).toBe(0);
    expect(normalise(5, "higher_is_better")).toBe(1);
    expect(normalise(4, "higher_is_better")).toBe(0.75);
    expect(normalise(1, "lower_is_better")).toBe(1);
    expect(normalise(4, "lower_is_better")).toBe(0.25);
  });

  it("normalises weights that do not sum to 1 (3, 2, 1 are shares of 1/2, 1/3, 1/6)", () => {
    // impact 5 -> 1 * 1/2; feasibility 3 -> 0.5 * 1/3; risk 2 (lower is better) -> 0.75 * 1/6
    const expected = 100 * (0.5 * 1 + (1 / 3) * 0.5 + (1 / 6) * 0.75);
    expect(priorityOf({ impact: 5, feasibility: 3, risk: 2 }, rubric)).toBeCloseTo(expected, 10);
    expect(priorityOf({ impact: 5, feasibility: 3, risk: 2 }, rubric)).toBeCloseTo(79.1667, 3);
  });

  it("gives the same priority for weights scaled by any factor", () => {
    const scaled = rubric.map((c) => ({ ...c, weight: c.weight * 0.137 }));
    expect(priorityOf({ impact: 2, feasibility: 4, risk: 5 }, scaled)).toBeCloseTo(priorityOf({ impact: 2, feasibility: 4, risk: 5 }, rubric), 10);
  });

  it("ranks a riskier use case lower when risk is lower-is-better", () => {
    const safe = priorityOf({ impact: 4, feasibility: 4, risk: 1 }, rubric);
    const risky = priorityOf({ impact: 4, feasibility: 4, risk: 5 }, rubric);
    expect(safe - risky).toBeCloseTo(100 / 6, 10);
  });

  it("spans exactly 0 to 100", () => {
    expect(priorityOf({ impact: 1, feasibility: 1, risk: 5 }, rubric)).toBe(0);
    expect(priorityOf({ impact: 5, feasibility: 5, risk: 1 }, rubric)).toBeCloseTo(100, 10);
  });

  it("explains itself: the points per criterion add up to the priority", () => {
    const parts = contributions({ impact: 4, feasibility: 2, risk: 3 }, rubric);
    expect(parts.map((p) => p.points.toFixed(2))).toEqual(["37.50", "8.33", "8.33"]);
    expect(parts.reduce((s, p) => s + p.points, 0)).toBeCloseTo(priorityOf({ impact: 4, feasibility: 2, risk: 3 }, rubric), 10);
  });

  it("refuses a value missing for a criterion and a rubric without positive weight", () => {
    expect(() => priorityOf({ impact: 4 }, rubric)).toThrow(/feasibility/);
    expect(() => priorityOf({ impact: 4 }, [{ ...rubric[0]!, weight: 0 }])).toThrow(/positive total weight/);
  });

  it("computes mean and spread per criterion and flags a spread of 2 or more", () => {
    const s = spreadOf([{ impact: 5, feasibility: 3, risk: 2 }, { impact: 2, feasibility: 4, risk: 2 }], rubric, 2);
    expect(s.find((c) => c.key === "impact")).toMatchObject({ mean: 3.5, spread: 3, disagreement: true });
    expect(s.find((c) => c.key === "feasibility")).toMatchObject({ mean: 3.5, spread: 1, disagreement: false });
    expect(spreadOf([{ impact: 5, feasibility: 1, risk: 1 }], rubric, 2).some((c) => c.disagreement)).toBe(false);
  });

  it("says why one use case ranks above the next, naming the criteria that made the difference", () => {
    const a = { title: "A", parts: contributions({ impact: 5, feasibility: 3, risk: 3 }, rubric) };
    const b = { title: "B", parts: contributions({ impact: 3, feasibility: 3, risk: 1 }, rubric) };
    expect(rankReason(a, b)).toBe('Ranks 16.7 points above "B", mostly on Impact (+25.0), despite Risk (-8.3).');
  });

  it("says an exact tie is a tie, how the criteria trade off, and that the portfolio's id order breaks it", () => {
    const a = { title: "A", parts: contributions({ impact: 4, feasibility: 3, risk: 3 }, rubric) };
    const b = { title: "B", parts: contributions({ impact: 3, feasibility: 3, risk: 3 }, rubric) };
    const traded = { title: "C", parts: a.parts.map((p) => (p.key === "impact" ? { ...p, points: p.points - 5 } : p.key === "risk" ? { ...p, points: p.points + 5 } : p)) };
    expect(rankReason(a, { ...a, title: "Twin" })).toBe('Ties with "Twin" at 62.5 points with equal criterion scores. The portfolio lists equal priorities in a fixed order, by id, which puts this one first.');
    expect(rankReason(a, traded)).toBe('Ties with "C" at 62.5 points: ahead on Impact (+5.0), behind on Risk (-5.0). The portfolio lists equal priorities in a fixed order, by id, which puts this one first.');
    // The stored priorities decide what a tie is (they are what the list sorts by).
    expect(rankReason({ ...a, priority: 60 }, { ...b, priority: 60 })).toMatch(/^Ties with "B" at 60\.0 points: ahead on Impact/);
    expect(rankReason({ ...a, priority: 60.02 }, { ...b, priority: 60 })).toMatch(/^Ranks less than 0\.1 points above "B"/);
  });
});
