import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { ctxOf, makeActor } from "@/lib/test/factories";
import { setUpPrivateDatabase } from "@/lib/test/private-database";
import { AirflowFake } from "@/lib/integrations/testing/airflow-fake";
import { LakefsFake } from "@/lib/integrations/testing/lakefs-fake";
import { MlflowFake } from "@/lib/integrations/testing/mlflow-fake";
import { saveIntegration } from "@/lib/environments/integrations";
import { decidePromotion, requestRollback } from "@/lib/promotions/decide";
import { requestPromotion } from "@/lib/promotions/request";
import { portsResolver } from "@/lib/promotions/execution/ports-for";
import { startPromotionWorker } from "@/lib/promotions/execution/worker";
import { approvers, makeEnvironment, makeModel } from "@/lib/promotions/test-fixtures";
import { until } from "@/lib/test/until";

// One-step rollback through the real worker code (outbox → pg-boss → advance → steps → typed
// clients) against the stateful fakes at their HTTP boundary. The environment's rollback policy
// wants one approver: nothing is touched before that approval. The rollback then reverts the
// lakeFS merge, moves the MLflow alias back, runs the deploy DAG for the previous version, and
// the catalog says the previous version runs again; every step is in the audit log.
process.env.ENCRYPTION_KEY ??= "test-encryption-key-0123456789abcdef";
setUpPrivateDatabase("rollback"); // the worker below would otherwise execute other files' promotions

const lakefs = new LakefsFake();
const mlflow = new MlflowFake();
const airflow = new AirflowFake({ version: 3 });
let worker: Awaited<ReturnType<typeof startPromotionWorker>> | undefined;

beforeAll(async () => {
  for (const f of [lakefs, mlflow, airflow]) await f.start(0);
  worker = await startPromotionWorker({
    databaseUrl: process.env.DATABASE_URL!,
    portsFor: portsResolver({ demo: false, demoIntegrations: () => Promise.reject(new Error("no demo fakes in this test")) }),
    pollIntervalMs: 50,
    maxStepAttempts: 2,
    retryDelayMs: () => 100,
    dispatchIntervalMs: 100,
    // The outbox, not the sweeper, must carry each approval to execution.
    sweepIntervalMs: 600_000,
  });
});
afterAll(async () => {
  await worker?.stop();
  await Promise.all([lakefs.stop(), mlflow.stop(), airflow.stop()]);
});

const settled = (id: string, states: string[]) => until(`promotion to reach ${states.join(" or ")}`, async () => {
  const p = await db().promotion.findUniqueOrThrow({ where: { id } });
  return states.includes(p.state) ? p : null;
});

describe("one-step rollback", () => {
  it("after its approval reverts the merge, moves the alias back and redeploys the previous version, audited", async () => {
    const { env } = await makeEnvironment({ rollbackApprovals: 1 });
    const repo = env.lakefsRepository;
    lakefs.createRepository(repo, "main");
    lakefs.createBranch(repo, "production", "main");
    lakefs.createBranch(repo, "staging", "main");
    airflow.addDag("deploy_model", "success", 1);
    const m = await makeModel([{ auc: 0.85 }, { auc: 0.9 }]);
    mlflow.createModelVersion(m.mlflowName);
    mlflow.createModelVersion(m.mlflowName);
    const admin = ctxOf(await makeActor(["admin"]));
    await saveIntegration(admin, env.key, "lakefs", { baseUrl: lakefs.url, accessKeyId: lakefs.accessKeyId, secret: lakefs.secretAccessKey });
    await saveIntegration(admin, env.key, "mlflow", { baseUrl: mlflow.url });
    await saveIntegration(admin, env.key, "airflow", { baseUrl: airflow.url, username: airflow.config.username, airflowVersion: "3", secret: airflow.config.password });
    const [ana, alex] = await approvers(2);

    // v1, then v2 go to production, each through its own merge of the staging data of the time.
    const promote = async (i: number, data: string) => {
      lakefs.commit(repo, "staging", { message: `features ${data}`, files: { "features/part-0.parquet": data } });
      const id = await requestPromotion(ctxOf(m.owner), { modelVersionId: m.versionIds[i]!, environment: env.key, strategy: "direct", strategyConfig: {}, justification: `Promote v${i + 1}.`, submit: true, sourceRef: "staging" });
      for (const a of [ana!, alex!]) await decidePromotion(ctxOf(a), id, { decision: "approve", comment: "" });
      expect((await settled(id, ["succeeded", "failed"])).state).toBe("succeeded");
      return id;
    };
    const first = await promote(0, "v1 data");
    const productionWithV1 = lakefs.files(repo, "production");
    // A rollback of v1 is asked for, but v2 replaces v1 before anyone approves it.
    expect(await requestRollback(ctxOf(ana!), first, "Too slow.")).toEqual({ state: "rollback_pending" });
    const second = await promote(1, "v2 data");
    expect(lakefs.files(repo, "production")).toEqual({ "features/part-0.parquet": "v2 data" });
    expect(mlflow.alias(m.mlflowName, "champion")).toBe("2");
    const v2Merge = (await db().promotionStep.findUniqueOrThrow({ where: { promotionId_operation_step: { promotionId: second, operation: "execute", step: "lakefs_merge" } } })).result as { mergeCommitId: string };

    // Only the newest promotion of a model in an environment can be rolled back: approving v1's rollback now would undo v2.
    await expect(decidePromotion(ctxOf(alex!), first, { decision: "approve", comment: "" })).rejects.toMatchObject({ code: "conflict", message: expect.stringContaining("replaced this one") });
    expect((await db().promotion.findUniqueOrThrow({ where: { id: first } })).state).toBe("rollback_pending");

    // The policy wants one approver, and not the one who asked: nothing moves until then.
    expect(await requestRollback(ctxOf(ana!), second, "Bias on the holiday week.")).toEqual({ state: "rollback_pending" });
    await expect(decidePromotion(ctxOf(ana!), second, { decision: "approve", comment: "" })).rejects.toMatchObject({ code: "forbidden" });
    expect(await db().outboxMessage.count({ where: { payload: { path: ["promotionId"], equals: second }, dispatchedAt: null } })).toBe(0);
    expect(lakefs.reverts).toHaveLength(0);
    expect((await db().promotion.findUniqueOrThrow({ where: { id: second } })).state).toBe("rollback_pending");

    expect(await decidePromotion(ctxOf(alex!), second, { decision: "approve", comment: "Roll back." })).toMatchObject({ state: "rolling_back", approvals: 1, required: 1 });
    const done = await settled(second, ["rolled_back", "failed"]);
    expect(done).toMatchObject({ state: "rolled_back", rolledBackAt: expect.any(Date) });

    // lakeFS: the merge of v2 is reverted, so production holds v1's data again.
    expect(lakefs.reverts).toEqual([expect.objectContaining({ repository: repo, branch: "production", ref: v2Merge.mergeCommitId })]);
    expect(lakefs.files(repo, "production")).toEqual(productionWithV1);
    // MLflow: the alias is back on version 1 (moves: unset → 1 → 2 → 1).
    expect(mlflow.alias(m.mlflowName, "champion")).toBe("1");
    expect(mlflow.count("setRegisteredModelAlias")).toBe(3);
    // Airflow: the deploy DAG ran for the previous version, under a run id of the rollback.
    const rollbackRuns = airflow.runsOf("deploy_model").filter((r) => r.conf.operation === "rollback");
    expect(rollbackRuns).toEqual([expect.objectContaining({ state: "success", runId: expect.stringContaining("-rollback-"), conf: expect.objectContaining({ promotion_id: second, model_version_id: m.versionIds[0], version: "1", mlflow_version: "1" }) })]);
    // The catalog: v1 runs again (under its own promotion), v2 is retired.
    const active = await db().deployment.findMany({ where: { environment: env.key, status: "active" } });
    expect(active).toEqual([expect.objectContaining({ modelVersionId: m.versionIds[0], promotionId: first })]);
    // The audit log: who asked, who approved, and each step done to the outside systems.
    const audit = await db().auditEvent.findMany({ where: { entityType: "promotion", entityId: second, action: { startsWith: "promotion.rollback" } }, orderBy: { seq: "asc" } });
    expect(audit.map((e) => [e.action, e.actorType === "user" ? e.actorId : e.actorType])).toEqual([
      ["promotion.rollback_requested", ana!.userId],
      ["promotion.rollback_approve", alex!.userId],
      ["promotion.rollback_lakefs_merge", "system"],
      ["promotion.rollback_mlflow_alias", "system"],
      ["promotion.rollback_airflow_trigger", "system"],
      ["promotion.rollback_airflow_poll", "system"],
      ["promotion.rollback_done", "system"],
    ]);
  }, 60_000);
});
