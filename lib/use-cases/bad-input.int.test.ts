import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { makeTeam } from "@/lib/test/factories";
import * as useCasesRoute from "@/app/api/v1/use-cases/route";
import * as useCaseRoute from "@/app/api/v1/use-cases/[id]/route";
import * as scoresRoute from "@/app/api/v1/use-cases/[id]/scores/route";
import * as transitionsRoute from "@/app/api/v1/use-cases/[id]/transitions/route";
import * as rubricsRoute from "@/app/api/v1/rubrics/route";
import { DEFAULT_RUBRIC } from "@/lib/use-cases/default-rubric";
import { call, ensureRubric, fullIntake, submittedUseCase, tokenFor } from "@/lib/use-cases/test-kit";

/** Every change writes its audit event in its own transaction: a refused request leaves none behind. */
async function expectNoAudit(res: { headers: Headers }) {
  const requestId = res.headers.get("x-request-id");
  expect(requestId).toBeTruthy();
  expect(await db().auditEvent.count({ where: { requestId } })).toBe(0);
}

// Each bad input answers a precise 4xx over HTTP, and nothing is written.
describe("use-case API refuses bad input and writes nothing", () => {
  beforeAll(async () => {
    await ensureRubric();
  });

  it("answers 422 naming each missing required field of an intake", async () => {
    const team = await makeTeam();
    const { token } = await tokenFor(["product_owner"], [team.id]);
    const res = await call(useCasesRoute.POST, { token, body: { teamId: team.id, problem: "short" } });
    expect(res.status).toBe(422);
    const paths = res.body.errors!.map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining(["title", "problem", "businessOwner", "intendedUsers"]));
    expect(paths).not.toContain("teamId");
    expect(await db().useCase.count({ where: { teamId: team.id } })).toBe(0);
    await expectNoAudit(res);
  });

  it("answers 422 on valueHigh when the value range has its minimum above its maximum", async () => {
    const team = await makeTeam();
    const { token } = await tokenFor(["product_owner"], [team.id]);
    const res = await call(useCasesRoute.POST, { token, body: fullIntake(team.id, { valueLow: 900, valueHigh: 100 }) });
    expect(res.status).toBe(422);
    expect(res.body.errors).toEqual([{ path: "valueHigh", message: "The high end must be at least the low end" }]);
    expect(await db().useCase.count({ where: { teamId: team.id } })).toBe(0);
    await expectNoAudit(res);
  });

  it("answers 422 on values.impact for a score of 6", async () => {
    const team = await makeTeam();
    const { actor: owner } = await tokenFor(["product_owner"], [team.id]);
    const uc = await submittedUseCase(owner, team.id);
    const { token } = await tokenFor(["reviewer"]);
    const res = await call(scoresRoute.PUT, { method: "PUT", token, params: { id: uc.id }, body: { values: { impact: 6, feasibility: 3, data_readiness: 3, complexity: 3, risk: 3 } } });
    expect(res.status).toBe(422);
    expect(res.body.errors).toEqual([{ path: "values.impact", message: "Scores run from 1 to 5" }]);
    expect(await db().useCaseScore.count({ where: { useCaseId: uc.id } })).toBe(0);
    await expectNoAudit(res);
  });

  it("answers 403 when the use case's own owner scores it, even holding the reviewer role", async () => {
    const team = await makeTeam();
    const { actor: owner, token } = await tokenFor(["product_owner", "reviewer"], [team.id]);
    const uc = await submittedUseCase(owner, team.id);
    const res = await call(scoresRoute.PUT, { method: "PUT", token, params: { id: uc.id }, body: { values: { impact: 5, feasibility: 5, data_readiness: 5, complexity: 1, risk: 1 } } });
    expect(res.status).toBe(403);
    expect(res.body.detail).toMatch(/Separation of duties/);
    expect(await db().useCaseScore.count({ where: { useCaseId: uc.id } })).toBe(0);
    await expectNoAudit(res);
  });

  it("answers 403 when a product owner tries to approve, and the state and timeline stay", async () => {
    const team = await makeTeam();
    const { actor: owner, token } = await tokenFor(["product_owner"], [team.id]);
    const uc = await submittedUseCase(owner, team.id);
    const reviewer = await tokenFor(["reviewer"]);
    expect((await call(transitionsRoute.POST, { token: reviewer.token, params: { id: uc.id }, body: { transition: "start_review" } })).status).toBe(200);
    const events = await db().useCaseEvent.count({ where: { useCaseId: uc.id } });
    const res = await call(transitionsRoute.POST, { token, params: { id: uc.id }, body: { transition: "approve" } });
    expect(res.status).toBe(403);
    expect((await db().useCase.findUniqueOrThrow({ where: { id: uc.id } })).state).toBe("in_review");
    expect(await db().useCaseEvent.count({ where: { useCaseId: uc.id } })).toBe(events);
    await expectNoAudit(res);
  });

  it("answers 409 with the allowed next states for an illegal transition", async () => {
    const team = await makeTeam();
    const { actor: owner } = await tokenFor(["product_owner"], [team.id]);
    const uc = await submittedUseCase(owner, team.id);
    const { token } = await tokenFor(["approver"]);
    const res = await call(transitionsRoute.POST, { token, params: { id: uc.id }, body: { transition: "go_live" } });
    expect(res.status).toBe(409);
    expect(res.body.allowedNextStates).toEqual(["draft", "in_review", "changes_requested", "rejected", "on_hold"]);
    expect((await db().useCase.findUniqueOrThrow({ where: { id: uc.id } })).state).toBe("submitted");
    await expectNoAudit(res);
  });

  it("answers 422 on each negative rubric weight, and no version is created", async () => {
    const { token } = await tokenFor(["admin"]);
    const before = await db().rubric.count();
    const criteria = DEFAULT_RUBRIC.criteria.map((c, i) => (i === 1 ? { ...c, weight: -0.5 } : c));
    const res = await call(rubricsRoute.POST, { token, body: { ...DEFAULT_RUBRIC, criteria } });
    expect(res.status).toBe(422);
    expect(res.body.errors).toEqual([{ path: "criteria.1.weight", message: "Weights may not be negative" }]);
    expect(await db().rubric.count()).toBe(before);
    await expectNoAudit(res);
    const zero = await call(rubricsRoute.POST, { token, body: { ...DEFAULT_RUBRIC, criteria: DEFAULT_RUBRIC.criteria.map((c) => ({ ...c, weight: 0 })) } });
    expect(zero.status).toBe(422);
    expect(zero.body.errors).toEqual([{ path: "criteria", message: "At least one weight must be above 0" }]);
    expect(await db().rubric.count()).toBe(before);
    await expectNoAudit(zero);
  });

  it("answers 403 when a reviewer tries to create a rubric", async () => {
    const { token } = await tokenFor(["reviewer"]);
    const before = await db().rubric.count();
    expect((await call(rubricsRoute.POST, { token, body: DEFAULT_RUBRIC })).status).toBe(403);
    expect(await db().rubric.count()).toBe(before);
  });

  it("refuses to submit a prohibited use case with 422 on riskAnswers", async () => {
    const team = await makeTeam();
    const { actor: owner, token } = await tokenFor(["product_owner"], [team.id]);
    const created = await call(useCasesRoute.POST, { token, body: fullIntake(team.id, { riskAnswers: { socialScoring: true } }) });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ tier: "prohibited", screenedRule: "prohibited: social scoring of people" });
    const res = await call(transitionsRoute.POST, { token, params: { id: created.body.id as string }, body: { transition: "submit" } });
    expect(res.status).toBe(422);
    expect(res.body.errors![0]!.path).toBe("riskAnswers");
    expect((await db().useCase.findUniqueOrThrow({ where: { id: created.body.id as string } })).state).toBe("draft");
    expect(owner.userId).toBeTruthy();
    await expectNoAudit(res);
  });

  it("answers 422 on valueHigh when a saved draft's range would invert against its stored low end, and the draft stays", async () => {
    const team = await makeTeam();
    const { token } = await tokenFor(["product_owner"], [team.id]);
    const created = await call(useCasesRoute.POST, { token, body: fullIntake(team.id, { valueLow: 500, valueHigh: 800 }) });
    const before = await db().useCase.findUniqueOrThrow({ where: { id: created.body.id as string } });
    const res = await call(useCaseRoute.PATCH, { method: "PATCH", token, params: { id: before.id }, body: { valueHigh: 100, title: "Not saved either" } });
    expect(res.status).toBe(422);
    expect(res.body.errors).toEqual([{ path: "valueHigh", message: "The high end must be at least the low end" }]);
    expect(await db().useCase.findUniqueOrThrow({ where: { id: before.id } })).toEqual(before);
    await expectNoAudit(res);
  });

  it("answers 422 naming each missing field when an incomplete draft is submitted, and it stays a draft", async () => {
    const team = await makeTeam();
    const { token } = await tokenFor(["product_owner"], [team.id]);
    const { valueType: _t, successMetrics: _m, feasibility: _f, ...partial } = fullIntake(team.id);
    const created = await call(useCasesRoute.POST, { token, body: partial });
    expect(created.status).toBe(201);
    const res = await call(transitionsRoute.POST, { token, params: { id: created.body.id as string }, body: { transition: "submit" } });
    expect(res.status).toBe(422);
    expect(res.body.errors!.map((e) => e.path).sort()).toEqual(["feasibility", "successMetrics", "valueType"]);
    expect(res.body.detail).toMatch(/Complete the intake before submitting/);
    expect((await db().useCase.findUniqueOrThrow({ where: { id: created.body.id as string } })).state).toBe("draft");
    expect(await db().useCaseEvent.count({ where: { useCaseId: created.body.id as string } })).toBe(1);
    await expectNoAudit(res);
  });

  it("answers 422 naming a criterion the rubric lacks and one left out, and no score is kept", async () => {
    const team = await makeTeam();
    const { actor: owner } = await tokenFor(["product_owner"], [team.id]);
    const uc = await submittedUseCase(owner, team.id);
    const { token } = await tokenFor(["reviewer"]);
    const res = await call(scoresRoute.PUT, { method: "PUT", token, params: { id: uc.id }, body: { values: { impact: 3, feasibility: 3, data_readiness: 3, complexity: 3, charisma: 5 } } });
    expect(res.status).toBe(422);
    expect(res.body.errors).toEqual([
      { path: "values.risk", message: "Score this criterion (1 to 5)" },
      { path: "values.charisma", message: expect.stringMatching(/^Not a criterion of rubric version \d+$/) },
    ]);
    expect(await db().useCaseScore.count({ where: { useCaseId: uc.id } })).toBe(0);
    await expectNoAudit(res);
  });

  it("answers 403 to a role that may not make a transition (404 to another team's product owner), and the state stays", async () => {
    const team = await makeTeam();
    const { actor: owner } = await tokenFor(["product_owner"], [team.id]);
    const uc = await submittedUseCase(owner, team.id);
    for (const [roles, transition] of [[["reviewer"], "reject"], [["executive"], "start_review"], [["product_owner"], "submit"]] as const) {
      const { token } = await tokenFor([...roles], roles[0] === "product_owner" ? [(await makeTeam()).id] : []);
      const res = await call(transitionsRoute.POST, { token, params: { id: uc.id }, body: { transition, note: "because" } });
      // A product owner of another team does not see the use case at all: 404, exactly like a missing one.
      expect(res.status, `${roles} ${transition}`).toBe(roles[0] === "product_owner" ? 404 : 403);
      await expectNoAudit(res);
    }
    expect((await db().useCase.findUniqueOrThrow({ where: { id: uc.id } })).state).toBe("submitted");
  });
});
