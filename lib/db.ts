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
  return new PrismaClient({ adapter });
}

/** The one Prisma client of the process (kept across hot reloads in development). */
export function db(): PrismaClient {
  globalForPrisma.prisma ??= createClient();
  return globalForPrisma.prisma;
}
