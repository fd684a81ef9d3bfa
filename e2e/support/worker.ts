import { spawn } from "node:child_process";
import { workerCommand } from "../../lib/ops/worker-process";
import { NEXTAUTH_SECRET, PORTS } from "./ports";

// The background worker as a real process beside the app server, on the run's database, in
// demo mode: with no integrations configured it executes promotions against the demo fakes
// of lakeFS, MLflow and Airflow (HTTP servers in the worker), which listen on fixed ports
// (PORTS.fakes: lakeFS, +1 MLflow, +2 Airflow) so a spec can look at them from outside.
// Short poll intervals keep the browser tests quick; the logic is the production one.

export interface WorkerProcess {
  stop: () => Promise<void>;
}

export function startWorker(databaseUrl: string): WorkerProcess {
  const { command, args, cwd } = workerCommand();
  const child = spawn(command, args, {
    cwd,
    detached: true, // own process group: stop() ends the worker and nothing else
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_URL: databaseUrl,
      NEXTAUTH_SECRET,
      DEMO_MODE: "true",
      DEMO_FAKES_PORT: String(PORTS.fakes),
      PROMOTION_POLL_MS: "250",
      PROMOTION_SWEEP_MS: "2000",
      PROMOTION_RETRY_BASE_MS: "500",
      LOG_LEVEL: process.env.E2E_LOG_LEVEL ?? "warn",
    },
  });
  let output = "";
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-8000);
    if (process.env.E2E_SERVER_LOGS === "1") process.stderr.write(`[worker] ${chunk.toString()}`);
  };
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  let stopping = false;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.once("exit", (code, signal) => {
    // A worker that dies during the run would only show as promotions that never move: say why.
    if (!stopping) console.error(`[e2e] the worker exited unexpectedly (code ${code}, signal ${signal}):\n${output}`);
  });
  return {
    stop: async () => {
      stopping = true;
      if (child.exitCode !== null || child.signalCode !== null || !child.pid) return;
      const kill = (sig: NodeJS.Signals) => {
        try {
          process.kill(-child.pid!, sig);
        } catch {
          /* already gone */
        }
      };
      kill("SIGTERM");
      const timer = setTimeout(() => kill("SIGKILL"), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
