import { spawn } from "node:child_process";
import path from "node:path";
import type { FullConfig } from "@playwright/test";
import { createTestDatabase, localServer } from "@/lib/test/test-database";
import { buildIfNeeded, startAppServer } from "./support/app-server";
import { oidcServerEnv } from "./support/app-env";
import { startOidcServer } from "./support/oidc-server";
import { PORTS } from "./support/ports";
import { startWorker } from "./support/worker";

// One run of the browser tests: a fresh migrated + seeded database, a real OIDC
// identity provider, the production build served by `next start`, and the background
// worker (a real process, in demo mode against its demo fakes). The function
// it returns is Playwright's teardown: it stops what this setup started and drops
// the database.

const ROOT = path.resolve(import.meta.dirname, "..");

export default async function globalSetup(_config: FullConfig): Promise<() => Promise<void>> {
  const cleanups: (() => Promise<void>)[] = [];
  const teardown = async () => {
    for (const fn of cleanups.reverse()) {
      try {
        await fn();
      } catch (e) {
        console.error("[e2e] teardown step failed:", e);
      }
    }
  };
  try {
    await buildIfNeeded();
    const pg = await localServer();
    cleanups.push(pg.stop);
    const db = await createTestDatabase(pg.adminUrl, "e2e");
    cleanups.push(db.drop);
    process.env.E2E_DATABASE_URL = db.url;
    await runSeed(db.url);
    const oidc = await startOidcServer();
    cleanups.push(oidc.stop);
    process.env.E2E_OIDC_ISSUER = oidc.issuer;
    const app = await startAppServer(PORTS.app, oidcServerEnv(), "app");
    cleanups.push(app.stop);
    const worker = startWorker(db.url);
    cleanups.push(worker.stop);
    process.env.E2E_BASE_URL = app.url;
    console.log(`[e2e] portal at ${app.url}, identity provider at ${oidc.issuer}`);
  } catch (e) {
    await teardown();
    throw e;
  }
  return teardown;
}

/** The seed imports server-only modules, so it runs the way `npm run db:seed` does. */
async function runSeed(url: string): Promise<void> {
  const child = spawn(path.join(ROOT, "node_modules/.bin/tsx"), ["--conditions=react-server", "prisma/seed.ts"], {
    cwd: ROOT,
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, DATABASE_URL: url },
  });
  const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
  if (code !== 0) throw new Error(`seeding the e2e database failed (exit ${code})`);
}
