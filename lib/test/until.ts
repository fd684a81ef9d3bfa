/**
 * Polls `fn` until it returns something truthy and returns that; fails naming `what` after
 * `timeoutMs`. Tests wait for a recorded fact this way instead of sleeping for a guessed time.
 */
export async function until<T>(what: string, fn: () => Promise<T | null | undefined | false> | T | null | undefined | false, timeoutMs = 30_000, intervalMs = 50): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}`);
    await new Promise((r) => setTimeout(r, intervalMs)); // polling interval, not a wait for an outcome
  }
}
