import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { recordDeployment } from "@/lib/catalog/deployments";
import { environmentMatrix } from "@/lib/promotions/dashboard";
import { requestPromotion } from "@/lib/promotions/request";
import { makeEnvironment, makeModel } from "@/lib/promotions/test-fixtures";
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
