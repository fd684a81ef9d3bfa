export interface RetryPolicy {
  /** Total attempts per call, the first included. */
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** Wall-clock budget for the whole call, attempts and waits included. */
  budgetMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { maxAttempts: 4, baseDelayMs: 250, maxDelayMs: 5_000, budgetMs: 30_000 };
export const DEFAULT_TIMEOUT_MS = 10_000;

/**
 * Wait before retry number `retry` (1 = first retry): exponential, capped, with "equal jitter":
 * half the step is fixed so waits grow predictably, half is random so many callers do not
 * retry in lockstep against a recovering server.
 */
export function backoffDelay(retry: number, policy: Pick<RetryPolicy, "baseDelayMs" | "maxDelayMs">, random = Math.random): number {
  const step = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (retry - 1));
  return Math.round(step / 2 + random() * (step / 2));
}
