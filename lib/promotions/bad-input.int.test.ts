import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/policy/actor";
import { createApiToken } from "@/lib/tokens/tokens";
import { ctxOf, makeActor, makeTeam } from "@/lib/test/factories";
import { approvers, makeEnvironment, makeModel, stateOf } from "@/lib/promotions/test-fixtures";
import { createUseCase } from "@/lib/use-cases/intake";

// Issue 6's bad-input list through the real route handlers, as a client would send it: each
// answer is its precise 4xx with a problem body, and nothing changes (no promotion, approval or
// state change, and no audit event carries the request's id).
const requestRoute = await import("@/app/api/v1/promotions/route");
const decisionsRoute = await import("@/app/api/v1/promotions/[id]/decisions/route");
const cancelRoute = await import("@/app/api/v1/promotions/[id]/cancel/route");

type Handler = (req: Request, route: { params: Promise<Record<string, string>> }) => Promise<Response>;

async function tokenOf(actor: Actor) {
  return (await createApiToken(ctxOf(actor), { name: "bad-input", scopes: ["read", "promotions:write"] })).token;
}

async function post(handler: Handler, actor: Actor, path: string, body: unknown, params: Record<string, string> = {}) {
  const requestId = `bad-${randomUUID()}`;
  const req = new Request(`http://127.0.0.1${path}`, { method: "POST", headers: { authorization: `Bearer ${await tokenOf(actor)}`, "content-type": "application/json", "x-request-id": requestId }, body: JSON.stringify(body) });
  const res = await handler(req, { params: Promise.resolve(params) });
  // A problem body on refusal; the answer (e.g. the new promotion) on success.
  const answer = (await res.json()) as { id?: string; status?: number; detail: string; errors?: { path: string; message: string }[] };
  return { status: res.status, type: res.headers.get("content-type"), problem: answer, audited: await db().auditEvent.count({ where: { requestId } }) };
}

const requestBody = (envKey: string, modelVersionId: string, over: object = {}) => ({ modelVersionId, environment: envKey, strategy: "direct", strategyConfig: {}, justification: "Better recall on the holdout set.", submit: true, ...over });
const approve = (actor: Actor, id: string) => post(decisionsRoute.POST, actor, `/api/v1/promotions/${id}/decisions`, { decision: "approve", comment: "" }, { id });

async function pendingPromotion() {
  const { env } = await makeEnvironment();
  const m = await makeModel([{ auc: 0.9 }]);
  const created = await post(requestRoute.POST, m.owner, "/api/v1/promotions", requestBody(env.key, m.versionIds[0]!));
  expect(created.status).toBe(201);
  return { env, m, id: created.problem.id! };
}

describe("promotion bad input, through the API", () => {
  it("answers 409 to approving twice and records nothing the second time", async () => {
    const { id } = await pendingPromotion();
    const [a] = await approvers(1);
    expect((await approve(a!, id)).status).toBe(200);
    const again = await approve(a!, id);
    expect(again).toMatchObject({ status: 409, type: expect.stringContaining("application/problem+json"), audited: 0 });
    expect(again.problem.detail).toContain("You have already decided on this request");
    expect(await db().promotionApproval.count({ where: { promotionId: id } })).toBe(1);
    expect(await stateOf(id)).toBe("pending_approval");
  });

  it("answers 409 to approving a cancelled request and changes nothing", async () => {
    const { id, m } = await pendingPromotion();
    expect((await post(cancelRoute.POST, m.owner, `/api/v1/promotions/${id}/cancel`, {}, { id })).status).toBe(200);
    const [a] = await approvers(1);
    const r = await approve(a!, id);
    expect(r).toMatchObject({ status: 409, audited: 0 });
    expect(r.problem.detail).toContain("cancelled cannot approve it");
    expect(await stateOf(id)).toBe("cancelled");
    expect(await db().promotionApproval.count({ where: { promotionId: id } })).toBe(0);
  });

  it("answers 403 to the requester approving their own request, and records nothing", async () => {
    const { env } = await makeEnvironment();
    const m = await makeModel([{ auc: 0.9 }]);
    const requester = await makeActor(["product_owner", "approver"], [m.team.id]);
    const created = await post(requestRoute.POST, requester, "/api/v1/promotions", requestBody(env.key, m.versionIds[0]!));
    const id = created.problem.id!;
    const r = await approve(requester, id);
    expect(r).toMatchObject({ status: 403, audited: 0 });
    expect(r.problem.detail).toContain("separation of duties");
    expect(await db().promotionApproval.count({ where: { promotionId: id } })).toBe(0);
  });

  it("answers 404 to a model version that does not exist, and to another team's (which the requester cannot see), creating nothing", async () => {
    const { env } = await makeEnvironment();
    const m = await makeModel([{ auc: 0.9 }]);
    const stranger = await makeActor(["product_owner"], [(await makeTeam()).id]);
    const missingId = randomUUID();
    const missing = await post(requestRoute.POST, stranger, "/api/v1/promotions", requestBody(env.key, missingId));
    expect(missing).toMatchObject({ status: 404, audited: 0, problem: { detail: `Model version ${missingId} was not found.` } });
    const foreign = await post(requestRoute.POST, stranger, "/api/v1/promotions", requestBody(env.key, m.versionIds[0]!));
    expect(foreign).toMatchObject({ status: 404, audited: 0, problem: { detail: `Model version ${m.versionIds[0]} was not found.` } });
    expect(await db().promotion.count({ where: { environmentId: env.id } })).toBe(0);
  });

  it("answers 422 on the strategy field to a strategy the policy does not allow, creating nothing", async () => {
    const { env } = await makeEnvironment();
    const m = await makeModel([{ auc: 0.9 }]);
    const r = await post(requestRoute.POST, m.owner, "/api/v1/promotions", requestBody(env.key, m.versionIds[0]!, { strategy: "shadow" }));
    expect(r).toMatchObject({ status: 422, audited: 0, problem: { errors: [{ path: "strategy", message: `Not allowed in ${env.key}` }] } });
    expect(r.problem.detail).toContain("allows direct, blue_green");
    const unknown = await post(requestRoute.POST, m.owner, "/api/v1/promotions", requestBody(env.key, m.versionIds[0]!, { strategy: "yolo" }));
    expect(unknown).toMatchObject({ status: 422, problem: { errors: [expect.objectContaining({ path: "strategy" })] } });
    expect(await db().promotion.count({ where: { environmentId: env.id } })).toBe(0);
  });

  it("answers 422 on useCaseId to a use case of another team or none at all, creating nothing", async () => {
    const { env } = await makeEnvironment();
    const m = await makeModel([{ auc: 0.9 }]);
    const otherTeam = await makeTeam();
    const otherOwner = await makeActor(["product_owner"], [otherTeam.id]);
    const theirs = await createUseCase(ctxOf(otherOwner), { title: "Another team's idea", problem: "Something they want to solve soon.", teamId: otherTeam.id, businessOwner: "Them", intendedUsers: "Their analysts" });
    for (const useCaseId of [theirs.id, randomUUID()]) {
      const r = await post(requestRoute.POST, m.owner, "/api/v1/promotions", requestBody(env.key, m.versionIds[0]!, { useCaseId }));
      expect(r).toMatchObject({ status: 422, audited: 0, problem: { errors: [{ path: "useCaseId", message: "No use case of the model's team has this id" }] } });
    }
    expect(await db().promotion.count({ where: { environmentId: env.id } })).toBe(0);
  });
});
