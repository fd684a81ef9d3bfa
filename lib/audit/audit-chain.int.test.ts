import { spawnSync } from "node:child_process";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { recordAudit } from "@/lib/audit/record";
import { verifyAuditChain } from "@/lib/audit/verify";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { systemContext } from "@/lib/http/context";
import { createTestDatabase } from "@/lib/test/test-database";
import { seed } from "@/prisma/seed";

// Tampering needs a database of its own: the chain of the shared test database
// must stay intact for every other test.
let scratch: { url: string; drop: () => Promise<void> };
let client: pg.Client;

function auditVerify(url: string) {
  const r = spawnSync(path.join(process.cwd(), "node_modules/.bin/tsx"), ["--conditions=react-server", "scripts/audit-verify.ts"], {
    encoding: "utf8",
    env: { ...process.env, DATABASE_URL: url },
  });
  return { code: r.status, out: `${r.stdout}${r.stderr}` };
}

beforeAll(async () => {
  scratch = await createTestDatabase(inject("adminDatabaseUrl"), "audit");
  await seed(scratch.url);
  const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: scratch.url }) });
  for (const n of [1, 2, 3, 4])
    await db.$transaction((tx) => recordAudit(tx, systemContext("test"), { action: "test.step", entityType: "test", entityId: `e${n}`, after: { n } }));
  await db.$disconnect();
  client = new pg.Client({ connectionString: scratch.url });
  await client.connect();
});
afterAll(async () => {
  await client?.end();
  await scratch?.drop();
});

const seqs = async () => (await client.query<{ seq: string }>(`SELECT seq::text FROM audit_events ORDER BY seq`)).rows.map((r) => r.seq);

describe("audit chain", { timeout: 90_000 }, () => {
  it("refuses UPDATE, DELETE and TRUNCATE in the database itself", async () => {
    await expect(client.query(`UPDATE audit_events SET action = 'x'`)).rejects.toThrow(/append-only: UPDATE is not allowed/);
    await expect(client.query(`DELETE FROM audit_events`)).rejects.toThrow(/append-only: DELETE is not allowed/);
    await expect(client.query(`TRUNCATE audit_events`)).rejects.toThrow(/append-only: TRUNCATE is not allowed/);
  });

  it("npm run audit:verify passes on the seeded chain, then fails naming the event a superuser altered", async () => {
    const all = await seqs();
    expect(all.length).toBeGreaterThanOrEqual(5);
    const ok = auditVerify(scratch.url);
    expect(ok.out).toContain(`audit chain intact: ${all.length} events verified`);
    expect(ok.code).toBe(0);

    const victim = all[all.length - 2]!;
    await client.query(`ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_update`);
    await client.query(`UPDATE audit_events SET diff = '{"n": {"after": 99}}' WHERE seq = $1`, [victim]);
    await client.query(`ALTER TABLE audit_events ENABLE TRIGGER audit_events_no_update`);
    const broken = auditVerify(scratch.url);
    expect(broken.out).toContain(`audit chain BROKEN at event seq=${victim}: its content does not match its hash (the row was altered)`);
    expect(broken.code).toBe(1);
  });

  it("names the event after a removed one", async () => {
    const all = await seqs();
    await client.query(`ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_update`);
    await client.query(`DELETE FROM audit_events WHERE seq = $1`, [all[1]]);
    await client.query(`ALTER TABLE audit_events ENABLE TRIGGER audit_events_no_update`);
    expect(await verifyAuditChain(scratch.url)).toMatchObject({ ok: false, brokenSeq: all[2], reason: expect.stringMatching(/removed or reordered/) });
  });
});
