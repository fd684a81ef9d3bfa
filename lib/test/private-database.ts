import { afterAll, beforeAll, inject } from "vitest";
import { createTestDatabase } from "@/lib/test/test-database";

/**
 * Gives this test file a database of its own. For tests that run a promotion worker: a worker
 * sweeps every in-flight promotion of its database, so on the run's shared database it would
 * execute other files' approved promotions while their tests look at them. Call it at the top
 * of the file; nothing may use db() before its beforeAll has run. It points
 * process.env.DATABASE_URL (which spawned workers inherit) at the new, migrated database.
 */
export function setUpPrivateDatabase(label: string): void {
  let drop: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    const g = globalThis as unknown as { prisma?: unknown };
    if (g.prisma) throw new Error("setUpPrivateDatabase: the shared database's client was already created; call it before anything uses db().");
    const created = await createTestDatabase(inject("adminDatabaseUrl"), label);
    process.env.DATABASE_URL = created.url;
    drop = created.drop;
  });
  afterAll(async () => {
    const g = globalThis as unknown as { prisma?: { $disconnect(): Promise<void> } };
    await g.prisma?.$disconnect();
    await drop?.();
  });
}
