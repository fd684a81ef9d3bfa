import path from "node:path";
import { defineConfig } from "vitest/config";

// `npm run test:faults`: real processes (next start, PostgreSQL) killed at chosen
// moments. One file at a time: each starts its own servers on its own ports.
export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname), "server-only": path.resolve(import.meta.dirname, "lib/test/server-only-stub.ts") } },
  test: {
    include: ["faults/**/*.fault.test.ts"],
    globalSetup: ["faults/support/global-setup.ts"],
    pool: "forks",
    fileParallelism: false,
    testTimeout: 180_000,
    hookTimeout: 240_000,
    allowOnly: false,
    // The in-process side of the tests (fixtures, fakes) writes through the services:
    // quiet logs, the key that encrypts integration secrets (the portal and the workers
    // it starts inherit it, so they can read what the test saved), demo sign-in settings.
    env: { LOG_LEVEL: "silent", ENCRYPTION_KEY: "faults-encryption-key-0123456789abcdef", DEMO_MODE: "true", NEXTAUTH_SECRET: "faults-secret-0123456789abcdef0123456789abcdef" },
  },
});
