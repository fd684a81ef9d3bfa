import { afterAll, describe, expect, it } from "vitest";
import { freshDatabase, type BenchDatabase } from "@/bench/lib/database";
import { db } from "@/lib/db";
import { decidePromotion } from "@/lib/promotions/decide";
import { requestPromotion } from "@/lib/promotions/request";
import { approvers } from "@/lib/promotions/test-fixtures";
import { ctxOf, makeActor } from "@/lib/test/factories";
import { portalPort } from "./support/ports";
import { auditVerify, say, SECRET, startPortal, type Portal } from "./support/portal";
import { DAG, killWorkers, pct, promotionWorld, sessionCookie, startWorker, stepRow, until, useDatabase, type PromotionWorld } from "./support/promotion-world";

// The outside systems misbehave while promotions run: lakeFS hangs on a merge, MLflow
// answers 500 to an alias move, Airflow answers 500 to a trigger (once, then for good).
// Each step must time out or fail, retry within its budget and either finish (with
// every effect once) or fail for good and undo what was done, all within the budget;
// meanwhile the portal's pages, which never call those systems, must stay fast.

const T = "outside systems hanging and answering 500";
// The worker's budget for one step: PROMOTION_STEP_ATTEMPTS attempts, each inside the
// integration client's own budget (30 s: its timeouts and retries), plus the waits between.
const STEP_ATTEMPTS = 3;
const CLIENT_BUDGET_MS = 30_000;
const STEP_BUDGET_MS = STEP_ATTEMPTS * CLIENT_BUDGET_MS + 2_000;

type Sample = { path: string; status: number; ms: number };

describe("fault: lakeFS, MLflow and Airflow hanging or answering 500", () => {
  let database: BenchDatabase | undefined;
  let world: PromotionWorld | undefined;
  let portal: Portal | undefined;
  afterAll(async () => {
    await killWorkers();
    await portal?.stop();
    await world?.stop();
    await db().$disconnect();
    await database?.drop();
  });

  it("steps time out and retry within their budget, failures undo cleanly, and pages stay fast", async () => {
    database = await freshDatabase("faults_outside");
    useDatabase(database.url);
    world = await promotionWorld({ requiredApprovals: 1 });
    const { lakefs, mlflow, airflow } = world;
    const viewer = await makeActor(["admin"]);
    const cookie = await sessionCookie(viewer, SECRET);
    portal = await startPortal(portalPort(2), database.url);
    startWorker(database.url, { PROMOTION_STEP_ATTEMPTS: String(STEP_ATTEMPTS) });

    const m1 = await world.newModel();
    const p1 = await requestPromotion(ctxOf(m1.owner), { modelVersionId: m1.versionIds[0]!, environment: world.env.key, strategy: "direct", strategyConfig: {}, justification: "Promote through flaky systems.", submit: true, sourceRef: "staging" });

    // Pages and API reads of that promotion, in a loop, for as long as the systems misbehave.
    const samples: Sample[] = [];
    let loading = true;
    const paths = [`/promotions/${p1}`, `/api/v1/promotions/${p1}`, "/approvals", "/delivery"];
    const pageLoop = (async () => {
      for (let i = 0; loading; i++) {
        const path = paths[i % paths.length]!;
        const t0 = performance.now();
        const res = await fetch(portal!.url + path, { headers: { cookie }, redirect: "manual", signal: AbortSignal.timeout(20_000) });
        const ms = performance.now() - t0; // time to first byte (headers)
        await res.arrayBuffer();
        samples.push({ path, status: res.status, ms });
      }
    })();

    // 1. Transient trouble on every system: the promotion must still succeed, each effect once.
    lakefs.inject("mergeIntoBranch", { kind: "hang" }, 1);
    mlflow.inject("setRegisteredModelAlias", { kind: "status", status: 500 }, 2);
    airflow.inject(airflow.triggerOperation, { kind: "status", status: 500 }, 1);
    const [approver] = await approvers(1);
    await decidePromotion(ctxOf(approver!), p1, { decision: "approve", comment: "" });
    const approvedAt = Date.now();
    say(T, "promotion 1 approved; lakeFS merge hangs once, MLflow alias move answers 500 twice, Airflow trigger answers 500 once");
    const done1 = await until("promotion 1 to finish", async () => {
      const p = await db().promotion.findUniqueOrThrow({ where: { id: p1 } });
      return ["succeeded", "failed"].includes(p.state) ? p : null;
    }, 3 * STEP_BUDGET_MS);
    const took1 = Date.now() - approvedAt;
    expect(done1.state).toBe("succeeded");
    expect(lakefs.merges).toHaveLength(1);
    expect(mlflow.aliasMoves).toHaveLength(1);
    expect(airflow.runsOf(DAG)).toHaveLength(1);
    const merge = await stepRow(p1, "lakefs_merge");
    const trigger = await stepRow(p1, "airflow_trigger");
    expect(merge).toMatchObject({ status: "succeeded", attempts: 2 });
    expect(trigger).toMatchObject({ status: "succeeded", attempts: 1 });
    for (const s of [merge!, trigger!]) expect(s.finishedAt!.getTime() - s.startedAt.getTime()).toBeLessThan(STEP_BUDGET_MS);
    const calls = await db().promotionEvent.findMany({ where: { promotionId: p1, kind: "call" }, orderBy: { id: "asc" } });
    const timedOut = calls.filter((c) => c.step === "execute.lakefs_merge" && c.responseStatus === null && /timeout/.test(c.message));
    const alias500 = calls.filter((c) => c.step === "execute.mlflow_alias" && c.responseStatus === 500);
    const trigger500 = calls.filter((c) => c.step === "execute.airflow_trigger" && c.responseStatus === 500);
    expect(timedOut.length, "the hanging merge is on the timeline as a timeout").toBe(1);
    expect(alias500.length, "both MLflow 500s are on the timeline").toBe(2);
    expect(trigger500.length, "the Airflow 500 is on the timeline").toBe(1);
    // A merge is not idempotent, so its timeout is retried as a new step attempt (which
    // first looks for the merge); the alias move and the trigger (with its run id) are,
    // so the client retries their 500s itself.
    const retries = await db().promotionEvent.count({ where: { promotionId: p1, kind: "step", message: { contains: "retrying in" } } });
    expect(retries).toBe(1);
    say(T, `promotion 1 succeeded in ${(took1 / 1000).toFixed(1)} s: the merge timed out after ${timedOut[0]!.durationMs} ms and succeeded on the step's 2nd attempt; the client retried the alias move past two 500s and the trigger past one; 1 merge, 1 alias move, 1 DAG run; every call on the timeline`);

    // 2. Airflow answers 500 for good: the trigger fails after its attempts, the merge and alias are undone.
    airflow.inject(airflow.triggerOperation, { kind: "status", status: 500 }, Infinity);
    const m2 = await world.newModel();
    const p2 = await requestPromotion(ctxOf(m2.owner), { modelVersionId: m2.versionIds[0]!, environment: world.env.key, strategy: "direct", strategyConfig: {}, justification: "Promote while Airflow is down.", submit: true, sourceRef: "staging" });
    await decidePromotion(ctxOf(approver!), p2, { decision: "approve", comment: "" });
    const approved2 = Date.now();
    const done2 = await until("promotion 2 to fail and undo", async () => {
      const p = await db().promotion.findUniqueOrThrow({ where: { id: p2 } });
      return ["succeeded", "failed"].includes(p.state) ? p : null;
    }, 3 * STEP_BUDGET_MS);
    const took2 = Date.now() - approved2;
    expect(done2.state).toBe("failed");
    expect(done2.failureStep).toBe("execute.airflow_trigger");
    expect(await stepRow(p2, "airflow_trigger")).toMatchObject({ status: "failed", attempts: STEP_ATTEMPTS });
    expect(took2).toBeLessThan(STEP_BUDGET_MS);
    expect(lakefs.merges).toHaveLength(2);
    expect(lakefs.reverts).toHaveLength(1);
    expect(mlflow.alias(m2.mlflowName, "champion")).toBeUndefined();
    expect(mlflow.alias(m1.mlflowName, "champion")).toBe("1");
    expect(airflow.runsOf(DAG)).toHaveLength(1);
    say(T, `promotion 2 (Airflow trigger answering 500 for good) failed after ${STEP_ATTEMPTS} attempts in ${(took2 / 1000).toFixed(1)} s (budget ${STEP_BUDGET_MS / 1000} s) and undid its merge (1 revert) and its alias move; promotion 1's alias untouched; no extra DAG run`);

    loading = false;
    await pageLoop;
    const bad = samples.filter((s) => s.status !== 200);
    const ms = samples.map((s) => s.ms);
    say(T, `pages and API reads during the faults: ${samples.length} answers, p50 ${pct(ms, 50).toFixed(0)} ms, p95 ${pct(ms, 95).toFixed(0)} ms, slowest ${Math.max(...ms).toFixed(0)} ms; statuses ${[...new Set(samples.map((s) => s.status))].join("/")}`);
    expect(bad, JSON.stringify(bad.slice(0, 3))).toEqual([]);
    expect(samples.length).toBeGreaterThan(20);
    // A page waiting on a hung system would take the client's 10 s timeout; these never call out.
    expect(Math.max(...ms)).toBeLessThan(5_000);
    expect(pct(ms, 95)).toBeLessThan(1_000);
    say(T, "checked: every page and read answered 200, none waited on the hanging or failing systems (slowest < 5 s, p95 < 1 s)");

    await portal.stop();
    portal = undefined;
    say(T, auditVerify(database.url));
  });
});
