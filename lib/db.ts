import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { databaseUrl } from "@/lib/env";

export type Db = PrismaClient;
/** A transaction client: service functions accept one so callers can compose writes. */
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };

function createClient(): PrismaClient {
  const adapter = new PrismaPg({
    connectionString: databaseUrl(),
    max: Number(process.env.DATABASE_POOL_SIZE ?? 10),
    // Fail fast while the database is down so requests answer 503 instead of hanging.
    connectionTimeoutMillis: 5_000,
  });
  // Prisma waits 2 s by default for a pooled connection before giving up on a transaction; a
  // burst of writes that queue on one row lock (fifty approvers on one promotion) needs longer.
  // What still cannot start answers 503 + Retry-After (lib/http/db-errors: isDatabaseBusy).
  return new PrismaClient({ adapter, transactionOptions: { maxWait: 10_000, timeout: 15_000 } });
}

/** The one Prisma client of the process (kept across hot reloads in development). */
export function db(): PrismaClient {
  globalForPrisma.prisma ??= createClient();
  return globalForPrisma.prisma;
}
