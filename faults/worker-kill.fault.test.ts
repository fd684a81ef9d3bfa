import { afterAll, describe, expect, it } from "vitest";
import type { BenchDatabase } from "@/bench/lib/database";
import { freshDatabase } from "@/bench/lib/database";
import { db } from "@/lib/db";
import { decidePromotion } from "@/lib/promotions/decide";
import { requestPromotion } from "@/lib/promotions/request";
import { approvers } from "@/lib/promotions/test-fixtures";
import { ctxOf } from "@/lib/test/factories";
import { auditVerify, say } from "./support/portal";
import { DAG, killWorkers, promotionWorld, startWorker, stepRow, stepsOf, succeeded, until, useDatabase, type PromotionWorld } from "./support/promotion-world";

// The worker is SIGKILLed between each pair of execution steps of ONE promotion
// (merge → alias, alias → trigger, trigger → poll), a fresh worker taking over each
// time, and two at once for the last stretch. The promotion must end succeeded with
// every outside effect exactly once: one merge, one alias move, one DAG run.
//
// How the worker is caught between two steps: the first call of the next step hangs
// at the fake (or, before the poll, the DAG run stays "running" for a few reads), so
// the previous step's row is recorded as succeeded and the worker is still inside the
// next one when it is killed.

const T = "worker SIGKILLed between each pair of promotion steps";

describe("fault: promotion worker SIGKILLed between steps", () => {
  let database: BenchDatabase | undefined;
  let world: PromotionWorld | undefined;
  afterAll(async () => {
    await killWorkers();
    await world?.stop();
    await db().$disconnect();
    await database?.drop();
  });

  it("ends succeeded after three kills, with no step's effect done twice", async () => {
    database = await freshDatabase("faults_worker");
    useDatabase(database.url);
    // 20 "running" reads at a 300 ms poll: ~6 s between the trigger and the poll's end to kill in.
    world = await promotionWorld({ requiredApprovals: 2 }, { runningReads: 20 });
    const { lakefs, mlflow, airflow } = world;
    const m = await world.newModel();
    const id = await requestPromotion(ctxOf(m.owner), { modelVersionId: m.versionIds[0]!, environment: world.env.key, strategy: "direct", strategyConfig: {}, justification: "Promote the tuned churn model.", submit: true, sourceRef: "staging" });
    for (const a of await approvers(2)) await decidePromotion(ctxOf(a), id, { decision: "approve", comment: "" });
    expect((await db().promotion.findUniqueOrThrow({ where: { id } })).state).toBe("approved");
    say(T, `promotion ${id} approved (2 of 2); fakes for lakeFS, MLflow and Airflow 3 configured as the environment's integrations`);

    // 1. merge → alias: the alias step's first MLflow read hangs.
    mlflow.inject("getModelVersionByAlias", { kind: "hang" }, Infinity);
    const w1 = startWorker(database.url);
    await until("the merge to be recorded", () => succeeded(id, "lakefs_merge"));
    await w1.kill9();
    expect(lakefs.count("mergeIntoBranch")).toBe(1);
    expect(mlflow.count("setRegisteredModelAlias")).toBe(0);
    expect(await stepRow(id, "mlflow_alias").then((r) => r?.status ?? "not started")).not.toBe("succeeded");
    say(T, "kill 1: worker SIGKILLed after the merge was recorded, inside the alias step (MLflow read hanging): 1 merge, 0 alias moves");

    // 2. alias → trigger: the trigger step's first Airflow read hangs.
    mlflow.server.clearFaults();
    airflow.inject("get_dag_run", { kind: "hang" }, Infinity);
    const w2 = startWorker(database.url);
    await until("the alias move to be recorded", () => succeeded(id, "mlflow_alias"));
    await w2.kill9();
    expect(lakefs.count("mergeIntoBranch")).toBe(1);
    expect(mlflow.count("setRegisteredModelAlias")).toBe(1);
    expect(airflow.count(airflow.triggerOperation)).toBe(0);
    say(T, "kill 2: a new worker found the merge done (not merged again), moved the alias, and was SIGKILLed inside the trigger step (Airflow read hanging): 1 merge, 1 alias move, 0 DAG runs");

    // 3. trigger → poll: the DAG run stays "running" for 20 reads.
    airflow.server.clearFaults();
    const w3 = startWorker(database.url);
    await until("the DAG trigger to be recorded", () => succeeded(id, "airflow_trigger"));
    await w3.kill9();
    const poll = await stepRow(id, "airflow_poll");
    expect(poll?.status ?? "not started", "killed before the poll finished").not.toBe("succeeded");
    expect(airflow.runsOf(DAG)).toHaveLength(1);
    say(T, `kill 3: a third worker triggered the DAG run and was SIGKILLed while polling it (run ${airflow.runsOf(DAG)[0]!.state}): 1 merge, 1 alias move, 1 DAG run`);

    // 4. Two workers at once finish it (the advisory lock lets one drive the promotion).
    startWorker(database.url);
    startWorker(database.url);
    const done = await until("the promotion to finish", async () => {
      const p = await db().promotion.findUniqueOrThrow({ where: { id } });
      return ["succeeded", "failed", "compensating"].includes(p.state) ? p : null;
    });
    expect(done.state).toBe("succeeded");
    expect(lakefs.count("mergeIntoBranch")).toBe(1);
    expect(lakefs.merges).toHaveLength(1);
    expect(mlflow.count("setRegisteredModelAlias")).toBe(1);
    expect(mlflow.aliasMoves).toHaveLength(1);
    expect(mlflow.alias(m.mlflowName, "champion")).toBe("1");
    expect(airflow.count(airflow.triggerOperation)).toBe(1);
    expect(airflow.runsOf(DAG)).toHaveLength(1);
    expect(airflow.runsOf(DAG)[0]!.state).toBe("success");
    expect(await stepsOf(id)).toEqual(["execute.lakefs_merge:succeeded", "execute.mlflow_alias:succeeded", "execute.airflow_trigger:succeeded", "execute.airflow_poll:succeeded"]);
    const deployments = await db().deployment.findMany({ where: { environment: world.env.key, promotionId: id } });
    expect(deployments.map((d) => d.status)).toEqual(["active"]);
    say(T, "two workers started together finished it: succeeded; 1 merge, 1 alias move (to version 1), 1 trigger, 1 DAG run (success); the 4 execute steps recorded once each, all succeeded; 1 active deployment");

    say(T, auditVerify(database.url));
  });
});
