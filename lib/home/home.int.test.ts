import { beforeAll, describe, expect, it } from "vitest";
import { ctxOf, makeActor } from "@/lib/test/factories";
import { setUpPrivateDatabase } from "@/lib/test/private-database";
import { homeFor } from "@/lib/home/home";
import { requestPromotion } from "@/lib/promotions/request";
import { makeEnvironment, makeModel } from "@/lib/promotions/test-fixtures";
import { createUseCase } from "@/lib/use-cases/intake";
import { submitScore } from "@/lib/use-cases/scores";
import { transitionUseCase } from "@/lib/use-cases/transition";
import { ensureRubric, fullIntake, makeCast, submittedUseCase } from "@/lib/use-cases/test-kit";

// The home page's lists, each for the people who can act on it. A private database, so
// the totals are this file's own and not every other file's use cases.
setUpPrivateDatabase("home");

const SCORE = { values: { impact: 4, feasibility: 3, data_readiness: 3, complexity: 3, risk: 3 }, note: "" };

describe("what the home page says waits for each person", () => {
  beforeAll(async () => {
    await ensureRubric();
  });

  it("lists a submitted use case for each reviewer until they score it, and a change request for its owner", async () => {
    const { team, owner, r1, r2 } = await makeCast();
    const uc = await submittedUseCase(owner, team.id);

    expect((await homeFor(r1)).toScore).toEqual({ total: 1, items: [expect.objectContaining({ id: uc.id, title: uc.title, state: "submitted" })] });
    await submitScore(ctxOf(r1), uc.id, SCORE);
    expect((await homeFor(r1)).toScore).toEqual({ total: 0, items: [] });
    expect((await homeFor(r2)).toScore?.total).toBe(1);

    // The owner scores nothing, and sees what waits for their own changes, with the notification.
    const home = await homeFor(owner);
    expect(home.toScore).toBeNull();
    expect(home.decisions).toBeNull();
    expect(home.yourChanges).toEqual({ total: 0, items: [] });
    await transitionUseCase(ctxOf(r2), uc.id, { transition: "request_changes", note: "Say which CRM events you need." });
    const after = await homeFor(owner);
    expect(after.yourChanges).toEqual({ total: 1, items: [expect.objectContaining({ id: uc.id, state: "changes_requested" })] });
    expect(after.notifications).toMatchObject({ unread: 1, items: [{ kind: "change_request", useCaseId: uc.id, actorName: r2.name }] });
    expect((await homeFor(r2)).toScore?.total).toBe(0);
  });

  it("shows an owner only their own drafts, and a reviewer never their own use case to score", async () => {
    const { team, owner } = await makeCast();
    const colleague = await makeActor(["product_owner", "reviewer"], [team.id]);
    const draft = await createUseCase(ctxOf(owner), fullIntake(team.id));
    const own = await submittedUseCase(colleague, team.id);
    expect((await homeFor(owner)).yourChanges?.items.map((u) => u.id)).toEqual([draft.id]);
    const theirs = await homeFor(colleague);
    expect(theirs.yourChanges?.total).toBe(0);
    // Nothing else is scorable here (the first test's use case waits for changes, the draft is a draft).
    expect(theirs.toScore).toEqual({ total: 0, items: [] });
    expect((await homeFor(await makeActor(["reviewer"]))).toScore?.items.map((u) => u.id)).toEqual([own.id]);
  });

  it("lists a promotion an approver can decide, and not for its requester", async () => {
    const { env } = await makeEnvironment({ requiredApprovals: 1 });
    const m = await makeModel([{ auc: 0.9 }]);
    await requestPromotion(ctxOf(m.owner), { modelVersionId: m.versionIds[0]!, environment: env.key, strategy: "direct", strategyConfig: {}, justification: "Weekly retrain.", submit: true });
    const approver = await makeActor(["approver"]);
    const decisions = (await homeFor(approver)).decisions;
    expect(decisions?.items).toEqual([expect.objectContaining({ purpose: "promotion", model: `${m.model.name} v1`, environment: env.name, approvals: 0, required: 1 })]);
    expect(decisions?.more).toBe(false);
    expect((await homeFor(m.owner)).decisions).toBeNull();
  });

  it("gives leadership the portfolio in four numbers, scoped like the dashboard", async () => {
    const { team, owner } = await makeCast();
    const exec = await makeActor(["executive"]);
    const before = (await homeFor(exec)).glance!;
    await submittedUseCase(owner, team.id, { riskAnswers: { employment: true } });
    await createUseCase(ctxOf(owner), fullIntake(team.id, { riskAnswers: { employment: true } }));
    const after = (await homeFor(exec)).glance!;
    // The submitted high-risk one counts as in review and as open high risk; the draft counts in neither.
    expect(after).toEqual({ ...before, inReview: before.inReview + 1, openHighRisk: before.openHighRisk + 1 });
    const home = await homeFor(exec);
    expect([home.decisions, home.toScore, home.yourChanges]).toEqual([null, null, null]);
    // A product owner's view covers their teams only.
    const other = await makeCast();
    expect((await homeFor(other.owner)).glance).toEqual({ inReview: 0, building: 0, live: 0, openHighRisk: 0 });
  });

  it("lists a use case for approvers once it is in review with the scores approval needs, until it is decided", async () => {
    const { team, owner, r1, r2, approver } = await makeCast();
    const uc = await submittedUseCase(owner, team.id);
    await transitionUseCase(ctxOf(r1), uc.id, { transition: "start_review" });
    await submitScore(ctxOf(r1), uc.id, SCORE);
    expect((await homeFor(approver)).toDecide).toEqual({ total: 0, items: [] }); // one score of the two the rubric asks
    await submitScore(ctxOf(r2), uc.id, SCORE);
    expect((await homeFor(approver)).toDecide).toEqual({ total: 1, items: [expect.objectContaining({ id: uc.id, state: "in_review" })] });
    expect((await homeFor(r1)).toDecide).toBeNull(); // reviewers score; approvers decide
    await transitionUseCase(ctxOf(approver), uc.id, { transition: "approve" });
    expect((await homeFor(approver)).toDecide?.total).toBe(0);
  });
});
