import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { recordDeployment } from "@/lib/catalog/deployments";
import { ctxOf, makeActor, makeTeam } from "@/lib/test/factories";
import { approvalsInbox, inboxQuery, type InboxQuery } from "@/lib/promotions/inbox";
import { decidePromotion, requestRollback } from "@/lib/promotions/decide";
import { requestPromotion } from "@/lib/promotions/request";
import { approvers, makeEnvironment, makeModel } from "@/lib/promotions/test-fixtures";
import type { Actor } from "@/lib/policy/actor";

// The approvals inbox: the diff against what runs now, the stale flag, "can decide" once, the
// "I can decide" filter in SQL agreeing with the reasons shown, keyset pages, and rollbacks
// showing the version that would come back. Each test reads only its own environment.
const request = (envKey: string, modelVersionId: string) => ({ modelVersionId, environment: envKey, strategy: "direct" as const, strategyConfig: {}, justification: "Ready for this environment.", submit: true });
const inbox = (actor: Actor, q: Partial<InboxQuery>) => approvalsInbox(actor, inboxQuery.parse(q));

describe("approvals inbox", () => {
  it("flags a request as stale when a newer version of the model already runs there, with the diff against it", async () => {
    const { env } = await makeEnvironment();
    const m = await makeModel([{ auc: 0.9 }, { auc: 0.93 }]);
    await db().$transaction((tx) => recordDeployment(tx, { modelVersionId: m.versionIds[1]!, environment: env.key }));
    const old = await requestPromotion(ctxOf(m.owner), request(env.key, m.versionIds[0]!));
    const fresh = await makeModel([{ auc: 0.91 }]);
    const first = await requestPromotion(ctxOf(fresh.owner), request(env.key, fresh.versionIds[0]!));
    const [a] = await approvers(1);
    const page = await inbox(a!, { environment: env.key });
    const stale = page.items.find((p) => p.id === old)!;
    expect(stale).toMatchObject({
      stale: true, canDecide: true, model: { name: m.model.name, version: "1" },
      candidate: { version: "1", metrics: { auc: 0.9 }, data: [{ dataset: expect.stringMatching(/^orders-/), version: "c1", commit: "c".repeat(64) }] },
      current: { version: "2", metrics: { auc: 0.93 } },
    });
    expect(page.items.find((p) => p.id === first)).toMatchObject({ stale: false, current: null });
  });

  it("lets each reviewer decide once: after approving, the request leaves their 'I can decide' list and shows under 'all visible' with the reason", async () => {
    const { env } = await makeEnvironment();
    const m = await makeModel([{ auc: 0.9 }]);
    const id = await requestPromotion(ctxOf(m.owner), request(env.key, m.versionIds[0]!));
    const [a, b] = await approvers(2);
    expect((await inbox(a!, { environment: env.key })).items.map((p) => p.id)).toEqual([id]);
    await decidePromotion(ctxOf(a!), id, { decision: "approve", comment: "" });
    expect((await inbox(a!, { environment: env.key })).items).toEqual([]);
    expect((await inbox(a!, { environment: env.key, show: "visible" })).items).toMatchObject([{ id, canDecide: false, approvals: 1, required: 2, cannotDecideReason: "You have already decided on this request; each reviewer acts once." }]);
    expect((await inbox(b!, { environment: env.key })).items).toMatchObject([{ id, canDecide: true, approvals: 1 }]);
    // The requester (who may approve elsewhere) sees why they cannot decide this one.
    const requester = { ...m.owner, roles: ["product_owner", "approver"] as Actor["roles"] };
    expect((await inbox(requester, { environment: env.key })).items).toEqual([]);
    expect((await inbox(requester, { environment: env.key, show: "visible" })).items[0]?.cannotDecideReason).toContain("You requested this promotion");
  });

  it("keeps 'I can decide' to the approving teams and roles of the policy, exactly where the reasons say the caller may decide", async () => {
    const approving = await makeTeam();
    const { env } = await makeEnvironment({ approverTeamIds: [approving.id], requiredApprovals: 1 });
    const m = await makeModel([{ auc: 0.9 }]);
    const id = await requestPromotion(ctxOf(m.owner), request(env.key, m.versionIds[0]!));
    const member = await makeActor(["approver"], [approving.id]);
    const outsider = await makeActor(["approver"]);
    const reviewer = await makeActor(["reviewer"], [approving.id]);
    for (const [who, may] of [[member, true], [outsider, false], [reviewer, false]] as const) {
      const visible = (await inbox(who, { environment: env.key, show: "visible" })).items;
      const decidable = (await inbox(who, { environment: env.key })).items;
      expect(visible.map((p) => [p.id, p.canDecide])).toEqual([[id, may]]);
      expect(decidable.map((p) => p.id)).toEqual(may ? [id] : []);
    }
    expect((await inbox(outsider, { environment: env.key, show: "visible" })).items[0]!.cannotDecideReason).toBe("This environment's policy takes decisions only from members of its approving teams.");
  });

  it("answers oldest first a keyset page at a time, without repeating or skipping a request", async () => {
    const { env } = await makeEnvironment();
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const m = await makeModel([{ auc: 0.9 }]);
      ids.push(await requestPromotion(ctxOf(m.owner), request(env.key, m.versionIds[0]!)));
    }
    const [a] = await approvers(1);
    const seen: string[] = [];
    let cursor: string | undefined;
    for (let pages = 0; pages < 5; pages++) {
      const page = await inbox(a!, { environment: env.key, limit: 2, ...(cursor ? { cursor } : {}) });
      seen.push(...page.items.map((p) => p.id));
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
    }
    expect(seen).toEqual(ids);
    await expect(inbox(a!, { environment: env.key, cursor: Buffer.from(JSON.stringify({ k: "not a date", id: ids[0] })).toString("base64url") })).rejects.toMatchObject({ code: "validation", errors: [{ path: "cursor" }] });
    await expect(inbox(a!, { environment: env.key, cursor: Buffer.from(JSON.stringify({ k: new Date().toISOString(), id: "1; DROP" })).toString("base64url") })).rejects.toMatchObject({ code: "validation" });
  });

  it("shows for a rollback what runs now and the version that would come back", async () => {
    const { env } = await makeEnvironment({ rollbackApprovals: 1 });
    const m = await makeModel([{ auc: 0.85 }, { auc: 0.9 }]);
    const [v1, v2] = m.versionIds as [string, string];
    const [a, b, c] = await approvers(3);
    const id = await requestPromotion(ctxOf(m.owner), request(env.key, v2));
    for (const x of [a!, b!]) await decidePromotion(ctxOf(x), id, { decision: "approve", comment: "" });
    // What the worker leaves behind after executing it: v2 replaced v1 there.
    const v1Deployed = new Date(Date.now() - 86_400_000);
    await db().$transaction(async (tx) => {
      await recordDeployment(tx, { modelVersionId: v1, environment: env.key, deployedAt: v1Deployed });
      const previous = await tx.deployment.findFirstOrThrow({ where: { modelVersionId: v1, environment: env.key, status: "active" } });
      await recordDeployment(tx, { modelVersionId: v2, environment: env.key, promotionId: id });
      await tx.promotion.update({ where: { id }, data: { state: "succeeded", executionStartedAt: new Date(Date.now() - 60_000), finishedAt: new Date(), previousDeployment: { deploymentId: previous.id, modelVersionId: v1, version: "1", mlflowVersion: "1", promotionId: null } } });
    });
    expect(await requestRollback(ctxOf(a!), id, "Calibration drifted.")).toEqual({ state: "rollback_pending" });

    const [item] = (await inbox(c!, { environment: env.key })).items;
    expect(item).toMatchObject({
      id, purpose: "rollback", canDecide: true, approvals: 0, required: 1, rollbackReason: "Calibration drifted.", stale: false, rollbackRequestedBy: { id: a!.userId, name: a!.name },
      model: { name: m.model.name, version: "2" },
      current: { version: "2", metrics: { auc: 0.9 } },
      candidate: { version: "1", metrics: { auc: 0.85 } },
    });
    // The one who asked for the rollback may not approve it.
    expect((await inbox(a!, { environment: env.key })).items).toEqual([]);
    expect((await inbox(a!, { environment: env.key, show: "visible" })).items[0]?.cannotDecideReason).toBe("You asked for this rollback; separation of duties says someone else must approve it.");
  });
});
