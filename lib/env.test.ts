import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "@/lib/env";

const DB = "postgresql://postgres@127.0.0.1:5432/coe";
const SECRET = "s".repeat(32);
const OIDC = { OIDC_ISSUER: "https://idp.example.com", OIDC_CLIENT_ID: "portal", OIDC_CLIENT_SECRET: "shh" };

function refusal(source: Record<string, string | undefined>): string {
  try {
    parseEnv(source);
  } catch (e) {
    expect(e).toBeInstanceOf(EnvError);
    return (e as Error).message;
  }
  throw new Error("parseEnv accepted the configuration");
}

describe("parseEnv", () => {
  it("accepts a production configuration with OIDC and a secret, with defaults filled in", () => {
    const env = parseEnv({ NODE_ENV: "production", DATABASE_URL: DB, NEXTAUTH_SECRET: SECRET, NEXTAUTH_URL: "https://portal.example.com", ...OIDC });
    expect(env).toMatchObject({ DEMO_MODE: false, NEXTAUTH_SECRET: SECRET, LOG_LEVEL: "info", MAX_BODY_BYTES: 1_048_576, SESSION_MAX_AGE_SECONDS: 28_800 });
  });

  it("accepts local demo mode and gives development a throwaway secret", () => {
    const env = parseEnv({ NODE_ENV: "development", DATABASE_URL: DB, DEMO_MODE: "true" });
    expect(env.DEMO_MODE).toBe(true);
    expect(env.NEXTAUTH_SECRET.length).toBeGreaterThanOrEqual(16);
  });

  it("refuses production without NEXTAUTH_SECRET, saying how to make one", () => {
    expect(refusal({ NODE_ENV: "production", DATABASE_URL: DB, DEMO_MODE: "true" })).toMatch(/NEXTAUTH_SECRET is not set .*openssl rand -hex 32/);
  });

  it("refuses a configuration where nobody could sign in (no OIDC and no demo mode)", () => {
    expect(refusal({ NODE_ENV: "production", DATABASE_URL: DB, NEXTAUTH_SECRET: SECRET })).toMatch(/OIDC_ISSUER is not set and demo mode is off/);
  });

  it("refuses demo mode together with OIDC, and demo mode on a non-local address", () => {
    expect(refusal({ DATABASE_URL: DB, NEXTAUTH_SECRET: SECRET, DEMO_MODE: "true", ...OIDC })).toMatch(/DEMO_MODE is on while OIDC is configured/);
    expect(refusal({ DATABASE_URL: DB, DEMO_MODE: "1", NEXTAUTH_URL: "https://portal.example.com" })).toMatch(/DEMO_MODE is on while the portal is served at https:\/\/portal\.example\.com/);
  });

  it("refuses a partly configured OIDC provider", () => {
    expect(refusal({ DATABASE_URL: DB, NEXTAUTH_SECRET: SECRET, OIDC_ISSUER: OIDC.OIDC_ISSUER })).toMatch(/OIDC_ISSUER is only partly configured/);
  });

  it("names a missing or malformed variable", () => {
    expect(refusal({ DEMO_MODE: "true" })).toMatch(/DATABASE_URL is not set.*npm start/);
    expect(refusal({ DATABASE_URL: "not a url", DEMO_MODE: "true" })).toMatch(/DATABASE_URL/);
    expect(refusal({ DATABASE_URL: DB, DEMO_MODE: "yes" })).toMatch(/DEMO_MODE/);
    expect(refusal({ DATABASE_URL: DB, DEMO_MODE: "true", NEXTAUTH_SECRET: "short" })).toMatch(/NEXTAUTH_SECRET must be at least 16 characters/);
    expect(refusal({ DATABASE_URL: DB, DEMO_MODE: "true", LOG_LEVEL: "loud" })).toMatch(/LOG_LEVEL/);
  });

  it("treats an empty variable as unset, as .env files and compose files write it", () => {
    const env = parseEnv({ DATABASE_URL: DB, DEMO_MODE: "true", OIDC_ISSUER: "", OIDC_CLIENT_ID: " ", OIDC_CLIENT_SECRET: "", PORT: "" });
    expect(env).toMatchObject({ DEMO_MODE: true, PORT: 3000 });
    expect(env.OIDC_ISSUER).toBeUndefined();
    expect(refusal({ DATABASE_URL: "", DEMO_MODE: "true" })).toMatch(/DATABASE_URL is not set/);
  });
});
