import { createHash, randomUUID } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";

// Applies prisma/migrations offline (the Prisma CLI cannot fetch its schema engine
// here) and records them in _prisma_migrations exactly as `prisma migrate deploy`
// does, so the two stay interchangeable wherever the engine is available.

// Prisma Migrate's own advisory lock key: our migrator and Prisma's exclude each other.
const PRISMA_MIGRATE_LOCK = 72707369;

export const MIGRATIONS_DIR = path.join(process.cwd(), "prisma", "migrations");

export interface MigrationFile {
  name: string;
  sql: string;
  checksum: string;
}

export interface MigrateResult {
  applied: string[];
  alreadyApplied: number;
}

export class MigrationError extends Error {}

export async function readMigrations(dir = MIGRATIONS_DIR): Promise<MigrationFile[]> {
  const entries = await readdir(/*turbopackIgnore: true*/ dir, { withFileTypes: true });
  const names = entries.filter((e) => e.isDirectory()).map((e) => e.name).sort();
  return Promise.all(
    names.map(async (name) => {
      const sql = await readFile(/*turbopackIgnore: true*/ path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    }),
  );
}

const CREATE_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum" VARCHAR(64) NOT NULL,
  "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL,
  "logs" TEXT,
  "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

/** Applies every pending migration, each in its own transaction, under Prisma's advisory lock. */
export async function migrate(databaseUrl: string, opts: { dir?: string; log?: (line: string) => void } = {}): Promise<MigrateResult> {
  const say = opts.log ?? (() => {});
  const migrations = await readMigrations(opts.dir);
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [PRISMA_MIGRATE_LOCK]);
    await client.query(CREATE_TABLE);
    const { rows } = await client.query<{ migration_name: string; checksum: string; finished_at: Date | null; rolled_back_at: Date | null }>(
      `SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations" WHERE rolled_back_at IS NULL`,
    );
    const applied = new Map(rows.map((r) => [r.migration_name, r]));
    const known = new Set(migrations.map((m) => m.name));
    for (const row of rows) {
      if (!row.finished_at) throw new MigrationError(`Migration ${row.migration_name} started but never finished; inspect the database, then mark it rolled back in _prisma_migrations.`);
      if (!known.has(row.migration_name)) say(`warning: ${row.migration_name} is applied in the database but missing from ${MIGRATIONS_DIR}`);
    }
    const done: string[] = [];
    for (const m of migrations) {
      const prior = applied.get(m.name);
      if (prior) {
        if (prior.checksum !== m.checksum)
          throw new MigrationError(`Migration ${m.name} was changed after it was applied (checksum differs). Never edit an applied migration: revert the file and add a new migration instead.`);
        continue;
      }
      const id = randomUUID();
      await client.query("BEGIN");
      try {
        await client.query(`INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, applied_steps_count) VALUES ($1, $2, $3, now(), 0)`, [id, m.checksum, m.name]);
        await client.query(m.sql);
        await client.query(`UPDATE "_prisma_migrations" SET finished_at = now(), applied_steps_count = 1 WHERE id = $1`, [id]);
        await client.query("COMMIT");
      } catch (e) {
        await client.query("ROLLBACK");
        throw new MigrationError(`Migration ${m.name} failed and was rolled back: ${(e as Error).message}`);
      }
      say(`applied ${m.name}`);
      done.push(m.name);
    }
    return { applied: done, alreadyApplied: migrations.length - done.length };
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [PRISMA_MIGRATE_LOCK]).catch(() => {});
    await client.end();
  }
}

/** Names of migrations on disk that are not among the applied ones (used by /api/ready). */
export async function pendingMigrations(applied: Iterable<string>, dir?: string): Promise<string[]> {
  const done = new Set(applied);
  return (await readMigrations(dir)).filter((m) => !done.has(m.name)).map((m) => m.name);
}
