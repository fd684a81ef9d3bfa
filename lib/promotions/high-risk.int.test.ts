import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { RoleName } from "@/lib/policy/permissions";
import { setUpPrivateDatabase } from "@/lib/test/private-database";
import { actorOf, ctxOf } from "@/lib/test/factories";
import { createApiToken } from "@/lib/tokens/tokens";
import { approvalsInbox } from "@/lib/promotions/inbox";
import { decidePromotion } from "@/lib/promotions/decide";
import { getPromotion } from "@/lib/promotions/read";
import { requestPromotion, submitPromotion } from "@/lib/promotions/request";
import { gatesConfigSchema } from "@/lib/promotions/policy-schema";
import { makeEnvironment } from "@/lib/promotions/test-fixtures";
import { seed } from "@/prisma/seed";

// A high-risk use case of the demo data (and its model) on its way to a governed environment whose
// policy wants an admin's approval on high risk, like the demo's prod: the risk-tier gate reads the
// human-oversight plan its owner documents on the use case (nothing else counts), and the
// approvals inbox judges "can decide" with the prod policy's extra role for high risk, as the
// decision itself does. On a database of its own: the seed's personas and titles are fixed.
setUpPrivateDatabase("high_risk");

const { PUT: putPlan } = await import("@/app/api/v1/use-cases/[id]/oversight-plan/route");

async function persona(email: string) {
  const u = await db().user.findUniqueOrThrow({ where: { email }, include: { roles: true, memberships: true } });
  return actorOf(u, u.roles.map((r) => r.role as RoleName), u.memberships.map((m) => m.teamId));
}

async function documentPlan(email: string, useCaseId: string, plan: string) {
  const token = (await createApiToken(ctxOf(await persona(email)), { name: "plan", scopes: ["read", "use-cases:write"] })).token;
  const req = new Request(`http://127.0.0.1/api/v1/use-cases/${useCaseId}/oversight-plan`, { method: "PUT", headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, body: JSON.stringify({ plan }) });
  const res = await putPlan(req, { params: Promise.resolve({ id: useCaseId }) });
  return { status: res.status, body: await res.json() };
}

const PLAN = "A credit officer reviews every limit the model lowers by more than 20% before it applies; collections staff can override any score, and the model risk team can switch it off from the portal.";

describe("high-risk promotions on the demo data", () => {
  it("stay blocked until the use case documents a human-oversight plan, and need the policy's extra role to approve", async () => {
    await seed(process.env.DATABASE_URL!);
    const useCase = await db().useCase.findFirstOrThrow({ where: { title: "Collections prioritisation" } });
    expect(useCase).toMatchObject({ tier: "high", state: "approved", humanOversightPlan: "" });
    const v3 = await db().modelVersion.findFirstOrThrow({ where: { version: "3", asset: { name: "credit-risk-pd" } } });
    const omar = await persona("omar.owner@demo.local");
    // Like the demo's prod policy, minus its reproducibility gate (the demo's v3 lacks a training run).
    const { env } = await makeEnvironment({
      requiredApprovals: 2, approverRoles: ["approver"], highRiskRole: "admin",
      gates: gatesConfigSchema.parse({ metrics: [{ metric: "auc", op: ">=", threshold: 0.8 }], reproducibility: "warn", lineage: "warn", dataQuality: "warn", riskTier: "fail", useCaseApproved: "fail" }),
    });

    const id = await requestPromotion(ctxOf(omar), { modelVersionId: v3.id, environment: env.key, useCaseId: useCase.id, strategy: "direct", strategyConfig: {}, justification: "Score collections queues with the calibrated v3.", submit: true });
    const blocked = await getPromotion(omar, id);
    expect(blocked.state).toBe("draft");
    expect(blocked.gates.find((g) => g.gate === "risk_tier")).toMatchObject({ verdict: "fail", reason: expect.stringContaining('High-risk use case "Collections prioritisation" has no documented human-oversight plan') });

    // Only the owner's team documents it, and only a real description.
    expect((await documentPlan("omar.owner@demo.local", useCase.id, "Humans check it.")).status).toBe(422);
    expect((await documentPlan("rita.reviewer@demo.local", useCase.id, PLAN)).status).toBe(403);
    expect((await documentPlan("priya.owner@demo.local", useCase.id, PLAN)).status).toBe(404);
    expect((await db().useCase.findUniqueOrThrow({ where: { id: useCase.id } })).humanOversightPlan).toBe("");
    const documented = await documentPlan("omar.owner@demo.local", useCase.id, PLAN);
    expect(documented).toMatchObject({ status: 200, body: { humanOversightPlan: PLAN } });

    await submitPromotion(ctxOf(omar), id);
    const submitted = await getPromotion(omar, id);
    expect(submitted.state).toBe("pending_approval");
    expect(submitted.gates.find((g) => g.gate === "risk_tier")).toMatchObject({ verdict: "pass", reason: expect.stringContaining("A credit officer reviews every limit") });

    // Two approvers' decisions; a high-risk request also needs an admin (the policy's extra role).
    const [ana, alex, adam, rita] = await Promise.all([persona("ana.approver@demo.local"), persona("alex.approver@demo.local"), persona("adam.admin@demo.local"), persona("rita.reviewer@demo.local")]);
    const itemFor = async (who: typeof ana) => (await approvalsInbox(who, { show: "visible", environment: env.key, limit: 25 })).items.find((p) => p.id === id)!;
    expect(await itemFor(ana)).toMatchObject({ canDecide: true, highRisk: true, stillNeeds: "admin", approvals: 0, required: 2 });
    expect(await itemFor(adam)).toMatchObject({ canDecide: true, cannotDecideReason: null });
    expect(await itemFor(rita)).toMatchObject({ canDecide: false, cannotDecideReason: "This environment's policy takes decisions only from approvers or admins." });

    await decidePromotion(ctxOf(ana), id, { decision: "approve", comment: "Calibration holds on the holdout." });
    expect(await itemFor(ana)).toMatchObject({ canDecide: false, cannotDecideReason: expect.stringContaining("already decided") });
    expect(await decidePromotion(ctxOf(alex), id, { decision: "approve", comment: "" })).toMatchObject({ state: "pending_approval", approvals: 2, required: 2 });
    // Two approvers are not enough without the extra role; the admin's decision completes it.
    expect(await itemFor(adam)).toMatchObject({ canDecide: true, approvals: 2, stillNeeds: "admin" });
    expect(await decidePromotion(ctxOf(adam), id, { decision: "approve", comment: "Oversight plan reviewed." })).toMatchObject({ state: "approved", approvals: 3 });
    expect((await approvalsInbox(adam, { show: "visible", environment: env.key, limit: 25 })).items.some((p) => p.id === id)).toBe(false);
  }, 180_000);
});
