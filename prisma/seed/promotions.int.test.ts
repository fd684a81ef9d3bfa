import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { DemoIntegrations } from "@/lib/integrations/testing/demo";
import { setUpPrivateDatabase } from "@/lib/test/private-database";
import { actorOf } from "@/lib/test/factories";
import { approvalsInbox } from "@/lib/promotions/inbox";
import { startWorkerDemoIntegrations } from "@/lib/promotions/execution/demo-integrations";
import { portsResolver } from "@/lib/promotions/execution/ports-for";
import { startPromotionWorker } from "@/lib/promotions/execution/worker";
import { seed } from "@/prisma/seed";
import { seedPromotions } from "@/prisma/seed/promotions";
import { until } from "@/lib/test/until";

// The demo data on a fresh database, as `npm start` loads it on first start: promotions in every
// state, the inbox with something to decide, and the in-flight ones carried to the end by a
// demo-mode worker against the demo fakes (labelled as such).
setUpPrivateDatabase("seed_promotions"); // the worker below sweeps every in-flight promotion

let stop: (() => Promise<void>) | undefined;
afterAll(() => stop?.());


describe("promotions demo seed", () => {
  it("has every state, gives approvers something to decide, is idempotent, and its in-flight promotions finish against the demo fakes", async () => {
    await seed(process.env.DATABASE_URL!);
    const states = async () => (await db().promotion.groupBy({ by: ["state"], _count: true })).map((g) => g.state).sort();
    expect(await states()).toEqual(["approved", "cancelled", "draft", "executing", "failed", "pending_approval", "rejected", "rollback_pending", "rolled_back", "succeeded"]);
    const count = await db().promotion.count();
    const withoutGates = await db().promotion.count({ where: { gateResults: { none: {} } } });
    expect(withoutGates).toBe(0);

    const alex = await db().user.findUniqueOrThrow({ where: { email: "alex.approver@demo.local" }, include: { roles: true, memberships: true } });
    const inbox = await approvalsInbox(actorOf(alex, alex.roles.map((r) => r.role), alex.memberships.map((m) => m.teamId)));
    expect(inbox.items.map((p) => [p.purpose, p.canDecide])).toEqual(expect.arrayContaining([["promotion", true], ["rollback", true]]));
    // The rollback waiting in prod would bring back what ran there before demand-forecast v2: v1.
    expect(inbox.items.find((p) => p.purpose === "rollback")).toMatchObject({ model: { name: "demand-forecast", version: "2" }, environment: { key: "prod" }, current: { version: "2" }, candidate: { version: "1" } });

    await seedPromotions(db()); // again, as every later `npm run db:seed` does
    expect(await db().promotion.count()).toBe(count);

    // As scripts/worker.ts does: one set of demo fakes per worker, started on first use.
    let starting: Promise<DemoIntegrations> | undefined;
    const worker = await startPromotionWorker({
      databaseUrl: process.env.DATABASE_URL!,
      portsFor: portsResolver({ demo: true, demoIntegrations: () => (starting ??= startWorkerDemoIntegrations(0)) }),
      pollIntervalMs: 50, maxStepAttempts: 2, retryDelayMs: () => 100, dispatchIntervalMs: 100, sweepIntervalMs: 600_000,
    });
    stop = async () => {
      await worker.stop();
      await (await starting)?.stop();
    };
    const inFlight = await db().promotion.findMany({ where: { state: { in: ["approved", "executing"] } }, select: { id: true } });
    expect(inFlight).toHaveLength(2);
    const done = await until("the in-flight promotions to finish", async () => {
      const rows = await db().promotion.findMany({ where: { id: { in: inFlight.map((p) => p.id) } }, include: { steps: true } });
      return rows.every((p) => ["succeeded", "failed"].includes(p.state)) ? rows : null;
    });
    for (const p of done) {
      expect(p).toMatchObject({ state: "succeeded", usedFakes: true });
      expect(p.steps.filter((s) => s.operation === "execute").map((s) => s.status)).toEqual(["succeeded", "succeeded", "succeeded", "succeeded"]);
    }
    // The one caught in the middle of its merge merged once, not twice; each ran one deploy.
    const demo = await starting;
    expect(demo!.fakes.lakefs.count("mergeIntoBranch")).toBe(2);
    expect(demo!.fakes.airflow.count(demo!.fakes.airflow.triggerOperation)).toBe(2);
    const active = await db().deployment.findMany({ where: { status: "active", modelVersion: { asset: { name: "credit-risk-pd" }, version: "3" } }, select: { environment: true } });
    expect(active.map((d) => d.environment).sort()).toEqual(["dev", "staging"]);
  }, 90_000);
});
