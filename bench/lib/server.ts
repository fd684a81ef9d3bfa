import { spawn, type ChildProcess } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { createServer } from "node:net";

// The production server under test: `next start` in its own process group, so the
// bench can read the peak memory of every process in the group and stop exactly it.

const NEXT_BIN = "node_modules/next/dist/bin/next";

export interface RunningServer {
  url: string;
  child: ChildProcess;
  /** Peak resident set size (VmHWM) of the server's process group, in MB. */
  peakRssMb: () => number;
  output: () => string;
  stop: () => Promise<void>;
}

/**
 * Refuses a port something else already listens on. Without this, the readiness poll below
 * would find that other server ready and every measurement would go to it.
 */
export function assertPortFree(port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", (e: NodeJS.ErrnoException) =>
      reject(new Error(e.code === "EADDRINUSE" ? `port ${port} on 127.0.0.1 is already in use by another process; stop it or choose another port (--port / BENCH_PORT, FAULTS_PORT_BASE)` : e.message)));
    probe.listen(port, "127.0.0.1", () => probe.close(() => resolve()));
  });
}

export async function startServer(root: string, port: number, env: Record<string, string>): Promise<RunningServer> {
  const url = `http://127.0.0.1:${port}`;
  await assertPortFree(port);
  const child = spawn(process.execPath, [NEXT_BIN, "start", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: root,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", NEXTAUTH_URL: url, LOG_LEVEL: "warn", ...env },
  });
  let out = "";
  const keep = (b: Buffer) => {
    out = (out + b.toString()).slice(-8000);
    if (process.env.BENCH_SERVER_LOGS === "1") process.stderr.write(b);
  };
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  const server: RunningServer = { url, child, peakRssMb: () => groupPeakRssMb(child.pid!), output: () => out, stop: () => stopGroup(child) };
  await waitReady(url, child, () => out);
  return server;
}

export async function waitReady(url: string, child: ChildProcess, output: () => string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = "";
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`next start exited (${child.exitCode ?? child.signalCode}) before it was ready:\n${output()}`);
    try {
      const res = await fetch(`${url}/api/ready`);
      if (res.status === 200) return;
      last = `${res.status}`;
    } catch (e) {
      last = (e as Error).message;
    }
    await new Promise((r) => setTimeout(r, 200)); // poll while the server boots
  }
  throw new Error(`${url} not ready within ${timeoutMs} ms (last: ${last})\n${output()}`);
}

function groupPeakRssMb(pgid: number): number {
  let kb = 0;
  for (const pid of readdirSync("/proc").filter((d) => /^\d+$/.test(d))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      if (Number(fields[2]) !== pgid) continue; // field 5 of stat (pgrp), after pid and comm
      const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
      if (m) kb += Number(m[1]);
    } catch {
      /* the process ended meanwhile */
    }
  }
  return Math.round(kb / 1024);
}

export async function stopGroup(child: ChildProcess, signal: NodeJS.Signals = "SIGTERM"): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || !child.pid) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  try {
    process.kill(-child.pid, signal);
  } catch {
    return;
  }
  const timer = setTimeout(() => {
    try {
      process.kill(-child.pid!, "SIGKILL");
    } catch {
      /* gone */
    }
  }, 10_000);
  await exited;
  clearTimeout(timer);
}
