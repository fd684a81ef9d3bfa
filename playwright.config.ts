import { defineConfig } from "@playwright/test";
import { PORTS, urlOf } from "./e2e/support/ports";

// Browser tests against the production build in Debian's Chromium (Playwright's own
// browser download cannot run on these machines). See e2e/global-setup.ts.
export default defineConfig({
  testDir: "e2e",
  globalSetup: "./e2e/global-setup.ts",
  forbidOnly: true,
  retries: process.env.CI ? 1 : 0,
  workers: 1, // 2 cores, shared with the server under test
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["json", { outputFile: "test-results/e2e.json" }]],
  outputDir: "test-results/artifacts",
  use: {
    baseURL: urlOf(PORTS.app),
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.E2E_CHROMIUM ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
    },
  },
});
