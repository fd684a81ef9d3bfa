import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { ctxOf } from "@/lib/test/factories";
import { AirflowFake } from "@/lib/integrations/testing/airflow-fake";
import { LakefsFake } from "@/lib/integrations/testing/lakefs-fake";
import { MlflowFake } from "@/lib/integrations/testing/mlflow-fake";
import { saveIntegration } from "@/lib/environments/integrations";
import { requestPromotion } from "@/lib/promotions/request";
import { decidePromotion } from "@/lib/promotions/decide";
import { approvers, makeEnvironment, makeModel } from "@/lib/promotions/test-fixtures";

// The real worker process (scripts/worker.ts) against the stateful fakes at their HTTP
// boundary. It is SIGKILLed between the lakeFS merge and the MLflow alias move; after a
// restart (two workers at once) the promotion completes with exactly one of each call.
// Demo mode is on only so the process's sign-in settings parse; the configured
// integrations (the fakes below) take precedence over the built-in demo fakes.
process.env.ENCRYPTION_KEY ??= "test-encryption-key-0123456789abcdef";
const ROOT = path.resolve(import.meta.dirname, "../../..");
const children: ChildProcess[] = [];

function startWorker(): ChildProcess {
  const child = spawn(path.join(ROOT, "node_modules/.bin/tsx"), ["--conditions=react-server", path.join(ROOT, "scripts/worker.ts")], {
    cwd: ROOT,
    env: { ...process.env, DEMO_MODE: "true", PROMOTION_SWEEP_MS: "300", PROMOTION_POLL_MS: "200", LOG_LEVEL: process.env.WORKER_LOG_LEVEL ?? "warn" },
    stdio: ["ignore", "inherit", "inherit"],
  });
  children.push(child);
  return child;
}

async function until<T>(what: string, fn: () => Promise<T | null | undefined | false>, timeoutMs = 150_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

afterAll(async () => {
  for (const c of children) if (c.exitCode === null) c.kill("SIGKILL");
});

describe("promotion worker", () => {
  it("loses and duplicates nothing when killed between the merge and the alias move", async () => {
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
      const admin = ctxOf(await (await import("@/lib/test/factories")).makeActor(["admin"]));
      await saveIntegration(admin, env.key, "lakefs", { baseUrl: lakefs.url, accessKeyId: lakefs.accessKeyId, secret: lakefs.secretAccessKey });
      await saveIntegration(admin, env.key, "mlflow", { baseUrl: mlflow.url });
      await saveIntegration(admin, env.key, "airflow", { baseUrl: airflow.url, username: airflow.config.username, airflowVersion: "3", secret: (airflow.config as { password: string }).password });

      // The alias step's first call hangs, so the worker is caught right after the merge was recorded.
      mlflow.inject("getModelVersionByAlias", { kind: "hang" }, 1);
      const id = await requestPromotion(ctxOf(m.owner), { modelVersionId: m.versionIds[0]!, environment: env.key, strategy: "direct", strategyConfig: {}, justification: "Promote the tuned model.", submit: true, sourceRef: "staging" });
      for (const a of await approvers(2)) await decidePromotion(ctxOf(a), id, { decision: "approve", comment: "" });

      const first = startWorker();
      await until("the merge to be recorded", () => db().promotionStep.findFirst({ where: { promotionId: id, operation: "execute", step: "lakefs_merge", status: "succeeded" } }));
      first.kill("SIGKILL");
      await until("the first worker to die", async () => first.exitCode !== null || first.signalCode !== null);
      expect(lakefs.count("mergeIntoBranch")).toBe(1);
      expect(mlflow.count("setRegisteredModelAlias")).toBe(0);

      startWorker();
      startWorker();
      const done = await until("the promotion to finish", async () => {
        const p = await db().promotion.findUniqueOrThrow({ where: { id } });
        return ["succeeded", "failed"].includes(p.state) ? p : null;
      }, 150_000);
      expect(done.state).toBe("succeeded");
      expect(lakefs.count("mergeIntoBranch")).toBe(1);
      expect(mlflow.count("setRegisteredModelAlias")).toBe(1);
      expect(airflow.count(airflow.triggerOperation)).toBe(1);
      expect(airflow.runsOf("deploy_model")).toHaveLength(1);
      expect(mlflow.alias(m.mlflowName, "champion")).toBe("1");
      const steps = await db().promotionStep.findMany({ where: { promotionId: id }, orderBy: { startedAt: "asc" } });
      expect(steps.map((s) => `${s.operation}.${s.step}:${s.status}`)).toEqual(["execute.lakefs_merge:succeeded", "execute.mlflow_alias:succeeded", "execute.airflow_trigger:succeeded", "execute.airflow_poll:succeeded"]);
      const deployment = await db().deployment.findFirst({ where: { environment: env.key, status: "active" } });
      expect(deployment).toMatchObject({ modelVersionId: m.versionIds[0], promotionId: id });
      const calls = await db().promotionEvent.count({ where: { promotionId: id, kind: "call" } });
      expect(calls).toBeGreaterThanOrEqual(4);
    } finally {
      for (const c of children) if (c.exitCode === null) c.kill("SIGKILL");
      await Promise.all([lakefs.stop(), mlflow.stop(), airflow.stop()]);
    }
  }, 420_000);
});
