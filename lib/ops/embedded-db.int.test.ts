import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { EMBEDDED_DATABASE, startEmbeddedDb } from "@/lib/ops/embedded-db";
import { freePort } from "@/lib/integrations/testing/ports";

// The database of `npm start`: created on first use, kept across restarts.
const root = mkdtempSync(path.join(os.tmpdir(), "coe-embedded-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));


async function run(url: string, sql: string) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query(sql)).rows;
  } finally {
    await c.end();
  }
}

describe("embedded PostgreSQL of npm start", { timeout: 180_000 }, () => {
  it("initialises on first start, listens on loopback only, stops cleanly and keeps the data for the next start", async () => {
    const dir = path.join(root, "postgres");
    const port = await freePort();
    const lines: string[] = [];
    const first = await startEmbeddedDb({ dir, port, say: (l) => lines.push(l) });
    expect(lines.join("\n")).toMatch(/first run/);
    expect(new URL(first.url).pathname).toBe(`/${EMBEDDED_DATABASE}`);
    await run(first.url, `CREATE TABLE kept (v TEXT); INSERT INTO kept VALUES ('still here')`);
    expect(await run(first.url, `SHOW listen_addresses`)).toEqual([{ listen_addresses: "127.0.0.1" }]);
    await first.stop();
    await expect(run(first.url, "SELECT 1")).rejects.toThrow(/ECONNREFUSED/);

    const again: string[] = [];
    const second = await startEmbeddedDb({ dir, port, say: (l) => again.push(l) });
    try {
      expect(again).toEqual([]);
      expect(second.url).toBe(first.url);
      expect(await run(second.url, `SELECT v FROM kept`)).toEqual([{ v: "still here" }]);
    } finally {
      await second.stop();
    }
  });
});
