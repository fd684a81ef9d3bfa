import { AppError } from "@/lib/errors";
import { someErrorInChain } from "@/lib/http/db-errors";

// lineage_assets_raced() (migration 20261128100000) raises serialization_failure with this
// message when a batch names an asset a concurrent batch created mid-statement
// (claim-batch.ts); Prisma passes the driver's error on in meta.driverAdapterError or as
// the cause. The statement rolled back whole, so running it again is safe.
const MESSAGE = /concurrent batch during the statement/;

export function isAssetRace(e: unknown): boolean {
  return someErrorInChain(e, (err) => [err.message, err.originalMessage].some((msg) => typeof msg === "string" && MESSAGE.test(msg)));
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
