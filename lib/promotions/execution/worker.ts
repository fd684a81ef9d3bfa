import "server-only";
import { PgBoss } from "pg-boss";
import { log } from "@/lib/log";
import { advancePromotion, type AdvanceDeps } from "@/lib/promotions/execution/advance";
import { ADVANCE_QUEUE, dispatchOutbox, sweepInFlight } from "@/lib/promotions/execution/dispatch";

export interface WorkerOptions extends Omit<AdvanceDeps, "signal"> {
  dispatchIntervalMs?: number;
  sweepIntervalMs?: number;
  concurrency?: number;
}

/**
 * The promotion worker: pg-boss jobs drive promotions, the outbox feeds the queue,
 * and a sweeper re-queues promotions whose worker died. Stop it to finish cleanly.
 */
export async function startPromotionWorker(opts: WorkerOptions): Promise<{ stop: () => Promise<void> }> {
  const boss = new PgBoss({ connectionString: opts.databaseUrl, schema: "pgboss" });
  boss.on("error", (err) => log.error({ err }, "pg-boss error"));
  await boss.start();
  if (!(await boss.getQueue(ADVANCE_QUEUE))) {
    await boss.createQueue(ADVANCE_QUEUE, { policy: "short", expireInSeconds: 3600, retryLimit: 10, retryDelay: 2, retryBackoff: true, retryDelayMax: 60 }).catch((err) => {
      // Another worker may have created it first.
      if (!/exists/i.test(String(err))) throw err;
    });
  }
  const abort = new AbortController();
  await boss.work<{ promotionId: string }>(ADVANCE_QUEUE, { localConcurrency: opts.concurrency ?? 2, pollingIntervalSeconds: 0.5 }, async ([job]) => {
    if (!job) return;
    try {
      const result = await advancePromotion(job.data.promotionId, { ...opts, signal: abort.signal });
      log.info({ promotionId: job.data.promotionId, result }, "promotion advanced");
    } catch (err) {
      // pg-boss retries the job with backoff; the log says why.
      log.error({ err, promotionId: job.data.promotionId }, "promotion advance failed");
      throw err;
    }
  });
  const timers = [
    every(opts.dispatchIntervalMs ?? 500, () => dispatchOutbox(boss)),
    every(opts.sweepIntervalMs ?? 10_000, () => sweepInFlight(boss), true),
  ];
  return {
    stop: async () => {
      abort.abort();
      for (const t of timers) t.stop();
      await boss.stop({ graceful: true, timeout: 10_000 });
    },
  };
}

/** Runs fn every ms without overlapping itself; errors are logged, never fatal. */
function every(ms: number, fn: () => Promise<unknown>, now = false) {
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  const tick = async () => {
    try {
      await fn();
    } catch (err) {
      log.warn({ err }, "worker loop error");
    }
    if (!stopped) timer = setTimeout(tick, ms);
  };
  timer = setTimeout(tick, now ? 0 : ms);
  return { stop: () => ((stopped = true), clearTimeout(timer)) };
}
