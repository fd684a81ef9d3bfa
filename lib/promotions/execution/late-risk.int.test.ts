import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { registerAsset } from "@/lib/catalog/assets";
import { ctxOf, makeActor, unique } from "@/lib/test/factories";
import { setUpPrivateDatabase } from "@/lib/test/private-database";
import { decidePromotion } from "@/lib/promotions/decide";
import { requestPromotion } from "@/lib/promotions/request";
import { gatesConfigSchema } from "@/lib/promotions/policy-schema";
import { advancePromotion, type AdvanceDeps } from "@/lib/promotions/execution/advance";
import { portsResolver } from "@/lib/promotions/execution/ports-for";
import { makeEnvironment, makeModel } from "@/lib/promotions/test-fixtures";
import { ensureRubric, submittedUseCase } from "@/lib/use-cases/test-kit";

// Risk can rise between approval and execution: lineage starts to show the training data
// feeding a high-risk use case. The worker runs the gates again just before execution, and
// a request that lacks the policy's high-risk approval stops there, before any change.
// A private database, so no other file's worker picks up these approved promotions first.
setUpPrivateDatabase("late-risk");

const gates = gatesConfigSchema.parse({ metrics: [], reproducibility: "off", lineage: "off", dataQuality: "off", riskTier: "warn", useCaseApproved: "off" });
// No integrations are configured, so a promotion that got past the pre-execution check
// fails at its first outside call; one stopped by the check never makes one.
const deps: AdvanceDeps = {
  databaseUrl: "",
  portsFor: portsResolver({ demo: false, demoIntegrations: () => Promise.reject(new Error("no demo fakes in this test")) }),
  pollIntervalMs: 10, maxStepAttempts: 1, retryDelayMs: () => 10,
};

/** Lineage from the model's training dataset to a dataset of a high-risk use case, found after approval. */
async function feedHighRiskUseCase(m: Awaited<ReturnType<typeof makeModel>>) {
  const input = await db().modelVersionInput.findFirstOrThrow({ where: { modelVersionId: m.versionIds[0]! }, include: { datasetVersion: true } });
  const screening = (await registerAsset(ctxOf(m.owner), { kind: "dataset", namespace: "lakefs://hr", name: unique("screening") })).asset;
  await db().lineageEdge.create({ data: { sourceId: input.datasetVersion.assetId, targetId: screening.id, firstSeenAt: new Date(), lastSeenAt: new Date() } });
  const uc = await submittedUseCase(m.owner, m.team.id, { riskAnswers: { employment: true } });
  expect(uc.tier).toBe("high");
  await db().assetUseCase.create({ data: { assetId: screening.id, useCaseId: uc.id } });
}

async function approvedPromotion(envKey: string, deciders: Awaited<ReturnType<typeof makeActor>>[]) {
  const m = await makeModel([{ auc: 0.9 }]);
  const id = await requestPromotion(ctxOf(m.owner), { modelVersionId: m.versionIds[0]!, environment: envKey, strategy: "direct", strategyConfig: {}, justification: "Weekly retrain.", submit: true });
  for (const d of deciders) await decidePromotion(ctxOf(d), id, { decision: "approve", comment: "" });
  const p = await db().promotion.findUniqueOrThrow({ where: { id } });
  expect(p).toMatchObject({ state: "approved", inheritedRiskTier: null });
  return { m, id };
}

const steps = (promotionId: string) => db().promotionStep.count({ where: { promotionId } });

describe("risk that rises after approval", () => {
  beforeAll(async () => {
    deps.databaseUrl = process.env.DATABASE_URL!;
    await ensureRubric();
  });

  it("stops a promotion before any change when no one of the high-risk role approved it", async () => {
    const { env } = await makeEnvironment({ requiredApprovals: 1, highRiskRole: "admin", gates });
    const { m, id } = await approvedPromotion(env.key, [await makeActor(["approver"])]);
    await feedHighRiskUseCase(m);

    expect(await advancePromotion(id, deps)).toBe("finished");
    const p = await db().promotion.findUniqueOrThrow({ where: { id } });
    expect(p).toMatchObject({ state: "failed", failureStep: "gates", inheritedRiskTier: "high" });
    expect(p.failureReason).toBe("It is high risk now (its training data feeds a high-risk use case downstream), and no admin approved it; request the promotion again so an admin can decide.");
    expect(await steps(id)).toBe(0);
    const timeline = await db().promotionEvent.findMany({ where: { promotionId: id } });
    expect(timeline.map((t) => t.message)).toContain("Stopped before any change: the request became high risk after its approval.");
  }, 90_000);

  it("lets the same promotion run when an approver of the high-risk role had approved it", async () => {
    const { env } = await makeEnvironment({ requiredApprovals: 1, highRiskRole: "admin", gates });
    // Approved by someone who is both an approver and of the high-risk role.
    const { m, id } = await approvedPromotion(env.key, [await makeActor(["approver", "admin"])]);
    await feedHighRiskUseCase(m);

    expect(await advancePromotion(id, deps)).toBe("finished");
    const p = await db().promotion.findUniqueOrThrow({ where: { id } });
    // Past the check, it reached its first outside call, which fails here for want of integrations.
    expect(p).toMatchObject({ state: "failed", inheritedRiskTier: "high" });
    expect(p.failureStep).not.toBe("gates");
    expect(p.failureReason).toContain("integration");
    expect(await steps(id)).toBeGreaterThan(0);
  }, 90_000);
});
