import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";

// The server's start-up path (instrumentation.ts -> boot()) in a real child
// process: a bad production configuration must stop it with a clear sentence and
// a non-zero exit code instead of serving.

const DB = "postgresql://postgres@127.0.0.1:5432/coe";
const SECRET = "0123456789abcdef0123456789abcdef";
const OIDC = { OIDC_ISSUER: "http://127.0.0.1:3999/oidc", OIDC_CLIENT_ID: "portal", OIDC_CLIENT_SECRET: "client-secret" };

function boot(env: Record<string, string>) {
  const r = spawnSync(
    path.join(process.cwd(), "node_modules/.bin/tsx"),
    ["--conditions=react-server", "--eval", `import { boot } from "./lib/ops/boot.ts"; boot(); console.log("booted");`],
    // NODE_ENV=production plus only what is given: nothing leaks in from the test process.
    { encoding: "utf8", env: { NODE_ENV: "production", PATH: process.env.PATH!, HOME: process.env.HOME ?? "/tmp", LOG_LEVEL: "silent", ...env } },
  );
  return { code: r.status, out: `${r.stdout}${r.stderr}` };
}

describe("server start-up with NODE_ENV=production", { timeout: 60_000 }, () => {
  it("starts with a complete configuration", () => {
    const r = boot({ DATABASE_URL: DB, NEXTAUTH_SECRET: SECRET, ...OIDC });
    expect(r.out).toContain("booted");
    expect(r.code).toBe(0);
  });

  it("refuses to start without NEXTAUTH_SECRET", () => {
    const r = boot({ DATABASE_URL: DB, DEMO_MODE: "true" });
    expect(r.out).toContain("Configuration error: NEXTAUTH_SECRET is not set");
    expect(r.out).not.toContain("booted");
    expect(r.code).toBe(1);
  });

  it("refuses to start with neither demo mode nor OIDC", () => {
    const r = boot({ DATABASE_URL: DB, NEXTAUTH_SECRET: SECRET });
    expect(r.out).toContain("Configuration error: OIDC_ISSUER is not set and demo mode is off, so nobody could sign in");
    expect(r.code).toBe(1);
  });

  it("refuses to start with demo mode and OIDC both on", () => {
    const r = boot({ DATABASE_URL: DB, NEXTAUTH_SECRET: SECRET, DEMO_MODE: "true", ...OIDC });
    expect(r.out).toContain("Configuration error: DEMO_MODE is on while OIDC is configured");
    expect(r.code).toBe(1);
  });
});
