import { spawn, type ChildProcess } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";
import { freePort } from "./ports";

// Starts Stoplight Prism in mock mode for a published spec: answers shaped by the spec's examples
// and schemas, and 4xx for requests the spec would refuse. Stateless, so behaviours that need
// state (runs that progress, branches that move) are tested against the fakes instead.

const repoRoot = path.resolve(import.meta.dirname, "../../..");

/** The published specs this project keeps beside the repository (see ../shared/specs/*\/SOURCE.md). */
export const SPECS = {
  lakefs: path.resolve(repoRoot, "../shared/specs/lakefs/swagger.yml"),
  airflowV1: path.resolve(repoRoot, "../shared/specs/airflow/airflow2-v1-openapi.yaml"),
  airflowV2: path.resolve(repoRoot, "../shared/specs/airflow/airflow3-v2-openapi.yaml"),
} as const;

export interface PrismMock {
  url: string;
  stop(): Promise<void>;
}

function prismCli(): string {
  const pkg = createRequire(import.meta.url).resolve("@stoplight/prism-cli/package.json");
  return path.join(path.dirname(pkg), "dist/index.js");
}

/**
 * Starts `prism mock` on 127.0.0.1 at a free port and resolves once it answers HTTP. The port is
 * picked just before Prism binds it; if something else took it meanwhile, Prism exits with
 * EADDRINUSE and we try another.
 */
export async function startPrism(spec: string, { timeoutMs = 90_000 } = {}): Promise<PrismMock> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await startPrismOn(spec, await freePort(), timeoutMs);
    } catch (e) {
      if (attempt >= 3 || !/EADDRINUSE/.test(String(e))) throw e;
    }
  }
}

async function startPrismOn(spec: string, port: number, timeoutMs: number): Promise<PrismMock> {
  // Spawned with node directly (not npx) so that stopping this pid stops Prism itself.
  const child = spawn(process.execPath, [prismCli(), "mock", "-h", "127.0.0.1", "-p", String(port), spec], { stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout!.on("data", (d: Buffer) => (output = (output + d.toString()).slice(-4000)));
  child.stderr!.on("data", (d: Buffer) => (output = (output + d.toString()).slice(-4000)));
  const url = `http://127.0.0.1:${port}`;
  const stop = () => stopChild(child);
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`Prism exited with ${child.exitCode} for ${spec}:\n${output}`);
    if (/is listening on/.test(output) && (await answers(url))) return { url, stop };
    await new Promise((r) => setTimeout(r, 150));
  }
  await stop();
  throw new Error(`Prism did not answer on ${url} within ${timeoutMs} ms for ${spec}:\n${output}`);
}

async function answers(url: string): Promise<boolean> {
  try {
    await fetch(url, { signal: AbortSignal.timeout(1000) });
    return true;
  } catch {
    return false;
  }
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
  });
}
