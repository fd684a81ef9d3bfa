import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { ctxOf } from "@/lib/test/factories";
import { requestPromotion } from "@/lib/promotions/request";
import { decidePromotion } from "@/lib/promotions/decide";
import { approvers, makeEnvironment, makeModel, stateOf } from "@/lib/promotions/test-fixtures";

// The route handler itself is called, as lakeFS would call it.
const SECRET = "webhook-secret-for-tests-0123456789";
process.env.LAKEFS_WEBHOOK_SECRET = SECRET;
const { POST } = await import("@/app/api/v1/hooks/lakefs/pre-merge/route");

function call(body: object, secret: string | null = SECRET) {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (secret) headers["x-lakefs-webhook-secret"] = secret;
  return POST(new Request("http://127.0.0.1/api/v1/hooks/lakefs/pre-merge", { method: "POST", headers, body: JSON.stringify(body) }));
}
const hook = (repository: string, branch: string, source: string) => ({ event_type: "pre-merge", repository_id: repository, branch_id: branch, source_ref: source, action_name: "portal-guard", hook_id: "guard" });
const audits = (entityId: string) => db().auditEvent.findMany({ where: { entityType: "lakefs_branch", entityId }, orderBy: { seq: "asc" } });

describe("lakeFS pre-merge webhook", () => {
  it("refuses a wrong secret with 401, audits it, and changes nothing", async () => {
    const { env } = await makeEnvironment();
    const before = await db().promotion.count();
    const res = await call(hook(env.lakefsRepository, env.lakefsBranch, "staging"), "not-the-secret-at-all");
    expect(res.status).toBe(401);
    expect((await res.json()).detail).toContain("X-Lakefs-Webhook-Secret");
    expect(await db().promotion.count()).toBe(before);
    const last = (await db().auditEvent.findFirst({ where: { action: "lakefs_hook.unauthenticated" }, orderBy: { seq: "desc" } }))!;
    expect(last.diff).toMatchObject({ after: { reason: "wrong secret" } });
  });

  it("refuses a merge into a protected branch that no executing promotion covers", async () => {
    const { env } = await makeEnvironment();
    const res = await call(hook(env.lakefsRepository, env.lakefsBranch, "staging"));
    expect(res.status).toBe(403);
    expect((await res.json()).detail).toContain(`No approved promotion is executing a merge of "staging" into ${env.key}`);
    expect((await audits(`${env.lakefsRepository}/${env.lakefsBranch}`)).map((a) => a.action)).toEqual(["lakefs_hook.refused"]);
  });

  it("accepts the merge of the promotion being executed, and refuses it once approved is not enough", async () => {
    const { env } = await makeEnvironment();
    const m = await makeModel([{ auc: 0.9 }]);
    const id = await requestPromotion(ctxOf(m.owner), { modelVersionId: m.versionIds[0]!, environment: env.key, strategy: "direct", strategyConfig: {}, justification: "Ready for production.", submit: true, sourceRef: "staging" });
    for (const a of await approvers(2)) await decidePromotion(ctxOf(a), id, { decision: "approve", comment: "" });
    expect(await stateOf(id)).toBe("approved");
    expect((await call(hook(env.lakefsRepository, env.lakefsBranch, "staging"))).status).toBe(403);
    await db().promotion.update({ where: { id }, data: { state: "executing", executionStartedAt: new Date() } });
    const res = await call(hook(env.lakefsRepository, env.lakefsBranch, "staging"));
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ allowed: true, promotion: expect.any(Number) });
    expect((await call(hook(env.lakefsRepository, env.lakefsBranch, "feature-x"))).status).toBe(403);
  });

  it("lets merges into branches the portal does not govern through", async () => {
    const res = await call(hook("some-repo", "scratch", "main"));
    expect(res.status).toBe(200);
  });

  it("answers 422 naming the field for a payload without the destination branch", async () => {
    const res = await call({ event_type: "pre-merge", repository_id: "r", source_ref: "s" });
    expect(res.status).toBe(422);
    expect((await res.json()).errors[0].path).toBe("branch_id");
  });
});
