import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createApiToken } from "@/lib/tokens/tokens";
import { ctxOf, makeActor } from "@/lib/test/factories";
import { requestPromotion } from "@/lib/promotions/request";
import { decidePromotion } from "@/lib/promotions/decide";
import { getPromotion } from "@/lib/promotions/read";
import { makeEnvironment, makeModel, stateOf } from "@/lib/promotions/test-fixtures";
import { gatesConfigSchema } from "@/lib/promotions/policy-schema";

// Publishing policy versions through the real route (the admin page posts the same body), and
// what a version means for the promotions judged by it.
const { GET, POST } = await import("@/app/api/v1/environments/[key]/policies/route");

async function adminToken() {
  const admin = await makeActor(["admin"]);
  return (await createApiToken(ctxOf(admin), { name: "policies", scopes: ["read", "admin"] })).token;
}

async function call(handler: typeof GET, token: string, key: string, body?: unknown) {
  const req = new Request(`http://127.0.0.1/api/v1/environments/${key}/policies`, {
    method: body === undefined ? "GET" : "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const res = await handler(req, { params: Promise.resolve({ key }) });
  return { status: res.status, body: await res.json() };
}

const version = (over: object = {}) => ({
  requiredApprovals: 1, approverRoles: ["approver"], approverTeamIds: [], highRiskRole: null, allowedStrategies: ["direct", "canary"],
  gates: gatesConfigSchema.parse({ metrics: [{ metric: "auc", op: ">=", threshold: 0.85 }], lineage: "off", dataQuality: "off", useCaseApproved: "off", riskTier: "off", reproducibility: "warn" }),
  rollbackApprovals: 0, driftDays: 7, changeNote: "Stricter AUC after the Q3 review", ...over,
});

describe("policy versions", () => {
  it("publishes the next version, lists the history newest first, and past promotions keep the version that judged them", async () => {
    const { env } = await makeEnvironment();
    const token = await adminToken();
    const m = await makeModel([{ auc: 0.82 }, { auc: 0.84 }]);
    const judgedByV1 = await requestPromotion(ctxOf(m.owner), { modelVersionId: m.versionIds[0]!, environment: env.key, strategy: "direct", strategyConfig: {}, justification: "Good enough for v1.", submit: true });
    expect(await stateOf(judgedByV1)).toBe("pending_approval");

    const published = await call(POST, token, env.key, version());
    expect(published.status).toBe(201);
    expect(published.body).toMatchObject({ version: 2, requesterMayNotApprove: true, authorMayNotApprove: true, changeNote: "Stricter AUC after the Q3 review" });

    const history = await call(GET, token, env.key);
    expect(history.body.items.map((p: { version: number; promotions: number }) => [p.version, p.promotions])).toEqual([[2, 0], [1, 1]]);
    expect(history.body.items[0].publishedBy).toEqual(expect.any(String));
    // The request judged by v1 (two approvals, AUC >= 0.8) keeps it; a new one meets v2 (AUC >= 0.85).
    const detail = await getPromotion(m.owner, judgedByV1);
    expect(detail.policy).toMatchObject({ version: 1 });
    const judgedByV2 = await requestPromotion(ctxOf(m.owner), { modelVersionId: m.versionIds[1]!, environment: env.key, strategy: "direct", strategyConfig: {}, justification: "Try again under v2.", submit: true });
    expect(await stateOf(judgedByV2)).toBe("draft");
    expect((await getPromotion(m.owner, judgedByV2)).policy).toMatchObject({ version: 2 });
  });

  it("answers 422 naming each bad field and publishes nothing", async () => {
    const { env } = await makeEnvironment();
    const token = await adminToken();
    const bad = await call(POST, token, env.key, version({ approverRoles: [], allowedStrategies: ["direct", "direct"], gates: { metrics: [{ metric: "", op: ">=", threshold: "high" }] } }));
    expect(bad.status).toBe(422);
    expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(["approverRoles", "gates.metrics.0.metric", "gates.metrics.0.threshold"]);
    expect(await db().environmentPolicy.count({ where: { environmentId: env.id } })).toBe(1);
  });

  it("lets a version relax separation of duties, and the requester then approves their own request", async () => {
    const { env } = await makeEnvironment({ requiredApprovals: 1 });
    const token = await adminToken();
    const m = await makeModel([{ auc: 0.9 }, { auc: 0.91 }]);
    const requester = await makeActor(["product_owner", "approver"], [m.team.id]);
    const request = (i: number) => ({ modelVersionId: m.versionIds[i]!, environment: env.key, strategy: "direct" as const, strategyConfig: {}, justification: "Fast iteration in this environment.", submit: true });
    const strict = await requestPromotion(ctxOf(requester), request(0));
    await expect(decidePromotion(ctxOf(requester), strict, { decision: "approve", comment: "" })).rejects.toMatchObject({ code: "forbidden" });
    expect((await call(POST, token, env.key, version({ requesterMayNotApprove: false }))).status).toBe(201);
    const relaxed = await requestPromotion(ctxOf(requester), request(1));
    expect(await decidePromotion(ctxOf(requester), relaxed, { decision: "approve", comment: "Self-approved in a relaxed environment" })).toMatchObject({ state: "approved" });
    // The earlier request stays under v1: still no self-approval.
    await expect(decidePromotion(ctxOf(requester), strict, { decision: "approve", comment: "" })).rejects.toMatchObject({ code: "forbidden" });
  });
});
