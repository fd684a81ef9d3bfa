import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { ctxOf, makeActor, makeTeam } from "@/lib/test/factories";
import { DEFAULT_RUBRIC } from "@/lib/use-cases/default-rubric";
import { createRubric, publishRubric } from "@/lib/use-cases/rubrics";
import { getScores } from "@/lib/use-cases/score-view";
import { submitScore } from "@/lib/use-cases/scores";
import { transitionUseCase } from "@/lib/use-cases/transition";
import { getUseCase } from "@/lib/use-cases/read";
import { addComment, listComments } from "@/lib/use-cases/comments";
import { overrideTier } from "@/lib/use-cases/intake";
import { call, ensureRubric, makeCast, submittedUseCase } from "@/lib/use-cases/test-kit";
import { createApiToken } from "@/lib/tokens/tokens";
import * as commentsRoute from "@/app/api/v1/use-cases/[id]/comments/route";

const agree = { impact: 4, feasibility: 4, data_readiness: 3, complexity: 2, risk: 2 };
const disagree = { impact: 2, feasibility: 4, data_readiness: 3, complexity: 2, risk: 2 };

describe("independent scoring, aggregate and approval", () => {
  beforeAll(async () => {
    await ensureRubric();
  });

  it("hides others' scores from a reviewer until they score, flags disagreement and explains the priority", async () => {
    const { team, owner, r1, r2, approver } = await makeCast();
    const uc = await submittedUseCase(owner, team.id, { riskAnswers: { employment: true } });
    expect(uc).toMatchObject({ tier: "high", screenedRule: "high: used in hiring decisions" });
    await transitionUseCase(ctxOf(r1), uc.id, { transition: "start_review" });
    await submitScore(ctxOf(r1), uc.id, { values: agree, note: "" });

    const beforeOwn = await getScores(r2, uc.id);
    expect(beforeOwn).toMatchObject({ hidden: true, scoreCount: 1, scores: [], aggregate: null });

    const after = await submitScore(ctxOf(r2), uc.id, { values: disagree, note: "Impact is overstated" });
    expect(after.hidden).toBe(false);
    expect(after.scores).toHaveLength(2);
    const [only] = after.aggregate!.explanation.versions;
    expect(after.aggregate!.explanation).toMatchObject({ mixedVersions: false, versions: [{ scoreCount: 2, share: 1 }] });
    expect(only!.criteria.find((c) => c.key === "impact")).toMatchObject({ mean: 3, spread: 2, disagreement: true });
    expect(after.aggregate!.disagreement).toBe(true);
    const sum = only!.parts.reduce((s, p) => s + p.points, 0);
    expect(sum).toBeCloseTo(after.aggregate!.priority, 8);
    expect((await db().useCase.findUniqueOrThrow({ where: { id: uc.id } })).disagreement).toBe(true);

    const approved = await transitionUseCase(ctxOf(approver), uc.id, { transition: "approve" });
    expect(approved.state).toBe("approved");
    expect(approved.timeline.map((t) => t.toState)).toEqual(["draft", "submitted", "in_review", "approved"]);
    const audit = await db().auditEvent.findMany({ where: { entityId: uc.id }, orderBy: { seq: "asc" }, select: { action: true } });
    expect(audit.map((a) => a.action)).toEqual(["use_case.created", "use_case.submit", "use_case.start_review", "use_case.scored", "use_case.scored", "use_case.approve"]);

    const ownerView = await getScores(owner, uc.id);
    expect(ownerView.hidden).toBe(false);
    expect(ownerView.aggregate!.priority).toBeCloseTo((after.scores[0]!.priority + after.scores[1]!.priority) / 2, 10);
  });

  it("says why a use case ranks above the next one the reader can see, and nothing for the lowest", async () => {
    const { team, owner, r1 } = await makeCast();
    const high = await submittedUseCase(owner, team.id);
    const low = await submittedUseCase(owner, team.id);
    await submitScore(ctxOf(r1), high.id, { values: { impact: 5, feasibility: 4, data_readiness: 3, complexity: 2, risk: 2 }, note: "" });
    await submitScore(ctxOf(r1), low.id, { values: { impact: 2, feasibility: 4, data_readiness: 3, complexity: 2, risk: 2 }, note: "" });
    // The owner sees only their team's use cases, so the ranking they are shown is among those.
    const view = await getScores(owner, high.id);
    expect(view.aggregate!.rankAbove).toMatchObject({ id: low.id, reason: expect.stringMatching(/^Ranks [\d.]+ points above ".*", mostly on Business impact \(\+[\d.]+\)\.$/) });
    expect((await getScores(owner, low.id)).aggregate!.rankAbove).toBeNull();
  });

  it("needs the rubric's minimum number of scores before approval", async () => {
    const { team, owner, r1, approver } = await makeCast();
    const uc = await submittedUseCase(owner, team.id);
    await transitionUseCase(ctxOf(r1), uc.id, { transition: "start_review" });
    await submitScore(ctxOf(r1), uc.id, { values: agree, note: "" });
    await expect(transitionUseCase(ctxOf(approver), uc.id, { transition: "approve" })).rejects.toMatchObject({ code: "conflict" });
  });

  it("sends a change request to the owner, who edits and resubmits", async () => {
    const { team, owner, r1 } = await makeCast();
    const uc = await submittedUseCase(owner, team.id);
    await transitionUseCase(ctxOf(r1), uc.id, { transition: "request_changes", note: "Quantify the value range" });
    const comments = await listComments(owner, uc.id, { limit: 50, order: "oldest" });
    expect(comments.items.at(-1)).toMatchObject({ kind: "change_request", body: "Quantify the value range", mentions: [{ id: owner.userId }] });
    const detail = await getUseCase(owner, uc.id);
    expect(detail).toMatchObject({ state: "changes_requested", can: { edit: true } });
    expect(detail.allowedTransitions.map((t) => t.transition)).toEqual(["submit"]);
  });

  it("records @mentions of users by e-mail handle", async () => {
    const { team, owner, r1 } = await makeCast();
    const uc = await submittedUseCase(owner, team.id);
    const handle = r1.email.split("@")[0]!;
    const c = await addComment(ctxOf(owner), uc.id, { body: `@${handle} can you look at the data section?` });
    expect(c.mentions).toEqual([{ id: r1.userId, name: r1.name }]);
  });

  it("pages comments oldest or newest first over the API, with a cursor past the last one and a 422 for a bad cursor", async () => {
    const { team, owner } = await makeCast();
    const uc = await submittedUseCase(owner, team.id);
    // Inserted at one timestamp, so the id alone orders them within it.
    const at = new Date();
    await db().useCaseComment.createMany({ data: Array.from({ length: 5 }, (_, i) => ({ useCaseId: uc.id, authorId: owner.userId, body: `note ${i}`, mentionIds: [], createdAt: i < 4 ? at : new Date(at.getTime() + 1) })) });
    const token = (await createApiToken(ctxOf(owner), { name: "test", scopes: ["read"] })).token;
    const seen: string[] = [];
    let cursor: string | null | undefined;
    let pages = 0;
    do {
      const res = await call(commentsRoute.GET, { token, params: { id: uc.id }, path: `/api/v1/use-cases/${uc.id}/comments?limit=2${cursor ? `&cursor=${cursor}` : ""}` });
      expect(res.status).toBe(200);
      seen.push(...(res.body.items as { body: string }[]).map((c) => c.body));
      cursor = res.body.nextCursor as string | null;
      pages += 1;
    } while (cursor && pages < 10);
    expect(pages).toBe(3);
    const stored = await db().useCaseComment.findMany({ where: { useCaseId: uc.id }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
    expect(seen).toEqual(stored.map((c) => c.body));
    expect(seen.at(-1)).toBe("note 4");
    // Newest first: the same comments in reverse, over as many pages.
    const newest: string[] = [];
    cursor = undefined;
    do {
      const res = await call(commentsRoute.GET, { token, params: { id: uc.id }, path: `/api/v1/use-cases/${uc.id}/comments?order=newest&limit=2${cursor ? `&cursor=${cursor}` : ""}` });
      expect(res.status).toBe(200);
      newest.push(...(res.body.items as { body: string }[]).map((c) => c.body));
      cursor = res.body.nextCursor as string | null;
    } while (cursor && newest.length < 10);
    expect(newest).toEqual([...seen].reverse());
    const badOrder = await call(commentsRoute.GET, { token, params: { id: uc.id }, path: `/api/v1/use-cases/${uc.id}/comments?order=latest` });
    expect(badOrder.status).toBe(422);
    expect(badOrder.body.errors).toEqual([{ path: "order", message: "Use oldest or newest" }]);
    const bad = await call(commentsRoute.GET, { token, params: { id: uc.id }, path: `/api/v1/use-cases/${uc.id}/comments?cursor=nonsense` });
    expect(bad.status).toBe(422);
    expect(bad.body.errors).toEqual([{ path: "cursor", message: "Invalid cursor" }]);
  });

  it("lets a reviewer override the tier with a reason, and audits it", async () => {
    const { team, owner, r1 } = await makeCast();
    const uc = await submittedUseCase(owner, team.id, { riskAnswers: { chatbot: true } });
    const after = await overrideTier(ctxOf(r1), uc.id, { tier: "high", reason: "The assistant advises on credit products." });
    expect(after).toMatchObject({ tier: "high", screenedTier: "limited", overrideReason: "The assistant advises on credit products." });
    expect(await db().auditEvent.count({ where: { entityId: uc.id, action: "use_case.tier_overridden" } })).toBe(1);
  });

  it("answers 404 to a product owner of another team, exactly like a missing use case", async () => {
    const { team, owner } = await makeCast();
    const uc = await submittedUseCase(owner, team.id);
    const other = await makeActor(["product_owner"], [(await makeTeam()).id]);
    await expect(getUseCase(other, uc.id)).rejects.toMatchObject({ code: "not_found", message: "The use case was not found." });
    await expect(getUseCase(other, "00000000-0000-4000-8000-000000000000")).rejects.toMatchObject({ code: "not_found", message: "The use case was not found." });
  });
});

describe("rubric versions", () => {
  it("publishing version 2 leaves version-1 scores and their priorities as they were", async () => {
    const v1 = await ensureRubric();
    const { team, owner, r1, r2 } = await makeCast();
    const uc = await submittedUseCase(owner, team.id);
    await submitScore(ctxOf(r1), uc.id, { values: agree, note: "" });
    const before = await db().useCaseScore.findMany({ where: { useCaseId: uc.id }, orderBy: { id: "asc" } });
    const ucBefore = await db().useCase.findUniqueOrThrow({ where: { id: uc.id } });

    // Same keys (other tests score concurrently), very different weights.
    const admin = await makeActor(["admin"]);
    const draft = await createRubric(ctxOf(admin), { ...DEFAULT_RUBRIC, name: "v-next", criteria: DEFAULT_RUBRIC.criteria.map((c) => ({ ...c, weight: c.key === "impact" ? 5 : 0.1 })) });
    expect(draft.publishedAt).toBeNull();
    const published = await publishRubric(ctxOf(admin), draft.id);
    expect(published.version).toBeGreaterThan(v1.version);

    const after = await db().useCaseScore.findMany({ where: { useCaseId: uc.id }, orderBy: { id: "asc" } });
    expect(after).toEqual(before);
    expect((await db().useCase.findUniqueOrThrow({ where: { id: uc.id } })).priority).toBe(ucBefore.priority);

    // A new score uses the new version; the old one keeps its own.
    const view = await submitScore(ctxOf(r2), uc.id, { values: agree, note: "" });
    const versions = view.scores.map((s) => s.rubricVersion).sort();
    expect(versions).toEqual([v1.version, published.version].sort());
    expect(view.scores.find((s) => s.reviewerId === r1.userId)!.priority).toBe(before[0]!.priority);

    // The explanation keeps each score under its own version and says so: one table per
    // version, whose shares times priorities add up to the headline (the mean of both frozen priorities).
    const agg = view.aggregate!;
    expect(agg.explanation.mixedVersions).toBe(true);
    expect(agg.explanation.versions.map((v) => [v.rubricVersion, v.scoreCount, v.share])).toEqual([[published.version, 1, 0.5], [v1.version, 1, 0.5]]);
    const [newer, older] = agg.explanation.versions;
    expect(older!.priority).toBeCloseTo(before[0]!.priority, 10);
    expect(newer!.parts.find((p) => p.key === "impact")!.share).toBeCloseTo(5 / 5.4, 10);
    expect(agg.priority).toBeCloseTo((view.scores[0]!.priority + view.scores[1]!.priority) / 2, 10);
    expect(newer!.share * newer!.priority + older!.share * older!.priority).toBeCloseTo(agg.priority, 10);
    expect(agg.explanation.combined.reduce((s, c) => s + c.points, 0)).toBeCloseTo(agg.priority, 10);
    await expect(publishRubric(ctxOf(admin), draft.id)).rejects.toMatchObject({ code: "conflict" });
  });
});
