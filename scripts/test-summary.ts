// Turns the JSON reports of Vitest and Playwright into counts that add up, so
// `npm test` can end with one plain `N passed, N failed` line (CI reads it; the
// runners' own closing lines are not read as counts).

export interface RunnerCounts {
  runner: string;
  passed: number;
  failed: number;
  skipped: number;
  /** Problems outside any single test: a file that did not load, a crashed global setup, a missing report. */
  problems: string[];
}

interface VitestReport {
  numPassedTests?: number;
  numFailedTests?: number;
  numPendingTests?: number;
  numTodoTests?: number;
  success?: boolean;
  testResults?: { name?: string; status?: string; message?: string; assertionResults?: { status?: string }[] }[];
}

/** Counts from Vitest's JSON reporter (Jest-compatible shape). */
export function countVitest(report: VitestReport | undefined, exitCode: number | null): RunnerCounts {
  const c: RunnerCounts = { runner: "vitest", passed: 0, failed: 0, skipped: 0, problems: [] };
  if (!report) {
    c.problems.push(`vitest wrote no JSON report (exit code ${exitCode})`);
    return c;
  }
  c.passed = report.numPassedTests ?? 0;
  c.failed = report.numFailedTests ?? 0;
  c.skipped = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  // A test file that fails to load has no failed assertion, only a failed status.
  for (const file of report.testResults ?? []) {
    const failedInside = (file.assertionResults ?? []).some((a) => a.status === "failed");
    if (file.status === "failed" && !failedInside) c.problems.push(`${file.name ?? "a test file"} failed to run: ${(file.message ?? "").split("\n")[0]}`);
  }
  if (c.problems.length === 0 && c.failed === 0 && (report.success === false || exitCode !== 0))
    c.problems.push(`vitest exited with code ${exitCode} although no test failed (an unhandled error or a failing global setup)`);
  return c;
}

interface PlaywrightReport {
  stats?: { expected?: number; unexpected?: number; flaky?: number; skipped?: number };
  errors?: { message?: string }[];
}

/** Counts from Playwright's JSON reporter; a flaky test passed on retry and counts as passed. */
export function countPlaywright(report: PlaywrightReport | undefined, exitCode: number | null): RunnerCounts {
  const c: RunnerCounts = { runner: "playwright", passed: 0, failed: 0, skipped: 0, problems: [] };
  if (!report?.stats) {
    c.problems.push(`playwright wrote no JSON report (exit code ${exitCode})`);
    return c;
  }
  c.passed = (report.stats.expected ?? 0) + (report.stats.flaky ?? 0);
  c.failed = report.stats.unexpected ?? 0;
  c.skipped = report.stats.skipped ?? 0;
  for (const e of report.errors ?? []) c.problems.push(`playwright: ${(e.message ?? "error").split("\n")[0]}`);
  if (c.problems.length === 0 && c.failed === 0 && exitCode !== 0) c.problems.push(`playwright exited with code ${exitCode} although no test failed`);
  return c;
}

export interface Verdict {
  passed: number;
  /** Failed tests plus one for each reason outside a test (crash, no browser test), so a broken run never reads as green. */
  failed: number;
  skipped: number;
  ok: boolean;
  reasons: string[];
}

/** Adds up every runner; the run fails on any failure, any problem, or when no browser test ran. */
export function verdict(runs: RunnerCounts[], opts: { requireBrowserTests: boolean }): Verdict {
  const reasons = runs.flatMap((r) => r.problems);
  const passed = runs.reduce((n, r) => n + r.passed, 0);
  const failedTests = runs.reduce((n, r) => n + r.failed, 0);
  const skipped = runs.reduce((n, r) => n + r.skipped, 0);
  const browser = runs.find((r) => r.runner === "playwright");
  if (opts.requireBrowserTests && (!browser || browser.passed + browser.failed === 0)) reasons.push("no browser test ran (Playwright executed 0 tests)");
  if (passed + failedTests === 0) reasons.push("no test ran at all");
  const failed = failedTests + reasons.length;
  return { passed, failed, skipped, ok: failed === 0, reasons };
}
