import pg from "pg";
import { freshDatabase, type BenchDatabase } from "@/bench/lib/database";
import { loadIdentity, type Identity } from "@/bench/gen/identity";
import { SCALES } from "@/bench/lib/scale";

// A fresh migrated database with a few teams and users and the admin's API token.
export async function databaseWithToken(label: string, adminUrl?: string): Promise<{ db: BenchDatabase; identity: Identity }> {
  const prev = process.env.BENCH_ADMIN_URL;
  if (adminUrl) process.env.BENCH_ADMIN_URL = adminUrl;
  try {
    const db = await freshDatabase(label);
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    try {
      const identity = await loadIdentity(client, { ...SCALES.small, teams: 3, users: 5 }, 7);
      return { db, identity };
    } finally {
      await client.end();
    }
  } finally {
    if (adminUrl && prev === undefined) delete process.env.BENCH_ADMIN_URL;
    else if (adminUrl) process.env.BENCH_ADMIN_URL = prev;
  }
}

export async function query<T extends pg.QueryResultRow>(url: string, text: string, values?: unknown[]): Promise<T[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query<T>(text, values)).rows;
  } finally {
    await c.end();
  }
}
