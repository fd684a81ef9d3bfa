import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { databaseUrl } from "@/lib/env";

export type Db = PrismaClient;
/** A transaction client: service functions accept one so callers can compose writes. */
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient; preparedStatements?: Map<string, string> };

// Statements every request (or every ingested event) runs are named, so each pooled
// connection parses and plans them once: node-pg prepares a named statement on its first
// use and afterwards only binds and executes it, and PostgreSQL keeps its plan. Planning
// the lineage fold (a dozen data-modifying CTEs) cost more than running it. Only fixed SQL
// texts registered here are named, so what each connection keeps stays a handful.
// Behind PgBouncer in transaction mode this needs PgBouncer 1.21+ with max_prepared_statements.
const prepared = (globalForPrisma.preparedStatements ??= new Map<string, string>());

/** Registers a fixed, hot SQL text to run as a named prepared statement; returns the text to pass to $queryRawUnsafe/$executeRawUnsafe. */
export function preparedStatement(name: string, sql: string): string {
  for (const [text, known] of prepared) if (known === name && text !== sql) throw new Error(`Prepared statement "${name}" is registered twice with different SQL.`);
  prepared.set(sql, name);
  return sql;
}

function createClient(): PrismaClient {
  const adapter = new PrismaPg(
    {
      connectionString: databaseUrl(),
      max: Number(process.env.DATABASE_POOL_SIZE ?? 10),
      // Fail fast while the database is down so requests answer 503 instead of hanging.
      connectionTimeoutMillis: 5_000,
    },
    { statementNameGenerator: (query) => prepared.get(query.sql) as string },
  );
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
