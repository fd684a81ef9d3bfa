import { AppError } from "@/lib/errors";

// lineage_assets_raced() (migration 20261128100000) raises serialization_failure with this
// message when a batch names an asset a concurrent batch created mid-statement
// (claim-batch.ts); Prisma passes the driver's error on in meta.driverAdapterError or as
// the cause. The statement rolled back whole, so running it again is safe.
const MESSAGE = /concurrent batch during the statement/;

type ErrorLike = { message?: unknown; originalMessage?: unknown; cause?: unknown; meta?: { driverAdapterError?: unknown } };

export function isAssetRace(e: unknown): boolean {
  const queue: unknown[] = [e];
  for (let seen = 0; queue.length && seen < 8; seen++) {
    const err = queue.shift() as ErrorLike | null | undefined;
    if (!err || typeof err !== "object") continue;
    for (const msg of [err.message, err.originalMessage]) if (typeof msg === "string" && MESSAGE.test(msg)) return true;
    queue.push(err.cause, err.meta?.driverAdapterError);
  }
  return false;
}

// Each attempt sees every asset committed before it began, so a second one nearly always
// succeeds; past these, the sender is told to send again rather than kept waiting here.
const ATTEMPTS = 5;

/** Runs a batch's statement, again while it loses the race for an asset it names. */
export async function retryOnAssetRace<T>(store: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await store();
    } catch (e) {
      if (!isAssetRace(e)) throw e;
      if (attempt === ATTEMPTS) throw new AppError("unavailable", "Other batches kept creating the datasets and jobs this one names; nothing was stored. Send it again.");
    }
  }
}
