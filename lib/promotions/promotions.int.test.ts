import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { ctxOf, makeActor, makeTeam } from "@/lib/test/factories";
import { cancelPromotion, requestPromotion, submitPromotion } from "@/lib/promotions/request";
import { decidePromotion } from "@/lib/promotions/decide";
import { getPromotion } from "@/lib/promotions/read";
import { approvalsInbox } from "@/lib/promotions/inbox";
import { approvers, makeEnvironment, makeModel, stateOf } from "@/lib/promotions/test-fixtures";

const request = (envKey: string, modelVersionId: string, over: object = {}) => ({ modelVersionId, environment: envKey, strategy: "direct" as const, strategyConfig: {}, justification: "Better recall on the holdout set.", submit: true, ...over });

describe("promotion requests", () => {
  it("keeps a request whose metric gate fails as a draft and submits one that passes", async () => {
    const { env } = await makeEnvironment();
    const m = await makeModel([{ auc: 0.78 }, { auc: 0.86 }]);
    const weak = await requestPromotion(ctxOf(m.owner), request(env.key, m.versionIds[0]!));
    const detail = await getPromotion(m.owner, weak);
    expect(detail.state).toBe("draft");
    expect(detail.gates.find((g) => g.gate === "metrics")).toMatchObject({ verdict: "fail", reason: "auc is 0.78, needs >= 0.8." });
    await expect(submitPromotion(ctxOf(m.owner), weak)).rejects.toMatchObject({ code: "conflict" });
    const strong = await requestPromotion(ctxOf(m.owner), request(env.key, m.versionIds[1]!));
    expect(await stateOf(strong)).toBe("pending_approval");
  }, 90_000);

  it("answers 404 for a model version that does not exist and creates nothing", async () => {
    const { env } = await makeEnvironment();
    const owner = await makeActor(["product_owner"], [(await makeTeam()).id]);
    const before = await db().promotion.count({ where: { environmentId: env.id } });
    await expect(requestPromotion(ctxOf(owner), request(env.key, "00000000-0000-4000-8000-000000000000"))).rejects.toMatchObject({ code: "not_found" });
    expect(await db().promotion.count({ where: { environmentId: env.id } })).toBe(before);
  });

  it("answers another team's model version like a missing one (404) and creates nothing", async () => {
    const { env } = await makeEnvironment();
    const m = await makeModel([{ auc: 0.9 }]);
    const stranger = await makeActor(["product_owner"], [(await makeTeam()).id]);
    await expect(requestPromotion(ctxOf(stranger), request(env.key, m.versionIds[0]!))).rejects.toMatchObject({ code: "not_found" });
    expect(await db().promotion.count({ where: { environmentId: env.id } })).toBe(0);
  });

  it("refuses a strategy the policy does not allow with 422 on the strategy field", async () => {
    const { env } = await makeEnvironment();
    const m = await makeModel([{ auc: 0.9 }]);
    const err = await requestPromotion(ctxOf(m.owner), request(env.key, m.versionIds[0]!, { strategy: "shadow" })).catch((e) => e);
    expect(err).toMatchObject({ code: "validation", errors: [{ path: "strategy", message: `Not allowed in ${env.key}` }] });
    expect(err.message).toContain("allows direct, blue_green");
    expect(await db().promotion.count({ where: { environmentId: env.id } })).toBe(0);
  });
});

describe("approvals", () => {
  it("refuses the requester, counts two different approvers, and enqueues execution once", async () => {
    const { env } = await makeEnvironment();
    const m = await makeModel([{ auc: 0.9 }]);
    const requester = await makeActor(["product_owner", "approver"], [m.team.id]);
    const id = await requestPromotion(ctxOf(requester), request(env.key, m.versionIds[0]!));
    await expect(decidePromotion(ctxOf(requester), id, { decision: "approve", comment: "" })).rejects.toMatchObject({ code: "forbidden", message: expect.stringContaining("You requested this promotion") });
    const [a, b] = await approvers(2);
    expect(await decidePromotion(ctxOf(a!), id, { decision: "approve", comment: "" })).toMatchObject({ state: "pending_approval", approvals: 1, required: 2 });
    await expect(decidePromotion(ctxOf(a!), id, { decision: "approve", comment: "" })).rejects.toMatchObject({ code: "conflict", message: expect.stringContaining("already decided") });
    expect(await db().promotionApproval.count({ where: { promotionId: id } })).toBe(1);
    expect(await decidePromotion(ctxOf(b!), id, { decision: "approve", comment: "" })).toMatchObject({ state: "approved", approvals: 2 });
    const outbox = await db().outboxMessage.findMany({ where: { payload: { path: ["promotionId"], equals: id } } });
    expect(outbox).toHaveLength(1);
  });

  it("refuses the model's author as approver", async () => {
    const { env } = await makeEnvironment();
    const team = await makeTeam();
    const author = await makeActor(["product_owner", "approver"], [team.id]);
    const { registerAsset } = await import("@/lib/catalog/assets");
    const { registerVersion } = await import("@/lib/catalog/versions");
    const model = (await registerAsset(ctxOf(author), { kind: "model", namespace: "mlflow", name: `author-${Date.now()}` })).asset;
    const v = await registerVersion(ctxOf(author), model.id, { version: "1", metrics: { auc: 0.95 } });
    const owner = await makeActor(["product_owner"], [team.id]);
    const id = await requestPromotion(ctxOf(owner), request(env.key, v.version.id));
    await expect(decidePromotion(ctxOf(author), id, { decision: "approve", comment: "" })).rejects.toMatchObject({ code: "forbidden", message: expect.stringContaining("registered this model version") });
  });

  it("counts concurrent approvals exactly: two move it, the third finds it approved", async () => {
    const { env } = await makeEnvironment();
    const m = await makeModel([{ auc: 0.9 }]);
    const id = await requestPromotion(ctxOf(m.owner), request(env.key, m.versionIds[0]!));
    const trio = await approvers(3);
    const results = await Promise.allSettled(trio.map((a) => decidePromotion(ctxOf(a), id, { decision: "approve", comment: "" })));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(2);
    const rejected = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(rejected.map((r) => r.reason.code)).toEqual(["conflict"]);
    expect(await stateOf(id)).toBe("approved");
    expect(await db().promotionApproval.count({ where: { promotionId: id } })).toBe(2);
    expect(await db().outboxMessage.count({ where: { payload: { path: ["promotionId"], equals: id } } })).toBe(1);
  });

  it("answers 409 to approving a cancelled request and changes nothing", async () => {
    const { env } = await makeEnvironment();
    const m = await makeModel([{ auc: 0.9 }]);
    const id = await requestPromotion(ctxOf(m.owner), request(env.key, m.versionIds[0]!));
    await cancelPromotion(ctxOf(m.owner), id);
    const [a] = await approvers(1);
    await expect(decidePromotion(ctxOf(a!), id, { decision: "approve", comment: "" })).rejects.toMatchObject({ code: "conflict", message: expect.stringContaining("cancelled cannot approve it") });
    expect(await stateOf(id)).toBe("cancelled");
    expect(await db().promotionApproval.count({ where: { promotionId: id } })).toBe(0);
  });

  it("sends a request back to draft on request changes and opens a new round on resubmit", async () => {
    const { env } = await makeEnvironment();
    const m = await makeModel([{ auc: 0.9 }]);
    const id = await requestPromotion(ctxOf(m.owner), request(env.key, m.versionIds[0]!));
    const [a] = await approvers(1);
    await expect(decidePromotion(ctxOf(a!), id, { decision: "request_changes", comment: "" })).rejects.toMatchObject({ code: "validation" });
    await decidePromotion(ctxOf(a!), id, { decision: "request_changes", comment: "Add the fairness report" });
    expect(await stateOf(id)).toBe("draft");
    await submitPromotion(ctxOf(m.owner), id);
    const p = await db().promotion.findUniqueOrThrow({ where: { id } });
    expect(p).toMatchObject({ state: "pending_approval", round: 2 });
    const inbox = await approvalsInbox(a!, { show: "decide", environment: env.key, limit: 25 });
    expect(inbox.items.find((x) => x.id === id)).toMatchObject({ canDecide: true, approvals: 0, required: 2 });
  });
});
