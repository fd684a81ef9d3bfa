import type { ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { EnvError, parseEnv } from "@/lib/env";
import { migrate } from "@/lib/migrate/migrate";
import { buildNeeded } from "@/lib/ops/build-freshness";
import { startChild, runToEnd, stopChild, waitForExit } from "@/lib/ops/child";
import { workerCommand } from "@/lib/ops/worker-process";
import { startEmbeddedDb, type EmbeddedDb } from "@/lib/ops/embedded-db";
import { clearRunning, PG_DIR, persistentSecret, writeRunning } from "@/lib/ops/local-data";
import { seed } from "../prisma/seed";

// `npm start`: the whole portal on one machine. Without DATABASE_URL it runs an
// embedded PostgreSQL kept in .data/, migrates, loads demo data on the first run,
// builds when the sources are newer than the build, and serves `next start` (plus
// the background worker). Ctrl-C or SIGTERM stops the web server and the worker
// first, then the database.

const root = path.resolve(import.meta.dirname, "..");
const bin = (name: string) => path.join(root, "node_modules", ".bin", name);
const say = (line: string) => console.log(`[start] ${line}`);
const port = Number(process.env.PORT || 3000);

let database: EmbeddedDb | undefined;
const children = new Set<ChildProcess>();
let stopping = false;

async function shutdown(code: number, why?: string): Promise<never> {
  if (!stopping) {
    stopping = true;
    if (why) say(why);
    if (children.size) say("stopping the web server and worker");
    await Promise.all([...children].map((c) => stopChild(c)));
    if (database) {
      say("stopping the embedded PostgreSQL");
      await database.stop().catch((e: Error) => console.error(e.message));
      clearRunning();
    }
    say("stopped");
    process.exit(code);
  }
  return new Promise<never>(() => {});
}
process.on("SIGINT", () => void shutdown(0, "SIGINT received"));
process.on("SIGTERM", () => void shutdown(0, "SIGTERM received"));

/** Fills in what a local install may leave unset, saying each choice out loud. */
function localDefaults(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: "production", PORT: String(port) };
  env.NEXTAUTH_URL ||= `http://localhost:${port}`;
  // Next.js would otherwise try to send telemetry, which this network does not allow.
  env.NEXT_TELEMETRY_DISABLED ||= "1";
  const oidc = Boolean(env.OIDC_ISSUER || env.OIDC_CLIENT_ID || env.OIDC_CLIENT_SECRET);
  if (!oidc && !env.DEMO_MODE) {
    env.DEMO_MODE = "true";
    say("no OIDC provider configured (OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET): DEMO_MODE=true, the sign-in page lets you pick a demo persona");
  }
  if (!env.NEXTAUTH_SECRET) {
    const { secret, created } = persistentSecret();
    env.NEXTAUTH_SECRET = secret;
    say(created ? "generated a NEXTAUTH_SECRET and kept it in .data/nextauth-secret" : "using the NEXTAUTH_SECRET kept in .data/nextauth-secret");
  }
  if (!env.ENCRYPTION_KEY) {
    const { secret, created } = persistentSecret("encryption-key");
    env.ENCRYPTION_KEY = secret;
    say(created ? "generated an ENCRYPTION_KEY for integration secrets and kept it in .data/encryption-key" : "using the ENCRYPTION_KEY kept in .data/encryption-key");
  }
  return env;
}

async function firstRun(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rowCount } = await client.query(`SELECT 1 FROM audit_events WHERE action = 'seed.loaded' LIMIT 1`);
    return rowCount === 0;
  } finally {
    await client.end();
  }
}

async function main(): Promise<void> {
  const env = localDefaults();
  // Refuse a bad configuration before starting anything (the server checks again at boot).
  parseEnv({ ...env, DATABASE_URL: env.DATABASE_URL || "postgresql://127.0.0.1/placeholder" });

  if (env.DATABASE_URL) {
    say(`using DATABASE_URL (${new URL(env.DATABASE_URL).host}); the embedded PostgreSQL is not started`);
  } else {
    const pgPort = Number(env.EMBEDDED_POSTGRES_PORT || 5433);
    say(`no DATABASE_URL: starting the embedded PostgreSQL on 127.0.0.1:${pgPort} (data in .data/postgres)`);
    database = await startEmbeddedDb({ dir: PG_DIR, port: pgPort, say });
    env.DATABASE_URL = database.url;
    writeRunning({ databaseUrl: database.url, pid: process.pid });
  }
  if (stopping) return;
  const url = env.DATABASE_URL;

  const migrated = await migrate(url, { log: say });
  say(`migrations: ${migrated.applied.length} applied now, ${migrated.alreadyApplied} already applied`);
  if ((database || env.DEMO_MODE === "true") && (await firstRun(url))) {
    say("first run: loading the demo data");
    await seed(url);
  }

  const reason = buildNeeded(root);
  if (reason) {
    say(`building the portal (${reason}): next build`);
    let build: ChildProcess | undefined;
    const code = await runToEnd(bin("next"), ["build"], env, (c) => children.add((build = c)));
    if (build) children.delete(build);
    if (stopping) return;
    if (code !== 0) return void shutdown(1, `next build failed (exit code ${code})`);
  }
  if (stopping) return;

  const web = startChild(bin("next"), ["start", "-p", String(port)], env);
  children.add(web);
  void waitForExit(web).then((code) => shutdown(code === 0 ? 1 : code, `the web server exited (code ${code})`));
  if (existsSync(path.join(root, "scripts", "worker.ts"))) {
    // One process (tsx loaded in-process), so stopping or killing it reaches the worker itself.
    const w = workerCommand(root);
    const worker = startChild(w.command, w.args, env);
    children.add(worker);
    void waitForExit(worker).then((code) => shutdown(code === 0 ? 1 : code, `the worker exited (code ${code})`));
  }
  say(`the portal is starting on http://localhost:${port} (Ctrl-C stops it${database ? " and then the embedded database" : ""})`);
}

main().catch((e: Error) => {
  void shutdown(1, e instanceof EnvError ? e.message : `start-up failed: ${e.message}`);
});
