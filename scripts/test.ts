import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { extraSuites } from "./extra-suites";
import { countPlaywright, countVitest, verdict, type RunnerCounts } from "./test-summary";

// `npm test`: every test of the portal, unit + integration (Vitest) then browser
// (Playwright in Debian's Chromium). Ends with exactly one `N passed, N failed`
// line adding up both runners, and exits non-zero when anything failed, a runner
// crashed, or no browser test ran.

const root = path.resolve(import.meta.dirname, "..");
const results = path.join(root, "test-results");
const vitestJson = path.join(results, "vitest.json");
const e2eJson = path.join(results, "e2e.json");
const CHROMIUM = "/usr/bin/chromium";

function run(cmd: string, args: string[], env: Record<string, string> = {}): number | null {
  const r = spawnSync(cmd, args, { cwd: root, stdio: "inherit", env: { ...process.env, ...env } });
  if (r.error) console.error(`could not run ${cmd}: ${r.error.message}`);
  return r.error ? null : r.status;
}

function readJson<T>(file: string): T | undefined {
  try {
    return JSON.parse(readFileSync(file, "utf8")) as T;
  } catch {
    return undefined;
  }
}

/** Debian's Chromium is the only browser that installs offline; Playwright's own download cannot. */
function ensureChromium(): string | null {
  if (existsSync(CHROMIUM)) return null;
  if (process.getuid?.() !== 0)
    return `${CHROMIUM} is missing and this is not root, so it cannot be installed here. Install it with: sudo apt-get update && sudo apt-get install -y chromium`;
  console.log(`${CHROMIUM} is missing: installing Debian's chromium with apt-get (needed by the browser tests)...`);
  // Another apt run (or a second engineer's install) may hold the lock: wait for it.
  const apt = ["-o", "DPkg::Lock::Timeout=600"];
  const ok =
    run("apt-get", [...apt, "update"]) === 0 &&
    run("apt-get", [...apt, "install", "-y", "--no-install-recommends", "chromium"], { DEBIAN_FRONTEND: "noninteractive" }) === 0;
  if (!ok || !existsSync(CHROMIUM)) return `installing chromium with apt-get failed; install it by hand: apt-get update && apt-get install -y chromium`;
  console.log(`installed ${CHROMIUM}`);
  return null;
}

function runVitest(): RunnerCounts {
  rmSync(vitestJson, { force: true });
  const code = run(path.join(root, "node_modules/.bin/vitest"), ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${vitestJson}`]);
  return countVitest(readJson(vitestJson), code);
}

function runPlaywright(): RunnerCounts {
  const broken = (problem: string): RunnerCounts => ({ runner: "playwright", passed: 0, failed: 0, skipped: 0, problems: [problem] });
  if (!existsSync(path.join(root, "playwright.config.ts"))) return broken("playwright.config.ts is missing, so no browser test can run");
  const missing = ensureChromium();
  if (missing) return broken(missing);
  rmSync(e2eJson, { force: true });
  const code = run(path.join(root, "node_modules/.bin/playwright"), ["test"], { PLAYWRIGHT_JSON_OUTPUT_NAME: e2eJson });
  return countPlaywright(readJson(e2eJson), code);
}

mkdirSync(results, { recursive: true });
console.log("== unit and integration tests (vitest) ==");
const runs: RunnerCounts[] = [runVitest()];
console.log("\n== browser tests (playwright) ==");
runs.push(runPlaywright());
runs.push(...extraSuites(results));

const v = verdict(runs, { requireBrowserTests: true });
console.log("");
for (const r of runs) console.log(`${r.runner}: ${r.passed} passed, ${r.failed} failed, ${r.skipped} skipped`);
for (const reason of v.reasons) console.log(`FAILED: ${reason}`);
console.log(`${v.passed} passed, ${v.failed} failed`);
process.exitCode = v.ok ? 0 : 1;
