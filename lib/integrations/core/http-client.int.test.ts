import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLakefsClient } from "../lakefs/client";
import { LakefsFake } from "../testing/lakefs-fake";
import { collectCalls } from "./call-record";
import { IntegrationError } from "./integration-error";
import { refusedUrl } from "../testing/ports";

// The shared HTTP behaviour (timeouts, retries, budget, errors, call records), exercised through
// the lakeFS client against a fake server with injected faults.
const fake = new LakefsFake();
let n = 0;

function setup(options: Parameters<typeof createLakefsClient>[1] = {}, config = fake.config) {
  const repo = `core-${Date.now().toString(36)}-${++n}`;
  fake.createRepository(repo);
  fake.createBranch(repo, "feature", "main");
  fake.commit(repo, "feature", { message: "change", files: { a: "1" } });
  const { calls, onCall } = collectCalls();
  const lakefs = createLakefsClient(config, { random: () => 0, ...options, onCall });
  return { repo, calls, lakefs };
}

beforeAll(() => fake.start());
afterAll(() => fake.stop());

describe("integration HTTP: retries", () => {
  it("retries a 500 with growing backoff, then succeeds, recording every attempt", async () => {
    const { repo, calls, lakefs } = setup({ retry: { baseDelayMs: 40, maxAttempts: 4 } });
    fake.inject("getBranch", { kind: "status", status: 500 }, 2);
    expect((await lakefs.getBranch(repo, "main")).id).toBe("main");
    expect(calls.map((c) => [c.attempt, c.status, c.outcome])).toEqual([
      [1, 500, "http_error"],
      [2, 500, "http_error"],
      [3, 200, "ok"],
    ]);
    expect(calls[0]).toMatchObject({ system: "lakefs", operation: "get branch", method: "GET", path: `/api/v1/repositories/${repo}/branches/main` });
    // With jitter pinned low, waits are half of 40 then half of 80 ms: each gap at least that long.
    const started = calls.map((c) => Date.parse(c.startedAt));
    expect(started[1]! - started[0]!).toBeGreaterThanOrEqual(20);
    expect(started[2]! - started[1]!).toBeGreaterThanOrEqual(40);
  });

  it("retries a dropped connection on a read", async () => {
    const { repo, calls, lakefs } = setup({ retry: { baseDelayMs: 5 } });
    fake.inject("getBranch", { kind: "close" }, 1);
    expect((await lakefs.getBranch(repo, "main")).id).toBe("main");
    expect(calls.map((c) => c.outcome)).toEqual(["network_error", "ok"]);
  });

  it("gives up after maxAttempts with a server_error that says how often it tried", async () => {
    const { repo, calls, lakefs } = setup({ retry: { baseDelayMs: 5, maxAttempts: 3 } });
    fake.inject("getBranch", { kind: "status", status: 502, body: { message: "bad gateway" } }, 3);
    const error = (await lakefs.getBranch(repo, "main").catch((e: unknown) => e)) as IntegrationError;
    expect(error).toBeInstanceOf(IntegrationError);
    expect(error).toMatchObject({ kind: "server_error", status: 502, attempts: 3, transient: true });
    expect(error.message).toMatch(/lakeFS failed on "get branch" with 502 after 3 attempts.*bad gateway/);
    expect(calls).toHaveLength(3);
  });

  it("never retries a 4xx, and says the credentials are wrong on a 401", async () => {
    const { repo, calls, lakefs } = setup({}, { ...fake.config, secretAccessKey: "wrong" });
    const error = (await lakefs.getBranch(repo, "main").catch((e: unknown) => e)) as IntegrationError;
    expect(error).toMatchObject({ kind: "unauthorized", status: 401, attempts: 1, transient: false });
    expect(error.message).toContain("rejected the credentials");
    expect(calls).toHaveLength(1);
  });

  it("does not retry a non-idempotent merge after a 500 (the outcome is unknown) but does after a 503", async () => {
    const { repo, calls, lakefs } = setup({ retry: { baseDelayMs: 5 } });
    fake.inject("mergeIntoBranch", { kind: "status", status: 500 }, 1);
    await expect(lakefs.merge(repo, "feature", "main")).rejects.toMatchObject({ kind: "server_error", attempts: 1 });
    fake.inject("mergeIntoBranch", { kind: "status", status: 503 }, 1);
    await lakefs.merge(repo, "feature", "main");
    expect(calls.map((c) => c.status)).toEqual([500, 503, 200]);
    expect(fake.merges.filter((m) => m.repository === repo)).toHaveLength(1);
  });
});

describe("integration HTTP: timeouts and unreachable servers", () => {
  it("times out a hanging server per attempt and stops within the budget", async () => {
    const { repo, calls, lakefs } = setup({ timeoutMs: 150, retry: { baseDelayMs: 10, maxAttempts: 10, budgetMs: 700 } });
    fake.inject("getBranch", { kind: "hang" }, Infinity);
    const started = Date.now();
    try {
      const error = (await lakefs.getBranch(repo, "main").catch((e: unknown) => e)) as IntegrationError;
      const elapsed = Date.now() - started;
      expect(error).toMatchObject({ kind: "timeout", operation: "get branch" });
      expect(error.message).toContain("did not answer");
      expect(elapsed).toBeLessThan(700 + 250);
      expect(calls.length).toBeGreaterThanOrEqual(3);
      expect(calls.length).toBeLessThan(10);
      expect(calls.every((c) => c.outcome === "timeout" && c.status === null)).toBe(true);
    } finally {
      fake.server.clearFaults();
    }
  });

  it("does not retry a merge that timed out", async () => {
    const { repo, calls, lakefs } = setup({ timeoutMs: 100, retry: { baseDelayMs: 5 } });
    fake.inject("mergeIntoBranch", { kind: "hang" }, 1);
    await expect(lakefs.merge(repo, "feature", "main")).rejects.toMatchObject({ kind: "timeout", attempts: 1 });
    expect(calls).toHaveLength(1);
  });

  it("says the endpoint is unreachable when the connection is refused", async () => {
    const endpoint = await refusedUrl();
    const { calls, lakefs } = setup({ retry: { baseDelayMs: 5, maxAttempts: 2 } }, { ...fake.config, endpoint });
    const error = (await lakefs.listRepositories().catch((e: unknown) => e)) as IntegrationError;
    expect(error).toMatchObject({ kind: "unreachable", detail: "ECONNREFUSED", attempts: 2 });
    expect(error.message).toContain(`lakeFS is unreachable at ${endpoint} (ECONNREFUSED)`);
    expect(calls.map((c) => c.outcome)).toEqual(["network_error", "network_error"]);
  });

  it("stops without retrying when the caller cancels", async () => {
    const { repo } = setup();
    fake.inject("getBranch", { kind: "hang" }, 1);
    const controller = new AbortController();
    const { calls, onCall } = collectCalls();
    const lakefs = createLakefsClient(fake.config, { timeoutMs: 10_000, signal: controller.signal, onCall });
    const pending = lakefs.getBranch(repo, "main");
    controller.abort(new Error("worker shutting down"));
    await expect(pending).rejects.toThrow("worker shutting down");
    expect(calls.length).toBeLessThanOrEqual(1);
    await expect(lakefs.getBranch(repo, "main")).rejects.toThrow("worker shutting down");
  });
});

describe("integration HTTP: malformed answers", () => {
  it("reports a body that is not JSON as invalid_response, without retrying", async () => {
    const { repo, lakefs } = setup();
    fake.inject("getCommit", { kind: "status", status: 200, body: "<html>proxy error</html>" }, 1);
    await expect(lakefs.getCommit(repo, "main")).rejects.toMatchObject({ kind: "invalid_response", attempts: 1 });
  });

  it("reports a commit without its required fields as invalid_response", async () => {
    const { repo, lakefs } = setup();
    fake.inject("getCommit", { kind: "status", status: 200, body: { id: "abc" } }, 1);
    await expect(lakefs.getCommit(repo, "main")).rejects.toMatchObject({ kind: "invalid_response", message: expect.stringContaining("missing message") });
  });
});
