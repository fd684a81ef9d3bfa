import path from "node:path";

// How the background worker is launched by `npm start`, the browser tests and the worker
// tests: one Node.js process with tsx as an in-process loader. `tsx scripts/worker.ts` would
// put a tsx parent in front of the real process; a SIGKILL then kills only the parent and
// leaves the worker running as an orphan, which made "kill the worker" tests kill nothing.

const ROOT = path.resolve(import.meta.dirname, "../..");

export interface WorkerCommand {
  command: string;
  args: string[];
  /** The loader (`--import tsx`) is resolved from here. */
  cwd: string;
}

export function workerCommand(root = ROOT): WorkerCommand {
  return { command: process.execPath, args: ["--import", "tsx", "--conditions=react-server", path.join(root, "scripts", "worker.ts")], cwd: root };
}
