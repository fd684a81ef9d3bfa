import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { ctxOf } from "@/lib/test/factories";
import { requestPromotion } from "@/lib/promotions/request";
import { decidePromotion, requestRollback } from "@/lib/promotions/decide";
import { approvers, makeEnvironment, makeModel, stateOf } from "@/lib/promotions/test-fixtures";

// The route handler itself is called, as lakeFS would call it: through handle(), with the shared
// secret in a header. Every call, accepted or refused, leaves an audit event.
const SECRET = "webhook-secret-for-tests-0123456789";
process.env.LAKEFS_WEBHOOK_SECRET = SECRET;
const { POST } = await import("@/app/api/v1/hooks/lakefs/pre-merge/route");

let n = 0;
async function call(body: unknown, secret: string | null = SECRET) {
  const requestId = `hook-${Date.now()}-${n++}`;
  const headers: Record<string, string> = { "content-type": "application/json", "x-request-id": requestId };
  if (secret) headers["x-lakefs-webhook-secret"] = secret;
  const res = await POST(new Request("http://127.0.0.1/api/v1/hooks/lakefs/pre-merge", { method: "POST", headers, body: JSON.stringify(body) }), { params: Promise.resolve({}) });
  const audit = await db().auditEvent.findMany({ where: { requestId }, select: { action: true, entityId: true, diff: true } });
  return { status: res.status, body: await res.json(), audit };
}
const hook = (repository: string, branch: string, source?: string, over: object = {}) => ({ event_type: "pre-merge", repository_id: repository, branch_id: branch, source_ref: source, action_name: "portal-guard", hook_id: "portal", ...over });
const revert = (repository: string, branch: string, over: object = {}) => ({ event_type: "pre-revert", repository_id: repository, branch_id: branch, action_name: "portal-guard", hook_id: "portal", ...over });

/** An approved promotion of a fresh model to a fresh protected environment. */
async function approvedPromotion() {
  const { env } = await makeEnvironment();
  const m = await makeModel([{ auc: 0.9 }]);
  const id = await requestPromotion(ctxOf(m.owner), { modelVersionId: m.versionIds[0]!, environment: env.key, strategy: "direct", strategyConfig: {}, justification: "Ready for production.", submit: true, sourceRef: "staging" });
  for (const a of await approvers(2)) await decidePromotion(ctxOf(a), id, { decision: "approve", comment: "" });
  expect(await stateOf(id)).toBe("approved");
  return { env, id, number: (await db().promotion.findUniqueOrThrow({ where: { id } })).number };
}
// The worker's moves, which these tests do not run: it starts executing, and finishes.
const workerStarts = (id: string) => db().promotion.update({ where: { id }, data: { state: "executing", executionStartedAt: new Date() } });
const workerSucceeds = (id: string) => db().promotion.update({ where: { id }, data: { state: "succeeded", finishedAt: new Date() } });

describe("lakeFS pre-merge webhook", () => {
  it("refuses a wrong or missing secret with 401 before reading the body, audits it, and changes nothing", async () => {
    const { env, id } = await approvedPromotion();
    await workerStarts(id);
    const events = await db().promotionEvent.count({ where: { promotionId: id } });
    const wrong = await call(hook(env.lakefsRepository, env.lakefsBranch, "staging"), "not-the-secret-at-all");
    expect(wrong.status).toBe(401);
    expect(wrong.body.detail).toContain("X-Lakefs-Webhook-Secret");
    expect(wrong.audit).toEqual([expect.objectContaining({ action: "lakefs_hook.unauthenticated", diff: expect.objectContaining({ after: expect.objectContaining({ reason: "wrong secret" }) }) })]);
    const none = await call({ not: "even a payload" }, null);
    expect(none.status).toBe(401);
    expect(none.audit).toEqual([expect.objectContaining({ action: "lakefs_hook.unauthenticated", diff: expect.objectContaining({ after: expect.objectContaining({ reason: "no secret presented" }) }) })]);
    expect(await db().promotionEvent.count({ where: { promotionId: id } })).toBe(events);
    expect(await stateOf(id)).toBe("executing");
  });

  it("refuses a merge into a protected branch that no executing promotion covers, even an approved one not yet executing", async () => {
    const { env, id } = await approvedPromotion();
    const r = await call(hook(env.lakefsRepository, env.lakefsBranch, "staging"));
    expect(r.status).toBe(403);
    expect(r.body.detail).toContain(`no approved promotion is executing a merge of "staging" into ${env.key}`);
    expect(r.audit).toEqual([expect.objectContaining({ action: "lakefs_hook.refused", entityId: `${env.lakefsRepository}/${env.lakefsBranch}` })]);
    expect(await stateOf(id)).toBe("approved");
  });

  it("accepts the merge of the promotion being executed, and only that merge", async () => {
    const { env, id, number } = await approvedPromotion();
    await workerStarts(id);
    const ok = await call(hook(env.lakefsRepository, env.lakefsBranch, "staging"));
    expect(ok.status).toBe(200);
    expect(ok.body).toEqual({ allowed: true, reason: `Covered by promotion #${number}, approved and executing.`, promotion: number });
    expect(ok.audit).toEqual([expect.objectContaining({ action: "lakefs_hook.allowed", diff: expect.objectContaining({ after: expect.objectContaining({ promotion: number, state: "executing" }) }) })]);
    // With the commit's metadata, only the portal's own merge commit (its marker) gets through.
    expect((await call(hook(env.lakefsRepository, env.lakefsBranch, "staging", { commit_metadata: { coe_promotion_step: `${id}:execute` } }))).status).toBe(200);
    const someoneElse = await call(hook(env.lakefsRepository, env.lakefsBranch, "staging", { commit_metadata: { coe_promotion_step: "00000000-0000-4000-8000-000000000000:execute" } }));
    expect(someoneElse.status).toBe(403);
    expect(someoneElse.body.detail).toContain(`is not that of promotion #${number}`);
    expect((await call(hook(env.lakefsRepository, env.lakefsBranch, "feature-x"))).status).toBe(403);
    // A revert is not what an executing promotion does.
    expect((await call(revert(env.lakefsRepository, env.lakefsBranch))).status).toBe(403);
    const notes = await db().promotionEvent.count({ where: { promotionId: id, message: { contains: "hook asked about" } } });
    expect(notes).toBe(2);
  });

  it("accepts the revert of an approved rollback being executed, and refuses it before the rollback and any merge meanwhile", async () => {
    const { env, id, number } = await approvedPromotion();
    await workerStarts(id);
    await workerSucceeds(id);
    expect((await call(revert(env.lakefsRepository, env.lakefsBranch))).status).toBe(403); // nothing is being rolled back yet
    const [approver] = await approvers(1);
    // The environment's rollback policy needs no approval: asking for it starts the rollback.
    expect(await requestRollback(ctxOf(approver!), id, "Latency regression in prod")).toEqual({ state: "rolling_back" });
    const ok = await call(revert(env.lakefsRepository, env.lakefsBranch, { commit_metadata: { coe_promotion_step: `${id}:rollback` } }));
    expect(ok.status).toBe(200);
    expect(ok.body).toEqual({ allowed: true, reason: `Covered by promotion #${number}, being rolled back after an approved rollback.`, promotion: number });
    expect((await call(revert(env.lakefsRepository, env.lakefsBranch, { commit_metadata: { coe_promotion_step: `${id}:execute` } }))).status).toBe(403);
    expect((await call(hook(env.lakefsRepository, env.lakefsBranch, "staging"))).status).toBe(403);
  });

  it("lets changes of branches the portal does not govern through, audited", async () => {
    const r = await call(hook("some-repo", "scratch", "main"));
    expect(r.status).toBe(200);
    expect(r.audit).toEqual([expect.objectContaining({ action: "lakefs_hook.allowed", entityId: "some-repo/scratch" })]);
  });

  it("answers 422 naming the field for a bad payload or another event, and audits the refusal", async () => {
    const noBranch = await call({ event_type: "pre-merge", repository_id: "r", source_ref: "s" });
    expect(noBranch.status).toBe(422);
    expect(noBranch.body.errors[0].path).toBe("branch_id");
    expect(noBranch.audit).toEqual([expect.objectContaining({ action: "lakefs_hook.refused" })]);
    const commit = await call(hook("r", "main", "s", { event_type: "pre-commit" }));
    expect(commit).toMatchObject({ status: 422, body: { errors: [{ path: "event_type" }] }, audit: [expect.objectContaining({ action: "lakefs_hook.refused" })] });
    const noSource = await call(hook("r", "main", undefined));
    expect(noSource).toMatchObject({ status: 422, body: { errors: [{ path: "source_ref" }] }, audit: [expect.objectContaining({ action: "lakefs_hook.refused" })] });
  });
});
