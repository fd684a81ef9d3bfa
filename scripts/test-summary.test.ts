import { describe, expect, it } from "vitest";
import { countPlaywright, countVitest, verdict } from "./test-summary";

describe("test summary", () => {
  it("adds up vitest and playwright counts, flaky counting as passed", () => {
    const unit = countVitest({ numPassedTests: 40, numFailedTests: 0, numPendingTests: 1, success: true, testResults: [] }, 0);
    const e2e = countPlaywright({ stats: { expected: 5, unexpected: 0, flaky: 1, skipped: 2 }, errors: [] }, 0);
    const v = verdict([unit, e2e], { requireBrowserTests: true });
    expect(v).toMatchObject({ passed: 46, failed: 0, skipped: 3, ok: true, reasons: [] });
  });

  it("fails when a test failed", () => {
    const v = verdict([countVitest({ numPassedTests: 3, numFailedTests: 2, success: false }, 1)], { requireBrowserTests: false });
    expect(v).toMatchObject({ passed: 3, failed: 2, ok: false });
  });

  it("counts a test file that failed to load as a failure", () => {
    const unit = countVitest(
      { numPassedTests: 3, numFailedTests: 0, success: false, testResults: [{ name: "a.test.ts", status: "failed", message: "SyntaxError: x\nstack", assertionResults: [] }] },
      1,
    );
    const v = verdict([unit], { requireBrowserTests: false });
    expect(v.ok).toBe(false);
    expect(v.failed).toBe(1);
    expect(v.reasons[0]).toContain("a.test.ts failed to run: SyntaxError: x");
  });

  it("treats a runner that exits non-zero without a failed test, or without a report, as crashed", () => {
    expect(verdict([countVitest({ numPassedTests: 3, numFailedTests: 0, success: true }, 1)], { requireBrowserTests: false }).ok).toBe(false);
    const e2e = countPlaywright(undefined, 1);
    const v = verdict([countVitest({ numPassedTests: 3, success: true }, 0), e2e], { requireBrowserTests: true });
    expect(v.ok).toBe(false);
    expect(v.reasons.join(" ")).toContain("playwright wrote no JSON report");
  });

  it("reports playwright global errors such as a failing global setup", () => {
    const e2e = countPlaywright({ stats: { expected: 0, unexpected: 0 }, errors: [{ message: "Error: next build failed\n at x" }] }, 1);
    const v = verdict([e2e], { requireBrowserTests: true });
    expect(v.ok).toBe(false);
    expect(v.reasons).toContain("playwright: Error: next build failed");
  });

  it("fails when no browser test ran although they are required", () => {
    const unit = countVitest({ numPassedTests: 3, success: true }, 0);
    const e2e = countPlaywright({ stats: { expected: 0, unexpected: 0, skipped: 4 }, errors: [] }, 0);
    const v = verdict([unit, e2e], { requireBrowserTests: true });
    expect(v).toMatchObject({ passed: 3, failed: 1, ok: false });
    expect(v.reasons).toEqual(["no browser test ran (Playwright executed 0 tests)"]);
    expect(verdict([unit], { requireBrowserTests: true }).ok).toBe(false);
  });
});
