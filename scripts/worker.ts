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
const { startDemoFakes } = await import("@/lib/promotions/execution/demo-fakes");

const demo = ["true", "1"].includes(process.env.DEMO_MODE ?? "");
const num = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
let fakes: ReturnType<typeof startDemoFakes> | undefined;

const worker = await startPromotionWorker({
  databaseUrl,
  portsFor: portsResolver({ demo, demoFakes: () => (fakes ??= startDemoFakes()) }),
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
