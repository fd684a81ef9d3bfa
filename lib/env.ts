import { z } from "zod";

// Every environment variable the portal reads, parsed once. A missing or bad one
// stops start-up with a sentence naming it and how to fix it (see assertEnv).
const bool = z
  .enum(["true", "false", "1", "0", ""])
  .optional()
  .transform((v) => v === "true" || v === "1");

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z.string().url({ message: "must be a postgresql:// URL" }).optional(),
  NEXTAUTH_URL: z.string().url().default("http://localhost:3000"),
  NEXTAUTH_SECRET: z.string().min(16, "must be at least 16 characters").optional(),
  DEMO_MODE: bool,
  OIDC_ISSUER: z.string().url().optional(),
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  OIDC_ADMIN_EMAILS: z.string().default(""),
  SESSION_MAX_AGE_SECONDS: z.coerce.number().int().positive().default(8 * 3600),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  MAX_BODY_BYTES: z.coerce.number().int().positive().default(1_048_576),
  ENCRYPTION_KEY: z.string().min(32, "must be at least 32 characters").optional(),
  LAKEFS_WEBHOOK_SECRET: z.string().min(16).optional(),
  // Process and database sizing (read by `npm start` and lib/db.ts; listed here so they are validated and documented).
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  DATABASE_POOL_SIZE: z.coerce.number().int().positive().default(10),
  EMBEDDED_POSTGRES_PORT: z.coerce.number().int().min(1).max(65535).default(5433),
  // Demo mode without integrations: where the worker's demo fakes listen (0: any free ports).
  DEMO_FAKES_PORT: z.coerce.number().int().min(0).max(65533).default(0),
});

/** Every variable the schema knows, for the README's table (a test keeps them in sync). */
export const ENV_VARIABLES = Object.keys(envSchema.shape);

export type Env = z.infer<typeof envSchema> & { DATABASE_URL: string; NEXTAUTH_SECRET: string };

const HOW_TO_FIX: Record<string, string> = {
  DATABASE_URL: "set DATABASE_URL=postgresql://user@host:5432/db, or use `npm start`, which starts an embedded PostgreSQL",
  NEXTAUTH_SECRET: "set NEXTAUTH_SECRET to a random string of 32+ characters (e.g. `openssl rand -hex 32`)",
  OIDC_ISSUER: "set OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET to your identity provider, or DEMO_MODE=true on a local machine",
  ENCRYPTION_KEY: "set ENCRYPTION_KEY to a random string of 32+ characters (e.g. `openssl rand -hex 32`) and keep it: secrets saved with one key cannot be read with another",
  DEMO_MODE: "demo sign-in lets anyone pick any persona; it is only allowed on localhost and without OIDC",
};

export class EnvError extends Error {}

function fail(name: string, problem: string): never {
  const fix = HOW_TO_FIX[name];
  throw new EnvError(`Configuration error: ${name} ${problem}.${fix ? ` To fix it, ${fix}.` : ""}`);
}

function isLocalUrl(url: string): boolean {
  const host = new URL(url).hostname;
  return host === "localhost" || host === "127.0.0.1" || host === "[::1]";
}

/** Parses and cross-checks the environment; throws EnvError with an actionable sentence. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  // `OIDC_ISSUER=` in a .env file or a compose file means "not set", not "an invalid URL".
  const present = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v.trim() !== ""));
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    fail(String(issue.path[0]), issue.message.toLowerCase().startsWith("invalid") ? `is invalid (${issue.message})` : issue.message);
  }
  const env = parsed.data;
  if (!env.DATABASE_URL) fail("DATABASE_URL", "is not set");
  const oidcParts = [env.OIDC_ISSUER, env.OIDC_CLIENT_ID, env.OIDC_CLIENT_SECRET].filter(Boolean).length;
  if (oidcParts > 0 && oidcParts < 3) fail("OIDC_ISSUER", "is only partly configured (issuer, client id and secret are all needed)");
  const oidc = oidcParts === 3;
  if (env.DEMO_MODE && oidc) fail("DEMO_MODE", "is on while OIDC is configured, which would let anyone bypass single sign-on");
  if (env.DEMO_MODE && !isLocalUrl(env.NEXTAUTH_URL))
    fail("DEMO_MODE", `is on while the portal is served at ${env.NEXTAUTH_URL}, which is not a local address`);
  if (!env.DEMO_MODE && !oidc) fail("OIDC_ISSUER", "is not set and demo mode is off, so nobody could sign in");
  let secret = env.NEXTAUTH_SECRET;
  if (!secret) {
    if (env.NODE_ENV === "production") fail("NEXTAUTH_SECRET", "is not set (sessions cannot be signed in production without it)");
    secret = "development-only-secret-not-for-production";
  }
  return { ...env, DATABASE_URL: env.DATABASE_URL, NEXTAUTH_SECRET: secret };
}

let cached: Env | undefined;

/** The parsed environment of this process (parsed on first use). */
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/** Only the database URL: for scripts (migrate, seed, workers) that need no sign-in settings. */
export function databaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) fail("DATABASE_URL", "is not set");
  return url;
}

/** The key that encrypts stored integration secrets; only needed once such a secret is saved or read. */
export function encryptionKey(): string {
  const key = env().ENCRYPTION_KEY;
  if (!key) fail("ENCRYPTION_KEY", "is not set, so integration secrets cannot be encrypted or read");
  return key;
}
