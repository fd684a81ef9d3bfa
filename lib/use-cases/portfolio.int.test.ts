import { beforeAll, describe, expect, it } from "vitest";
import { ctxOf, makeActor, unique } from "@/lib/test/factories";
import { listUseCases } from "@/lib/use-cases/list";
import { exportUseCasesCsv } from "@/lib/use-cases/export-csv";
import { portfolioSummary } from "@/lib/use-cases/summary";
import { submitScore } from "@/lib/use-cases/scores";
import { createUseCase } from "@/lib/use-cases/intake";
import { transitionUseCase } from "@/lib/use-cases/transition";
import { ensureRubric, fullIntake, makeCast, submittedUseCase } from "@/lib/use-cases/test-kit";

const base = { sort: "priority" as const, limit: 50 };

describe("portfolio list, export and summary", () => {
  beforeAll(async () => {
    await ensureRubric();
  });

  it("finds use cases by full-text search with stemming, within the caller's teams only", async () => {
    const { team, owner } = await makeCast();
    const word = unique("zebrafish").replace(/[^a-z]/g, "");
    const uc = await createUseCase(ctxOf(owner), fullIntake(team.id, { problem: `Forecasting ${word} migrations across warehouses is manual today.` }));
    expect((await listUseCases(owner, { ...base, q: `${word} warehouse` })).items.map((i) => i.id)).toEqual([uc.id]);
    const stranger = await makeActor(["product_owner"], []);
    expect((await listUseCases(stranger, { ...base, q: word })).items).toEqual([]);
    const exec = await makeActor(["executive"]);
    expect((await listUseCases(exec, { ...base, q: word })).items.map((i) => i.id)).toEqual([uc.id]);
  });

  it("filters by state, tier and reviewer and pages by keyset in priority order without gaps or repeats", async () => {
    const { team, owner, r1 } = await makeCast();
    const ids: string[] = [];
    for (let i = 1; i <= 5; i++) {
      const uc = await submittedUseCase(owner, team.id, { riskAnswers: i % 2 ? { credit: true } : {} });
      await submitScore(ctxOf(r1), uc.id, { values: { impact: i, feasibility: 3, data_readiness: 3, complexity: 3, risk: 3 }, note: "" });
      ids.push(uc.id);
    }
    const q = { ...base, teamId: team.id, reviewerId: r1.userId, state: ["submitted" as const], limit: 2 };
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await listUseCases(owner, { ...q, cursor });
      seen.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual([...ids].reverse());
    const high = await listUseCases(owner, { ...base, teamId: team.id, tier: ["high"] });
    expect(high.items.map((i) => i.id).sort()).toEqual([ids[0], ids[2], ids[4]].sort());
    expect((await listUseCases(owner, { ...base, teamId: team.id, state: ["approved"] })).items).toEqual([]);
  });

  it("streams the current filter as CSV, defusing formula-like cells", async () => {
    const { team, owner } = await makeCast();
    await createUseCase(ctxOf(owner), fullIntake(team.id, { title: "=HYPERLINK(evil)" }));
    await createUseCase(ctxOf(owner), fullIntake(team.id, { title: 'Quotes "and", commas' }));
    const text = await new Response(exportUseCasesCsv(owner, { teamId: team.id, sort: "newest" })).text();
    const lines = text.trim().split("\r\n");
    expect(lines[0]).toBe("id,title,team,owner,state,risk_tier,value_type,value_low_keur,value_high_keur,priority,scores,disagreement,created_at");
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain('"Quotes ""and"", commas"');
    expect(lines[2]).toContain(",'=HYPERLINK(evil),");
  });

  it("counts a product owner's team in the funnel and tiers, each from one aggregate", async () => {
    const { team, owner, r1 } = await makeCast();
    const a = await submittedUseCase(owner, team.id, { riskAnswers: { employment: true } });
    await createUseCase(ctxOf(owner), fullIntake(team.id));
    await submitScore(ctxOf(r1), a.id, { values: { impact: 5, feasibility: 5, data_readiness: 5, complexity: 1, risk: 1 }, note: "" });
    const s = await portfolioSummary(owner);
    expect(s.funnel.find((f) => f.state === "submitted")!.count).toBe(1);
    expect(s.funnel.find((f) => f.state === "draft")!.count).toBe(1);
    expect(s.tiers).toEqual([{ tier: "prohibited", count: 0 }, { tier: "high", count: 1 }, { tier: "limited", count: 0 }, { tier: "minimal", count: 0 }]);
    expect(s.topAwaiting.map((t) => t.id)).toEqual([a.id]);
    // Both states awaiting a decision, merged in priority order.
    const b = await submittedUseCase(owner, team.id);
    await transitionUseCase(ctxOf(r1), b.id, { transition: "start_review" });
    await submitScore(ctxOf(r1), b.id, { values: { impact: 2, feasibility: 5, data_readiness: 5, complexity: 1, risk: 1 }, note: "" });
    const c = await submittedUseCase(owner, team.id);
    await submitScore(ctxOf(r1), c.id, { values: { impact: 4, feasibility: 5, data_readiness: 5, complexity: 1, risk: 1 }, note: "" });
    expect((await portfolioSummary(owner)).topAwaiting.map((t) => [t.id, t.state])).toEqual([[a.id, "submitted"], [c.id, "submitted"], [b.id, "in_review"]]);
    expect(s.bubbles).toEqual([expect.objectContaining({ id: a.id, value: 400, feasibility: 5, tier: "high" })]);
    expect(s.throughput.at(-1)).toMatchObject({ submitted: 1 });
    expect(s.timeInState.find((t) => t.state === "draft")).toMatchObject({ stays: 1 });
  });
});
