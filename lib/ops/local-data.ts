import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

// The git-ignored `.data/` folder of `npm start`: the embedded PostgreSQL's files,
// a generated NEXTAUTH_SECRET, and while the portal runs, the URL of its database
// so `npm run db:migrate`, `db:seed` and `audit:verify` find it without DATABASE_URL.

export const DATA_DIR = path.join(process.cwd(), ".data");
export const PG_DIR = path.join(DATA_DIR, "postgres");
const RUNNING_FILE = path.join(DATA_DIR, "running.json");

/** Secrets inside are 0600; the folder itself must stay traversable for the `postgres` user that owns the cluster. */
export function ensureDataDir(): void {
  mkdirSync(DATA_DIR, { recursive: true });
  chmodSync(DATA_DIR, 0o711);
}

/**
 * A secret for a local install, generated once and then kept: NEXTAUTH_SECRET (sessions survive
 * restarts) and ENCRYPTION_KEY (integration secrets saved today can be read tomorrow).
 */
export function persistentSecret(file: "nextauth-secret" | "encryption-key" = "nextauth-secret"): { secret: string; created: boolean } {
  ensureDataDir();
  const at = path.join(DATA_DIR, file);
  if (existsSync(at)) {
    const secret = readFileSync(at, "utf8").trim();
    if (secret.length >= 32) return { secret, created: false };
  }
  const secret = randomBytes(32).toString("hex");
  writeFileSync(at, `${secret}\n`, { mode: 0o600 });
  return { secret, created: true };
}

export interface RunningDatabase {
  databaseUrl: string;
  /** The `npm start` process that owns the database. */
  pid: number;
}

export function writeRunning(info: RunningDatabase): void {
  ensureDataDir();
  writeFileSync(RUNNING_FILE, JSON.stringify(info), { mode: 0o600 });
}

export function clearRunning(): void {
  rmSync(RUNNING_FILE, { force: true });
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** The embedded database of a running `npm start`, if there is one. */
export function readRunning(): RunningDatabase | null {
  if (!existsSync(RUNNING_FILE)) return null;
  try {
    const info = JSON.parse(readFileSync(RUNNING_FILE, "utf8")) as RunningDatabase;
    return alive(info.pid) ? info : null;
  } catch {
    return null;
  }
}

/**
 * The database for command-line scripts: DATABASE_URL when set, else the embedded
 * database of a running `npm start`. Exits with a sentence saying what to do otherwise.
 */
export function scriptDatabaseUrl(): string {
  const given = process.env.DATABASE_URL;
  if (given) return given;
  const running = readRunning();
  if (running) return running.databaseUrl;
  console.error(
    "No database: DATABASE_URL is not set and no `npm start` is running with its embedded PostgreSQL. " +
      "Start the portal with `npm start` in another terminal (this command then uses its database), or set DATABASE_URL=postgresql://user@host:5432/db.",
  );
  process.exit(2);
}
