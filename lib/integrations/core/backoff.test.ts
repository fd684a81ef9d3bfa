import { describe, expect, it } from "vitest";
import { backoffDelay } from "./backoff";

const policy = { baseDelayMs: 100, maxDelayMs: 1_000 };

describe("backoffDelay", () => {
  it("doubles the step per retry, between half the step and the whole step", () => {
    expect([1, 2, 3].map((n) => backoffDelay(n, policy, () => 0))).toEqual([50, 100, 200]);
    expect([1, 2, 3].map((n) => backoffDelay(n, policy, () => 1))).toEqual([100, 200, 400]);
  });

  it("caps the step at maxDelayMs", () => {
    expect(backoffDelay(10, policy, () => 1)).toBe(1_000);
    expect(backoffDelay(10, policy, () => 0)).toBe(500);
  });

  it("spreads retries of different callers (jitter)", () => {
    const delays = new Set(Array.from({ length: 20 }, () => backoffDelay(3, policy)));
    expect(delays.size).toBeGreaterThan(1);
    for (const d of delays) expect(d).toBeGreaterThanOrEqual(200);
  });
});
