import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { registerAsset } from "@/lib/catalog/assets";
import { ctxOf, makeActor, unique } from "@/lib/test/factories";
import { decidePromotion } from "@/lib/promotions/decide";
import { approvalsInbox, inboxQuery } from "@/lib/promotions/inbox";
import { getPromotion } from "@/lib/promotions/read";
import { requestPromotion } from "@/lib/promotions/request";
import { gatesConfigSchema } from "@/lib/promotions/policy-schema";
import { makeEnvironment, makeModel, stateOf } from "@/lib/promotions/test-fixtures";
import { ensureRubric, submittedUseCase } from "@/lib/use-cases/test-kit";

// A model whose own request names no high-risk use case, but whose training data feeds one
// downstream (lineage): the risk-tier gate says so, and approvals ask for the policy's
// high-risk role as they do for a high-risk use case.

const gates = gatesConfigSchema.parse({ metrics: [], reproducibility: "off", lineage: "off", dataQuality: "off", riskTier: "fail", useCaseApproved: "off" });
const request = (envKey: string, modelVersionId: string) => ({ modelVersionId, environment: envKey, strategy: "direct" as const, strategyConfig: {}, justification: "Weekly retrain on fresh orders.", submit: true });

/** A model whose training dataset feeds, one hop down, a dataset linked to a use case of this tier. */
async function modelFeeding(riskAnswers: Record<string, boolean>) {
  const m = await makeModel([{ auc: 0.9 }]);
  const input = await db().modelVersionInput.findFirstOrThrow({ where: { modelVersionId: m.versionIds[0]! }, include: { datasetVersion: true } });
  const features = (await registerAsset(ctxOf(m.owner), { kind: "dataset", namespace: "lakefs://retail", name: unique("features") })).asset;
  await db().lineageEdge.create({ data: { sourceId: input.datasetVersion.assetId, targetId: features.id, firstSeenAt: new Date(), lastSeenAt: new Date() } });
  const uc = await submittedUseCase(m.owner, m.team.id, { riskAnswers });
  await db().assetUseCase.create({ data: { assetId: features.id, useCaseId: uc.id } });
  return { ...m, useCase: uc };
}

describe("risk inherited through lineage", () => {
  beforeAll(async () => {
    await ensureRubric();
  });

  it("makes a request high risk when its training data feeds a high-risk use case: the gate says so and an approver alone is not enough", async () => {
    const { env } = await makeEnvironment({ requiredApprovals: 1, highRiskRole: "admin", gates });
    const m = await modelFeeding({ employment: true });
    expect(m.useCase.tier).toBe("high");
    const id = await requestPromotion(ctxOf(m.owner), request(env.key, m.versionIds[0]!));
    const detail = await getPromotion(m.owner, id);
    expect(detail.state).toBe("pending_approval");
    expect(detail.gates.find((g) => g.gate === "risk_tier")?.reason).toBe(`No use case is linked, so its own risk tier is unknown. Its training data feeds a high-risk use case downstream (e.g. "${m.useCase.title}"), so approvals treat it as high risk. One approval must come from an admin.`);
    expect(await db().promotion.findUniqueOrThrow({ where: { id }, select: { inheritedRiskTier: true } })).toEqual({ inheritedRiskTier: "high" });

    // The inbox judges it as the decision does: high risk, still needs an admin, who may decide it.
    const approver = await makeActor(["approver"]);
    const admin = await makeActor(["admin"]);
    const itemFor = async (who: typeof approver, show: "decide" | "visible") => (await approvalsInbox(who, inboxQuery.parse({ show, environment: env.key }))).items.find((p) => p.id === id);
    expect(await itemFor(approver, "decide")).toMatchObject({ highRisk: true, stillNeeds: "admin", canDecide: true });
    expect(await decidePromotion(ctxOf(approver), id, { decision: "approve", comment: "" })).toMatchObject({ state: "pending_approval", approvals: 1, required: 1 });
    expect(await itemFor(approver, "decide")).toBeUndefined();
    expect(await itemFor(admin, "decide")).toMatchObject({ highRisk: true, stillNeeds: "admin", approvals: 1, canDecide: true });
    expect(await decidePromotion(ctxOf(admin), id, { decision: "approve", comment: "" })).toMatchObject({ state: "approved" });
  }, 90_000);

  it("keeps a no-approval environment from approving it on its own, while the same model without that lineage goes straight through", async () => {
    const { env } = await makeEnvironment({ requiredApprovals: 0, highRiskRole: "admin", gates });
    const risky = await modelFeeding({ employment: true });
    const plain = await modelFeeding({});
    expect(plain.useCase.tier).not.toBe("high");
    const riskyId = await requestPromotion(ctxOf(risky.owner), request(env.key, risky.versionIds[0]!));
    const plainId = await requestPromotion(ctxOf(plain.owner), request(env.key, plain.versionIds[0]!));
    expect(await stateOf(riskyId)).toBe("pending_approval");
    expect(await stateOf(plainId)).toBe("approved");
    expect((await getPromotion(plain.owner, plainId)).gates.find((g) => g.gate === "risk_tier")?.reason).not.toContain("training data");
  }, 90_000);
});
