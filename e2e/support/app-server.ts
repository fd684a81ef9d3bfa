import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { urlOf } from "./ports";

// Starts the production build (`next start`) as a child in its own process group,
// waits until /api/ready answers 200, and stops exactly that group afterwards.

const ROOT = path.resolve(import.meta.dirname, "../..");
const NEXT_BIN = path.join(ROOT, "node_modules/next/dist/bin/next");
export const DIST_DIR = process.env.NEXT_DIST_DIR || ".next";

export interface AppServer {
  url: string;
  stop: () => Promise<void>;
}

/** Builds with `next build` unless E2E_SKIP_BUILD=1 and a build already exists. */
export async function buildIfNeeded(): Promise<void> {
  const built = existsSync(path.join(ROOT, DIST_DIR, "BUILD_ID"));
  if (process.env.E2E_SKIP_BUILD === "1" && built) {
    console.log(`[e2e] E2E_SKIP_BUILD=1: reusing the build in ${DIST_DIR}`);
    return;
  }
  console.log("[e2e] next build (set E2E_SKIP_BUILD=1 to reuse an existing build)");
  const child = spawn(process.execPath, [NEXT_BIN, "build"], { cwd: ROOT, stdio: ["ignore", "inherit", "inherit"], env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" } });
  const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
  if (code !== 0) throw new Error(`next build failed with exit code ${code}`);
}

/** `env` overrides the inherited environment; an undefined value removes the variable. */
export async function startAppServer(port: number, env: Record<string, string | undefined>, label = "app"): Promise<AppServer> {
  const url = urlOf(port);
  const childEnv: Record<string, string | undefined> = { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", NEXTAUTH_URL: url, LOG_LEVEL: process.env.E2E_LOG_LEVEL ?? "warn", ...env };
  for (const k of Object.keys(childEnv)) if (childEnv[k] === undefined) delete childEnv[k];
  const child = spawn(process.execPath, [NEXT_BIN, "start", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: ROOT,
    detached: true, // own process group: stop() kills the server and anything it forked, nothing else
    stdio: ["ignore", "pipe", "pipe"],
    env: childEnv as NodeJS.ProcessEnv,
  });
  let output = "";
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-8000);
    if (process.env.E2E_SERVER_LOGS === "1") process.stderr.write(`[${label}] ${chunk.toString()}`);
  };
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  const stop = () => stopGroup(child);
  try {
    await waitForReady(url, child, () => output);
  } catch (e) {
    await stop();
    throw e;
  }
  return { url, stop };
}

async function waitForReady(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 60_000;
  let last = "no answer yet";
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`next start exited with ${child.exitCode} before it was ready:\n${output()}`);
    try {
      const res = await fetch(`${url}/api/ready`);
      if (res.status === 200) return;
      last = `${res.status} ${await res.text()}`;
    } catch (e) {
      last = (e as Error).message;
    }
    await new Promise((r) => setTimeout(r, 250)); // polling interval while the server boots
  }
  throw new Error(`${url}/api/ready did not answer 200 within 60 s (last: ${last}):\n${output()}`);
}

async function stopGroup(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || !child.pid) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  try {
    process.kill(-child.pid, "SIGTERM");
  } catch {
    return; // already gone
  }
  const timer = setTimeout(() => {
    try {
      process.kill(-child.pid!, "SIGKILL");
    } catch {
      /* exited meanwhile */
    }
  }, 10_000);
  await exited;
  clearTimeout(timer);
}
