import { spawn, type ChildProcess } from "node:child_process";

// Child processes of `npm start` (the web server, the worker, the build) and how
// they are stopped: a polite signal, then SIGKILL if they do not exit in time.

export function startChild(cmd: string, args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  return spawn(cmd, args, { stdio: "inherit", env });
}

export function exited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}

/** Resolves with the exit code (128 + n for a signal) once the child has exited. */
export function waitForExit(child: ChildProcess): Promise<number> {
  if (exited(child)) return Promise.resolve(child.exitCode ?? 128);
  return new Promise((resolve) => child.once("exit", (code, signal) => resolve(code ?? (signal ? 128 : 1))));
}

/** Sends `signal`, waits up to `graceMs`, then kills outright. */
export async function stopChild(child: ChildProcess | undefined, signal: NodeJS.Signals = "SIGTERM", graceMs = 15_000): Promise<void> {
  if (!child || exited(child)) return;
  child.kill(signal);
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<"timeout">((resolve) => (timer = setTimeout(() => resolve("timeout"), graceMs)));
  const outcome = await Promise.race([waitForExit(child), timeout]);
  clearTimeout(timer);
  if (outcome === "timeout") {
    child.kill("SIGKILL");
    await waitForExit(child);
  }
}

/** Runs a command to completion (used for `next build`). */
export async function runToEnd(cmd: string, args: string[], env: NodeJS.ProcessEnv, track?: (c: ChildProcess) => void): Promise<number> {
  const child = startChild(cmd, args, env);
  track?.(child);
  return waitForExit(child);
}
