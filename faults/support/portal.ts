import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { assertPortFree, stopGroup, waitReady } from "@/bench/lib/server";

// The portal under fault: the production build (shared with the bench, in
// .next-bench) served by `next start` in its own process group, so a test can
// SIGKILL exactly it at the moment it chooses.

export const ROOT = path.resolve(import.meta.dirname, "../..");
// The bench's build by default; CI builds once into .next and shares it (BENCH_DIST_DIR=.next).
export const DIST = process.env.BENCH_DIST_DIR || ".next-bench";
export const SECRET = "faults-secret-0123456789abcdef0123456789abcdef";

export interface Portal {
  url: string;
  child: ChildProcess;
  kill9: () => Promise<void>;
  /** The last few kB the server printed (its error log), for failure messages. */
  output: () => string;
  stop: () => Promise<void>;
}

export function ensureBuild(): void {
  if (process.env.FAULTS_SKIP_BUILD === "1" && existsSync(path.join(ROOT, DIST, "BUILD_ID"))) return;
  console.log(`[faults] next build into ${DIST} (FAULTS_SKIP_BUILD=1 reuses an existing one)`);
  const r = spawnSync(process.execPath, ["node_modules/next/dist/bin/next", "build"], { cwd: ROOT, encoding: "utf8", maxBuffer: 64 * 2 ** 20, env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", NEXT_DIST_DIR: DIST } });
  if (r.status !== 0) throw new Error(`next build failed (exit ${r.status}):\n${(r.stdout + r.stderr).slice(-4000)}`);
}

export async function startPortal(port: number, databaseUrl: string, extraEnv: Record<string, string> = {}): Promise<Portal> {
  const url = `http://127.0.0.1:${port}`;
  await assertPortFree(port);
  const child = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: ROOT, detached: true, stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", NEXTAUTH_URL: url, NEXTAUTH_SECRET: SECRET, DEMO_MODE: "true", LOG_LEVEL: "warn", NEXT_DIST_DIR: DIST, DATABASE_URL: databaseUrl, ...extraEnv },
  });
  let out = "";
  const keep = (b: Buffer) => { out = (out + b.toString()).slice(-8000); };
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  await waitReady(url, child, () => out);
  return {
    url, child, output: () => out,
    kill9: async () => {
      const exited = new Promise<void>((r) => (child.exitCode !== null || child.signalCode !== null ? r() : child.once("exit", () => r())));
      process.kill(-child.pid!, "SIGKILL");
      await exited;
    },
    stop: () => stopGroup(child),
  };
}

/** `npm run audit:verify` against the test's database, as an operator would run it. */
export function auditVerify(databaseUrl: string): string {
  const r = spawnSync(path.join(ROOT, "node_modules/.bin/tsx"), ["--conditions=react-server", "scripts/audit-verify.ts"], { cwd: ROOT, encoding: "utf8", env: { ...process.env, DATABASE_URL: databaseUrl } });
  const text = `${r.stdout}${r.stderr}`.trim();
  if (r.status !== 0) throw new Error(`audit:verify failed (exit ${r.status}): ${text}`);
  return text;
}

/** What the test did and checked, printed as it goes so a CI log reads as a report. */
export function say(test: string, line: string): void {
  console.log(`[faults] ${test}: ${line}`);
}
