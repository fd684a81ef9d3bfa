import { NEXTAUTH_SECRET, OIDC_ADMIN_EMAILS, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET } from "./ports";

// The environment of the app servers the suite starts. Global setup publishes the
// database and the identity provider through E2E_* variables, which the test
// workers inherit, so a spec can start another server on the same data.

export function e2eDatabaseUrl(): string {
  const url = process.env.E2E_DATABASE_URL;
  if (!url) throw new Error("E2E_DATABASE_URL is not set: run the browser tests with `npx playwright test`, whose global setup creates the database.");
  return url;
}

/** An OIDC-only server (demo mode off), as production runs. */
export function oidcServerEnv(extra: Record<string, string> = {}): Record<string, string> {
  const issuer = process.env.E2E_OIDC_ISSUER;
  if (!issuer) throw new Error("E2E_OIDC_ISSUER is not set: global setup starts the identity provider.");
  return {
    DATABASE_URL: e2eDatabaseUrl(),
    NEXTAUTH_SECRET,
    OIDC_ISSUER: issuer,
    OIDC_CLIENT_ID,
    OIDC_CLIENT_SECRET,
    OIDC_ADMIN_EMAILS,
    DEMO_MODE: "false",
    ENCRYPTION_KEY: "e2e-encryption-key-0123456789abcdef0123",
    ...extra,
  };
}

/** A demo-mode server: persona picker, no OIDC (lib/env.ts refuses both together). */
export function demoServerEnv(): Record<string, string | undefined> {
  return { DATABASE_URL: e2eDatabaseUrl(), NEXTAUTH_SECRET, DEMO_MODE: "true", OIDC_ISSUER: undefined, OIDC_CLIENT_ID: undefined, OIDC_CLIENT_SECRET: undefined };
}
