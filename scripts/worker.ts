import { installShutdownHandlers, onShutdown } from "@/lib/ops/shutdown";
import { scriptDatabaseUrl } from "@/lib/ops/local-data";
import { log } from "@/lib/log";

// The background worker: executes approved promotions and their rollbacks through the
// outbox and the pg-boss queue. `npm start` runs one beside the web server; `npm run
// worker` runs more for scale-out (they coordinate through the database).
const databaseUrl = scriptDatabaseUrl();
process.env.DATABASE_URL ??= databaseUrl;
const { startPromotionWorker } = await import("@/lib/promotions/execution/worker");
const { portsResolver } = await import("@/lib/promotions/execution/ports-for");
const { startWorkerDemoIntegrations } = await import("@/lib/promotions/execution/demo-integrations");

// Read directly (lib/env.ts documents and validates them): a scale-out worker needs no sign-in settings.
const demo = ["true", "1"].includes(process.env.DEMO_MODE ?? "");
const num = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
// Demo mode: the demo fakes start on first use, once per worker (a second worker has its own).
let fakes: ReturnType<typeof startWorkerDemoIntegrations> | undefined;
const demoIntegrations = () =>
  (fakes ??= startWorkerDemoIntegrations(num("DEMO_FAKES_PORT", 0)).catch((e: unknown) => {
    fakes = undefined; // a failed start (e.g. a port in use) is tried again by the job's retry
    throw e;
  }));

const worker = await startPromotionWorker({
  databaseUrl,
  portsFor: portsResolver({ demo, demoIntegrations }),
  pollIntervalMs: num("PROMOTION_POLL_MS", 1000),
  maxStepAttempts: num("PROMOTION_STEP_ATTEMPTS", 3),
  retryDelayMs: (attempt) => Math.min(60_000, num("PROMOTION_RETRY_BASE_MS", 2000) * 2 ** (attempt - 1)),
  sweepIntervalMs: num("PROMOTION_SWEEP_MS", 10_000),
});
onShutdown(async () => {
  await worker.stop();
  if (fakes) await (await fakes).stop();
});
installShutdownHandlers();
log.info({ pid: process.pid, demo }, "promotion worker started");
