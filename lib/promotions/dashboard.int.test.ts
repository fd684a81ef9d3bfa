import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { recordDeployment } from "@/lib/catalog/deployments";
import { decidePromotion } from "@/lib/promotions/decide";
import { asOfQuery, inProductionAt } from "@/lib/promotions/dashboard";
import { environmentMatrix, matrixQuery } from "@/lib/promotions/matrix";
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

    const matrix = await environmentMatrix(await makeActor(["admin"]), matrixQuery.parse({ q: m.model.name }));
    const row = matrix.rows.find((r) => r.assetId === m.model.id);
    expect(row).toMatchObject({ name: m.model.name });
    expect(row!.cells).toEqual({
      [a]: { version: "2", versionId: v2, since: t(5).toISOString(), promotionId, promotionNumber: number },
      [b]: { version: "1", versionId: v1, since: t(2).toISOString(), promotionId: null, promotionNumber: null },
    });
    expect(matrix.rows.filter((r) => r.assetId === m.model.id)).toHaveLength(1);
  });

  it("pages models by name and filters by owning team, model name and drift, agreeing with the drift flags it shows", async () => {
    const prefix = unique("mxp").toLowerCase();
    const admin = await makeActor(["admin"]);
    // Two environments next to each other in promotion order: the same rank, which other tests
    // leave alone (they use 30), then by key, and keys begin with the time they were made.
    const rank = 100 + Math.floor(Math.random() * 899);
    const { env: lower } = await makeEnvironment({}, { rank });
    const { env: upper } = await makeEnvironment({ driftDays: 3 }, { rank });
    expect(lower.key < upper.key).toBe(true);
    const long = new Date(Date.now() - 10 * 86_400_000);
    const models = [];
    for (const name of ["c", "a", "b"]) {
      const m = await makeModel([{ auc: 0.9 }, { auc: 0.91 }], { name: `${prefix}-${name}` });
      models.push(m);
    }
    const [c, a, b] = models as [typeof models[number], typeof models[number], typeof models[number]];
    await db().$transaction(async (tx) => {
      // a: v2 below, v1 above for ten days (drift); b: the same version in both; c: only below, for ten days (drift).
      await recordDeployment(tx, { modelVersionId: a.versionIds[1]!, environment: lower.key, deployedAt: long });
      await recordDeployment(tx, { modelVersionId: a.versionIds[0]!, environment: upper.key, deployedAt: long });
      await recordDeployment(tx, { modelVersionId: b.versionIds[1]!, environment: lower.key, deployedAt: long });
      await recordDeployment(tx, { modelVersionId: b.versionIds[1]!, environment: upper.key, deployedAt: long });
      await recordDeployment(tx, { modelVersionId: c.versionIds[0]!, environment: lower.key, deployedAt: long });
    });

    const names = (rows: { name: string }[]) => rows.map((r) => r.name);
    const first = await environmentMatrix(admin, matrixQuery.parse({ q: prefix, limit: 2 }));
    expect(names(first.rows)).toEqual([`${prefix}-a`, `${prefix}-b`]);
    const second = await environmentMatrix(admin, matrixQuery.parse({ q: prefix, limit: 2, cursor: first.nextCursor }));
    expect(names(second.rows)).toEqual([`${prefix}-c`]);
    expect(second.nextCursor).toBeNull();

    const drifting = await environmentMatrix(admin, matrixQuery.parse({ q: prefix, drift: "only" }));
    expect(drifting.rows.map((r) => [r.name, r.drift])).toEqual([
      [`${prefix}-a`, [`${upper.key} behind ${lower.key} for 10 days`]],
      [`${prefix}-c`, [`${upper.key} behind ${lower.key} for 10 days`]],
    ]);
    expect(first.rows.find((r) => r.name === `${prefix}-b`)!.drift).toEqual([]);

    expect(names((await environmentMatrix(admin, matrixQuery.parse({ team: b.team.id }))).rows)).toEqual([`${prefix}-b`]);
    // A name search matches "%" and "_" literally.
    expect((await environmentMatrix(admin, matrixQuery.parse({ q: `${prefix}%` }))).rows).toEqual([]);
    expect(matrixQuery.safeParse({ drift: "yes" }).error?.issues[0]).toMatchObject({ path: ["drift"] });
    await expect(environmentMatrix(admin, matrixQuery.parse({ cursor: "bm90LWpzb24" }))).rejects.toMatchObject({ code: "validation" });
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

    const before = await inProductionAt(viewer, asOfQuery.parse({ at: new Date(now - 7 * day), environment: env.key }));
    expect(before.deployments).toEqual([{
      id: expect.any(String), since: t1.toISOString(), until: t2.toISOString(),
      model: { assetId: m.model.id, name: m.model.name, versionId: v1, version: "1", trainingRunId: null, code: "abcdef1" },
      data, promotion: null,
    }]);
    const later = await inProductionAt(viewer, asOfQuery.parse({ at: new Date(now + 3_600_000), environment: env.key }));
    expect(later.deployments).toHaveLength(1);
    expect(later.deployments[0]).toMatchObject({ since: t2.toISOString(), until: null, model: { versionId: v2, version: "2" }, data });
    expect(later.deployments[0]!.promotion).toEqual({ id: promotionId, number, useCaseId: null, approvals: expect.arrayContaining([{ by: x!.name, at: expect.stringMatching(/Z$/) }, { by: y!.name, at: expect.stringMatching(/Z$/) }]) });
    expect(later.deployments[0]!.promotion!.approvals).toHaveLength(2);
    // Approvals given after the moment asked about are not shown.
    const atT2 = await inProductionAt(viewer, asOfQuery.parse({ at: new Date(now - 4 * day), environment: env.key }));
    expect(atT2.deployments[0]!.promotion!.approvals).toEqual([]);
    expect((await inProductionAt(viewer, asOfQuery.parse({ at: new Date(now - 20 * day), environment: env.key }))).deployments).toEqual([]);
  });

  it("answers newest first a keyset page at a time, with every deployment of the moment exactly once", async () => {
    const { env } = await makeEnvironment();
    const day = 86_400_000, now = Date.now();
    const deployed: string[] = [];
    for (let i = 0; i < 5; i++) {
      const m = await makeModel([{ auc: 0.9 }]);
      // Two at the same millisecond: the id breaks the tie.
      const at = new Date(now - (10 - Math.min(i, 3)) * day);
      await db().$transaction((tx) => recordDeployment(tx, { modelVersionId: m.versionIds[0]!, environment: env.key, deployedAt: at }));
      deployed.push(m.versionIds[0]!);
    }
    const viewer = await makeActor(["executive"]);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Awaited<ReturnType<typeof inProductionAt>> = await inProductionAt(viewer, asOfQuery.parse({ at: new Date(now), environment: env.key, limit: 2, ...(cursor ? { cursor } : {}) }));
      expect(page.deployments.length).toBeLessThanOrEqual(2);
      seen.push(...page.deployments.map((d) => d.model.versionId));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(5);
    expect(new Set(seen)).toEqual(new Set(deployed));
    // Newest first: the two of ten days minus three (a tie, by id), then the older ones in order.
    expect(seen.slice(2)).toEqual([deployed[2], deployed[1], deployed[0]]);
    expect(asOfQuery.safeParse({ at: "yesterday" }).error?.issues[0]?.message).toBe("Give a date and time, e.g. 2026-11-01T12:00:00Z");
  });
});
