import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { recordDeployment } from "@/lib/catalog/deployments";
import { decidePromotion } from "@/lib/promotions/decide";
import { environmentMatrix, inProductionAt } from "@/lib/promotions/dashboard";
import { requestPromotion } from "@/lib/promotions/request";
import { approvers, makeEnvironment, makeModel } from "@/lib/promotions/test-fixtures";
import { ctxOf, makeActor, unique } from "@/lib/test/factories";

describe("delivery matrix", () => {
  it("shows each model's newest active deployment per environment with its promotion number, never a retired one", async () => {
    const m = await makeModel([{ auc: 0.9 }, { auc: 0.91 }]);
    const [v1, v2] = m.versionIds as [string, string];
    const { env } = await makeEnvironment();
    const promotionId = await requestPromotion(ctxOf(m.owner), { modelVersionId: v2, environment: env.key, strategy: "direct", strategyConfig: {}, justification: "Matrix test promotion.", submit: false });
    const number = (await db().promotion.findUniqueOrThrow({ where: { id: promotionId } })).number;
    const [a, b] = [unique("mx-a"), unique("mx-b")];
    const t = (d: number) => new Date(Date.UTC(2026, 0, d));
    await db().$transaction(async (tx) => {
      await recordDeployment(tx, { modelVersionId: v1, environment: a, deployedAt: t(1) });
      await recordDeployment(tx, { modelVersionId: v2, environment: a, deployedAt: t(5), promotionId }); // retires v1 in a
      await recordDeployment(tx, { modelVersionId: v1, environment: b, deployedAt: t(2) });
    });
    // Two active rows for one model in one environment (written around recordDeployment): the newest wins.
    await db().deployment.create({ data: { modelVersionId: v2, environment: b, deployedAt: t(1) } });

    const matrix = await environmentMatrix(await makeActor(["admin"]));
    const row = matrix.rows.find((r) => r.assetId === m.model.id);
    expect(row).toMatchObject({ name: m.model.name });
    expect(row!.cells).toEqual({
      [a]: { version: "2", versionId: v2, since: t(5).toISOString(), promotionId, promotionNumber: number },
      [b]: { version: "1", versionId: v1, since: t(2).toISOString(), promotionId: null, promotionNumber: null },
    });
    expect(matrix.rows.filter((r) => r.assetId === m.model.id)).toHaveLength(1);
  });
});

describe("what ran at a date", () => {
  it("answers the deployments active at that moment, with their data commits and the approvals given by then", async () => {
    const m = await makeModel([{ auc: 0.9 }, { auc: 0.91 }]);
    const [v1, v2] = m.versionIds as [string, string];
    const { env } = await makeEnvironment();
    const promotionId = await requestPromotion(ctxOf(m.owner), { modelVersionId: v2, environment: env.key, strategy: "direct", strategyConfig: {}, justification: "As-of test promotion.", submit: true, sourceRef: "staging" });
    const [x, y] = await approvers(2);
    for (const a of [x!, y!]) await decidePromotion(ctxOf(a), promotionId, { decision: "approve", comment: "" });
    const number = (await db().promotion.findUniqueOrThrow({ where: { id: promotionId } })).number;
    const day = 86_400_000, now = Date.now();
    const [t1, t2] = [new Date(now - 10 * day), new Date(now - 5 * day)];
    await db().$transaction(async (tx) => {
      await recordDeployment(tx, { modelVersionId: v1, environment: env.key, deployedAt: t1 });
      await recordDeployment(tx, { modelVersionId: v2, environment: env.key, deployedAt: t2, promotionId });
    });
    const viewer = await makeActor(["executive"]);
    const data = [{ dataset: expect.stringMatching(/^orders-/), datasetAssetId: expect.any(String), version: "c1", commit: "c".repeat(64), repository: "retail" }];

    const before = await inProductionAt(viewer, { at: new Date(now - 7 * day), environment: env.key });
    expect(before.deployments).toEqual([{
      id: expect.any(String), since: t1.toISOString(), until: t2.toISOString(),
      model: { assetId: m.model.id, name: m.model.name, versionId: v1, version: "1", trainingRunId: null, code: "abcdef1" },
      data, promotion: null,
    }]);
    const later = await inProductionAt(viewer, { at: new Date(now + 3_600_000), environment: env.key });
    expect(later.deployments).toHaveLength(1);
    expect(later.deployments[0]).toMatchObject({ since: t2.toISOString(), until: null, model: { versionId: v2, version: "2" }, data });
    expect(later.deployments[0]!.promotion).toEqual({ id: promotionId, number, useCaseId: null, approvals: expect.arrayContaining([{ by: x!.name, at: expect.stringMatching(/Z$/) }, { by: y!.name, at: expect.stringMatching(/Z$/) }]) });
    expect(later.deployments[0]!.promotion!.approvals).toHaveLength(2);
    // Approvals given after the moment asked about are not shown.
    const atT2 = await inProductionAt(viewer, { at: new Date(now - 4 * day), environment: env.key });
    expect(atT2.deployments[0]!.promotion!.approvals).toEqual([]);
    expect((await inProductionAt(viewer, { at: new Date(now - 20 * day), environment: env.key })).deployments).toEqual([]);
  });
});
