import { spawn, type ChildProcess } from "node:child_process";
import { afterEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { ctxOf, makeActor } from "@/lib/test/factories";
import { AirflowFake } from "@/lib/integrations/testing/airflow-fake";
import { LakefsFake } from "@/lib/integrations/testing/lakefs-fake";
import { MlflowFake } from "@/lib/integrations/testing/mlflow-fake";
import { saveIntegration } from "@/lib/environments/integrations";
import { workerCommand } from "@/lib/ops/worker-process";
import { setUpPrivateDatabase } from "@/lib/test/private-database";
import { requestPromotion } from "@/lib/promotions/request";
import { decidePromotion } from "@/lib/promotions/decide";
import { approvers, makeEnvironment, makeModel } from "@/lib/promotions/test-fixtures";
import { until } from "@/lib/test/until";

// The real worker process (scripts/worker.ts) against the stateful fakes at their HTTP
// boundary. The fake lakeFS performs the merge but holds its answer back, so the worker is
// caught at the one moment that matters: the merge happened in lakeFS and nothing of it is
// recorded yet. It is SIGKILLed there; after a restart (two workers at once) the promotion
// completes with exactly one merge, one alias move and one DAG run. No timing guesses: every
// wait is for a recorded fact (a counter of the fake, a row, a process exit).
// Demo mode is on only so the process's sign-in settings parse; the configured
// integrations (the fakes below) take precedence over the demo fakes.
// The workers get a database of their own: they would execute other files' promotions too.
process.env.ENCRYPTION_KEY ??= "test-encryption-key-0123456789abcdef";
setUpPrivateDatabase("worker_kill");
const children: ChildProcess[] = [];

function startWorker(): ChildProcess {
  const { command, args, cwd } = workerCommand();
  const child = spawn(command, args, {
    cwd,
    env: { ...process.env, DEMO_MODE: "true", PROMOTION_SWEEP_MS: "200", PROMOTION_POLL_MS: "100", LOG_LEVEL: process.env.WORKER_LOG_LEVEL ?? "warn" },
    stdio: ["ignore", "inherit", "inherit"],
  });
  children.push(child);
  return child;
}

const gone = (c: ChildProcess) => c.exitCode !== null || c.signalCode !== null;


afterEach(async () => {
  // Stop every worker before the database is dropped, so none outlives the test.
  for (const c of children) if (!gone(c)) c.kill("SIGKILL");
  await until("the workers to exit", () => children.every(gone));
});

describe("promotion worker", () => {
  it("loses and duplicates nothing when SIGKILLed between the merge and the alias move", async () => {
    const lakefs = new LakefsFake();
    const mlflow = new MlflowFake();
    const airflow = new AirflowFake({ version: 3 });
    for (const f of [lakefs, mlflow, airflow]) await f.start(0);
    try {
      const { env } = await makeEnvironment();
      lakefs.createRepository(env.lakefsRepository, "main");
      lakefs.createBranch(env.lakefsRepository, "production", "main");
      lakefs.createBranch(env.lakefsRepository, "staging", "main");
      lakefs.commit(env.lakefsRepository, "staging", { message: "features v2", files: { "features/part-0.parquet": "v2" } });
      airflow.addDag("deploy_model", "success", 1);
      const m = await makeModel([{ auc: 0.9 }]);
      mlflow.createModelVersion(m.mlflowName);
      const admin = ctxOf(await makeActor(["admin"]));
      await saveIntegration(admin, env.key, "lakefs", { baseUrl: lakefs.url, accessKeyId: lakefs.accessKeyId, secret: lakefs.secretAccessKey });
      await saveIntegration(admin, env.key, "mlflow", { baseUrl: mlflow.url });
      await saveIntegration(admin, env.key, "airflow", { baseUrl: airflow.url, username: airflow.config.username, airflowVersion: "3", secret: airflow.config.password });

      // lakeFS merges, then keeps the answer: the worker waits for it when it is killed.
      lakefs.inject("mergeIntoBranch", { kind: "hold-after" }, 1);
      const id = await requestPromotion(ctxOf(m.owner), { modelVersionId: m.versionIds[0]!, environment: env.key, strategy: "direct", strategyConfig: {}, justification: "Promote the tuned model.", submit: true, sourceRef: "staging" });
      for (const a of await approvers(2)) await decidePromotion(ctxOf(a), id, { decision: "approve", comment: "" });

      const first = startWorker();
      await until("lakeFS to perform the merge", () => lakefs.count("mergeIntoBranch") === 1);
      first.kill("SIGKILL");
      await until("the first worker to die", () => gone(first));
      // The kill landed in the window: merged in lakeFS, not recorded, alias untouched.
      const merge = await db().promotionStep.findFirstOrThrow({ where: { promotionId: id, operation: "execute", step: "lakefs_merge" } });
      expect(merge.status).toBe("running");
      expect(mlflow.count("setRegisteredModelAlias")).toBe(0);

      startWorker();
      startWorker();
      const done = await until("the promotion to finish", async () => {
        const p = await db().promotion.findUniqueOrThrow({ where: { id } });
        return ["succeeded", "failed"].includes(p.state) ? p : null;
      });
      expect(done.state).toBe("succeeded");
      expect(lakefs.count("mergeIntoBranch")).toBe(1);
      expect(lakefs.merges).toHaveLength(1);
      expect(mlflow.count("setRegisteredModelAlias")).toBe(1);
      expect(airflow.count(airflow.triggerOperation)).toBe(1);
      expect(airflow.runsOf("deploy_model")).toHaveLength(1);
      expect(mlflow.alias(m.mlflowName, "champion")).toBe("1");
      const steps = await db().promotionStep.findMany({ where: { promotionId: id }, orderBy: { startedAt: "asc" } });
      expect(steps.map((s) => `${s.operation}.${s.step}:${s.status}`)).toEqual(["execute.lakefs_merge:succeeded", "execute.mlflow_alias:succeeded", "execute.airflow_trigger:succeeded", "execute.airflow_poll:succeeded"]);
      // The restarted worker found the merge by its marker instead of merging again.
      expect(steps[0]).toMatchObject({ attempts: 2, result: expect.objectContaining({ reused: true, mergeCommitId: lakefs.merges[0]!.commitId }) });
      const deployment = await db().deployment.findFirst({ where: { environment: env.key, status: "active" } });
      expect(deployment).toMatchObject({ modelVersionId: m.versionIds[0], promotionId: id });
    } finally {
      await Promise.all([lakefs.stop(), mlflow.stop(), airflow.stop()]);
    }
  }, 60_000);
});
