import { createHash, randomBytes } from "node:crypto";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, inject, it } from "vitest";
import { migrate, readMigrations } from "@/lib/migrate/migrate";

// Each test gets its own empty database and its own migrations folder.
const adminUrl = inject("adminDatabaseUrl");
const created: string[] = [];

async function emptyDatabase(): Promise<string> {
  const name = `coe_migrate_${Date.now().toString(36)}_${randomBytes(3).toString("hex")}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  created.push(name);
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  return u.toString();
}

afterAll(async () => {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  for (const name of created) await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.end();
});

function migrationsDir(migrations: Record<string, string>): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "coe-migrations-"));
  // Written newest first, so the test would notice an order taken from the file system.
  for (const [name, sql] of Object.entries(migrations).reverse()) {
    mkdirSync(path.join(dir, name));
    writeFileSync(path.join(dir, name, "migration.sql"), sql);
  }
  return dir;
}

async function query<T extends pg.QueryResultRow>(url: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query<T>(sql, params)).rows;
  } finally {
    await c.end();
  }
}

const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");
const A = `CREATE TABLE widgets (id INT PRIMARY KEY);`;
const B = `ALTER TABLE widgets ADD COLUMN name TEXT NOT NULL DEFAULT '';`;
const C = `INSERT INTO widgets (id, name) VALUES (1, 'first');`;

describe("migrator", () => {
  it("applies pending migrations in name order, each recorded in _prisma_migrations as Prisma Migrate does", async () => {
    const url = await emptyDatabase();
    const dir = migrationsDir({ "20260101000000_a": A, "20260101000001_b": B, "20260101000002_c": C });
    const first = await migrate(url, { dir });
    expect(first).toEqual({ applied: ["20260101000000_a", "20260101000001_b", "20260101000002_c"], alreadyApplied: 0 });
    const rows = await query<{ id: string; migration_name: string; checksum: string; finished_at: Date | null; applied_steps_count: number; rolled_back_at: Date | null; logs: string | null }>(
      url,
      `SELECT id, migration_name, checksum, finished_at, applied_steps_count, rolled_back_at, logs FROM "_prisma_migrations" ORDER BY started_at, migration_name`,
    );
    expect(rows.map((r) => [r.migration_name, r.checksum])).toEqual([
      ["20260101000000_a", sha256(A)],
      ["20260101000001_b", sha256(B)],
      ["20260101000002_c", sha256(C)],
    ]);
    for (const r of rows) {
      expect(r.id).toMatch(/^[0-9a-f-]{36}$/);
      expect(r.finished_at).toBeInstanceOf(Date);
      expect(r).toMatchObject({ applied_steps_count: 1, rolled_back_at: null, logs: null });
    }
    expect(await query(url, `SELECT id, name FROM widgets`)).toEqual([{ id: 1, name: "first" }]);
    expect(await migrate(url, { dir })).toEqual({ applied: [], alreadyApplied: 3 });
  });

  it("refuses to run when an applied migration was changed afterwards, and applies nothing after it", async () => {
    const url = await emptyDatabase();
    await migrate(url, { dir: migrationsDir({ "20260101000000_a": A, "20260101000001_b": B }) });
    const edited = migrationsDir({ "20260101000000_a": A, "20260101000001_b": `${B}\n-- edited`, "20260101000002_c": C });
    await expect(migrate(url, { dir: edited })).rejects.toThrow(/20260101000001_b was changed after it was applied \(checksum differs\)/);
    expect(await query(url, `SELECT count(*)::int AS n FROM "_prisma_migrations"`)).toEqual([{ n: 2 }]);
    expect(await query(url, `SELECT count(*)::int AS n FROM widgets`)).toEqual([{ n: 0 }]);
  });

  it("rolls a failing migration back entirely (its DDL, its data and its record) and can apply it once fixed", async () => {
    const url = await emptyDatabase();
    const failing = `CREATE TABLE gadgets (id INT); INSERT INTO gadgets VALUES (1); SELECT 1 / 0;`;
    const dir = migrationsDir({ "20260101000000_a": A, "20260101000001_broken": failing });
    await expect(migrate(url, { dir })).rejects.toThrow(/20260101000001_broken failed and was rolled back: division by zero/);
    expect(await query(url, `SELECT to_regclass('gadgets') AS t`)).toEqual([{ t: null }]);
    expect(await query(url, `SELECT migration_name FROM "_prisma_migrations"`)).toEqual([{ migration_name: "20260101000000_a" }]);
    const fixed = migrationsDir({ "20260101000000_a": A, "20260101000001_broken": `CREATE TABLE gadgets (id INT);` });
    expect(await migrate(url, { dir: fixed })).toEqual({ applied: ["20260101000001_broken"], alreadyApplied: 1 });
  });

  it("applies each migration once when two runs start together (Prisma's advisory lock serialises them)", async () => {
    const url = await emptyDatabase();
    // CREATE TABLE without IF NOT EXISTS: a second application would fail.
    const dir = migrationsDir({ "20260101000000_a": A, "20260101000001_b": B, "20260101000002_c": C });
    const holder = new pg.Client({ connectionString: url });
    await holder.connect();
    // Hold the lock so both runs are queued on it before either can start.
    await holder.query("SELECT pg_advisory_lock(72707369)");
    const runs = [migrate(url, { dir }), migrate(url, { dir })];
    await expect
      .poll(async () => (await holder.query(`SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND NOT granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`)).rows[0].n, { timeout: 10_000 })
      .toBe(2);
    await holder.query("SELECT pg_advisory_unlock(72707369)");
    await holder.end();
    const results = await Promise.all(runs);
    expect(results.map((r) => r.applied.length).sort()).toEqual([0, 3]);
    expect(await query(url, `SELECT count(*)::int AS n FROM "_prisma_migrations"`)).toEqual([{ n: 3 }]);
    expect(await query(url, `SELECT count(*)::int AS n FROM widgets`)).toEqual([{ n: 1 }]);
  });

  it("has recorded every migration of prisma/migrations, with its checksum, in the test database", async () => {
    const rows = await query<{ migration_name: string; checksum: string }>(inject("databaseUrl"), `SELECT migration_name, checksum FROM "_prisma_migrations" ORDER BY migration_name`);
    const onDisk = await readMigrations();
    expect(rows).toEqual(onDisk.map((m) => ({ migration_name: m.name, checksum: m.checksum })));
  });
});
