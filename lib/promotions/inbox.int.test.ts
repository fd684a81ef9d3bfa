import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { recordDeployment } from "@/lib/catalog/deployments";
import { ctxOf } from "@/lib/test/factories";
import { approvalsInbox } from "@/lib/promotions/inbox";
import { decidePromotion } from "@/lib/promotions/decide";
import { requestPromotion } from "@/lib/promotions/request";
import { approvers, makeEnvironment, makeModel } from "@/lib/promotions/test-fixtures";

// The approvals inbox: the diff against what runs now, the stale flag, and "can decide" once.
const request = (envKey: string, modelVersionId: string) => ({ modelVersionId, environment: envKey, strategy: "direct" as const, strategyConfig: {}, justification: "Ready for this environment.", submit: true });

describe("approvals inbox", () => {
  it("flags a request as stale when a newer version of the model already runs there, with the diff against it", async () => {
    const { env } = await makeEnvironment();
    const m = await makeModel([{ auc: 0.9 }, { auc: 0.93 }]);
    await db().$transaction((tx) => recordDeployment(tx, { modelVersionId: m.versionIds[1]!, environment: env.key }));
    const old = await requestPromotion(ctxOf(m.owner), request(env.key, m.versionIds[0]!));
    const fresh = await makeModel([{ auc: 0.91 }]);
    const first = await requestPromotion(ctxOf(fresh.owner), request(env.key, fresh.versionIds[0]!));
    const [a] = await approvers(1);
    const inbox = await approvalsInbox(a!);
    const stale = inbox.promotions.find((p) => p.id === old)!;
    expect(stale).toMatchObject({ stale: true, candidate: { version: "1", metrics: { auc: 0.9 } }, current: { version: "2", metrics: { auc: 0.93 } }, canDecide: true });
    expect(inbox.promotions.find((p) => p.id === first)).toMatchObject({ stale: false, current: null });
  });

  it("lets each reviewer decide once: after approving, the request stays in the inbox but can no longer be decided by them", async () => {
    const { env } = await makeEnvironment();
    const m = await makeModel([{ auc: 0.9 }]);
    const id = await requestPromotion(ctxOf(m.owner), request(env.key, m.versionIds[0]!));
    const [a, b] = await approvers(2);
    await decidePromotion(ctxOf(a!), id, { decision: "approve", comment: "" });
    expect((await approvalsInbox(a!)).promotions.find((p) => p.id === id)).toMatchObject({ canDecide: false, approvals: 1, required: 2, cannotDecideReason: "You have already decided on this request; each reviewer acts once." });
    expect((await approvalsInbox(b!)).promotions.find((p) => p.id === id)).toMatchObject({ canDecide: true, approvals: 1 });
    // The requester sees why they cannot decide.
    expect((await approvalsInbox({ ...m.owner, roles: ["product_owner", "approver"] })).promotions.find((p) => p.id === id)?.cannotDecideReason).toContain("You requested this promotion");
  });
});
