import { spawn, type ChildProcess } from "node:child_process";
import { db } from "@/lib/db";
import { saveIntegration } from "@/lib/environments/integrations";
import { AirflowFake } from "@/lib/integrations/testing/airflow-fake";
import { LakefsFake } from "@/lib/integrations/testing/lakefs-fake";
import { MlflowFake } from "@/lib/integrations/testing/mlflow-fake";
import type { PolicyInput } from "@/lib/promotions/policy-schema";
import { makeEnvironment, makeModel } from "@/lib/promotions/test-fixtures";
import { workerCommand } from "@/lib/ops/worker-process";
import { ctxOf } from "@/lib/test/factories";
import { until as pollUntil } from "@/lib/test/until";

// What the promotion fault tests share: an environment whose lakeFS, MLflow and Airflow
// are the stateful fakes (at their HTTP boundary, in this process, so the test can make
// them hang or fail and count what they did), models to promote, and the real worker
// process (`npm run worker`) that the test may SIGKILL.

export const DAG = "deploy_model";

/** Points this process's services at the test database (the fixtures write through them). */
export function useDatabase(url: string): void {
  process.env.DATABASE_URL = url;
}

export interface PromotionWorld {
  lakefs: LakefsFake;
  mlflow: MlflowFake;
  airflow: AirflowFake;
  env: { id: string; key: string; lakefsRepository: string };
  /** A model registered in the catalog and in MLflow, with one version passing the policy's gates. */
  newModel: () => Promise<Awaited<ReturnType<typeof makeModel>>>;
  stop: () => Promise<void>;
}

/**
 * An environment with its integrations configured to fresh fakes. `runningReads`: how many
 * reads a DAG run stays "running" before it succeeds (a window to act in between steps).
 */
export async function promotionWorld(policy: Partial<PolicyInput> = {}, opts: { runningReads?: number } = {}): Promise<PromotionWorld> {
  const lakefs = new LakefsFake();
  const mlflow = new MlflowFake();
  const airflow = new AirflowFake({ version: 3 });
  for (const f of [lakefs, mlflow, airflow]) await f.start(0);
  const { env, admin } = await makeEnvironment(policy);
  lakefs.createRepository(env.lakefsRepository, "main");
  lakefs.createBranch(env.lakefsRepository, "production", "main");
  lakefs.createBranch(env.lakefsRepository, "staging", "main");
  lakefs.commit(env.lakefsRepository, "staging", { message: "features v2", files: { "features/part-0.parquet": "v2" } });
  airflow.addDag(DAG, "success", opts.runningReads ?? 1);
  const ctx = ctxOf(admin);
  await saveIntegration(ctx, env.key, "lakefs", { baseUrl: lakefs.url, accessKeyId: lakefs.accessKeyId, secret: lakefs.secretAccessKey });
  await saveIntegration(ctx, env.key, "mlflow", { baseUrl: mlflow.url });
  await saveIntegration(ctx, env.key, "airflow", { baseUrl: airflow.url, username: airflow.config.username, airflowVersion: "3", secret: airflow.config.password });
  return {
    lakefs, mlflow, airflow, env,
    newModel: async () => {
      const m = await makeModel([{ auc: 0.9 }]);
      mlflow.createModelVersion(m.mlflowName);
      return m;
    },
    stop: async () => {
      await Promise.all([lakefs.stop(), mlflow.stop(), airflow.stop()]);
    },
  };
}

export interface WorkerProcess {
  child: ChildProcess;
  output: () => string;
  /** SIGKILL to the worker's process group: no cleanup of any kind. */
  kill9: () => Promise<void>;
}

const workers: WorkerProcess[] = [];

/** The worker as `npm start` runs it (one process, lib/ops/worker-process), in its own process group, with short poll and retry intervals. */
export function startWorker(databaseUrl: string, env: Record<string, string> = {}): WorkerProcess {
  const cmd = workerCommand();
  const child = spawn(cmd.command, cmd.args, {
    cwd: cmd.cwd, detached: true, stdio: ["ignore", "pipe", "pipe"],
    env: {
      ...process.env, DATABASE_URL: databaseUrl, DEMO_MODE: "true", LOG_LEVEL: process.env.WORKER_LOG_LEVEL ?? "warn",
      PROMOTION_SWEEP_MS: "300", PROMOTION_POLL_MS: "300", PROMOTION_RETRY_BASE_MS: "500", ...env,
    },
  });
  let out = "";
  const keep = (b: Buffer) => { out = (out + b.toString()).slice(-8000); };
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  const w: WorkerProcess = {
    child, output: () => out,
    kill9: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise<void>((r) => child.once("exit", () => r()));
      try {
        process.kill(-child.pid!, "SIGKILL");
      } catch {
        return; // already gone
      }
      await exited;
    },
  };
  workers.push(w);
  return w;
}

/** Kills every worker this file started (afterAll). */
export async function killWorkers(): Promise<void> {
  await Promise.all(workers.map((w) => w.kill9()));
}

/** lib/test/until with the fault suite's longer default (real processes restarting) and a 100 ms interval. */
export const until = <T>(what: string, fn: () => Promise<T | null | undefined | false>, timeoutMs = 90_000): Promise<T> => pollUntil(what, fn, timeoutMs, 100);

export const stepRow = (promotionId: string, step: string, operation = "execute") =>
  db().promotionStep.findFirst({ where: { promotionId, operation: operation as "execute", step: step as "lakefs_merge" } });

export const succeeded = async (promotionId: string, step: string) => {
  const row = await stepRow(promotionId, step);
  return row?.status === "succeeded" ? row : null;
};

/** Every step row of a promotion, as "operation.step:status", in the order they started. */
export async function stepsOf(promotionId: string): Promise<string[]> {
  const rows = await db().promotionStep.findMany({ where: { promotionId }, orderBy: { startedAt: "asc" } });
  return rows.map((s) => `${s.operation}.${s.step}:${s.status}`);
}

/** An API token with every scope for `userId`, written directly (the secret is needed in clear). */
export async function tokenFor(userId: string): Promise<string> {
  const { generateToken } = await import("@/lib/auth/tokens-crypto");
  const { token, prefix, hash } = generateToken();
  await db().apiToken.create({ data: { name: "fault test", prefix, hash, scopes: ["read", "promotions:write"], userId, createdById: userId } });
  return token;
}

/** The session cookie a signed-in browser sends (next-auth JWT signed with the portal's secret). */
export async function sessionCookie(user: { userId: string; email: string; name: string }, secret: string): Promise<string> {
  const { encode } = await import("next-auth/jwt");
  const jwt = await encode({ token: { sub: user.userId, uid: user.userId, email: user.email, name: user.name }, secret });
  return `next-auth.session-token=${jwt}`;
}

/** p-th percentile of unsorted samples. */
export function pct(samples: number[], p: number): number {
  const s = [...samples].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]! : NaN;
}
