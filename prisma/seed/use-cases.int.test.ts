import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createTestDatabase } from "@/lib/test/test-database";
import { seed } from "@/prisma/seed";

// The demo portfolio on a database of its own (the seed's personas and titles are fixed).
let scratch: { url: string; drop: () => Promise<void> };
let client: pg.Client;
const q = async <T extends pg.QueryResultRow>(sql: string) => (await client.query<T>(sql)).rows;

const COUNTS = `SELECT (SELECT count(*) FROM use_cases)::int AS use_cases, (SELECT count(*) FROM use_case_scores)::int AS scores,
  (SELECT count(*) FROM use_case_events)::int AS events, (SELECT count(*) FROM use_case_comments)::int AS comments,
  (SELECT count(*) FROM notifications)::int AS notifications, (SELECT count(*) FROM asset_use_cases)::int AS links`;

beforeAll(async () => {
  scratch = await createTestDatabase(inject("adminDatabaseUrl"), "seed");
  await seed(scratch.url);
  client = new pg.Client({ connectionString: scratch.url });
  await client.connect();
}, 180_000);
afterAll(async () => {
  await client?.end();
  await scratch?.drop();
});

describe("demo use cases", { timeout: 180_000 }, () => {
  it("belong to their team's product owner, never the admin", async () => {
    const rows = await q<{ team: string; owner: string; owns: number; member: boolean; po: boolean }>(`
      SELECT t.slug AS team, o.email AS owner, count(*)::int AS owns,
             bool_and(EXISTS (SELECT 1 FROM team_memberships m WHERE m.user_id = o.id AND m.team_id = t.id)) AS member,
             bool_and(EXISTS (SELECT 1 FROM user_roles r WHERE r.user_id = o.id AND r.role = 'product_owner')) AS po
      FROM use_cases u JOIN users o ON o.id = u.owner_id JOIN teams t ON t.id = u.team_id GROUP BY 1, 2 ORDER BY 1`);
    expect(rows.map((r) => [r.team, r.owner])).toEqual([
      ["customer-experience", "carla.owner@demo.local"], ["ml-platform", "mei.owner@demo.local"],
      ["retail-analytics", "priya.owner@demo.local"], ["risk-and-credit", "omar.owner@demo.local"],
    ]);
    expect(rows.every((r) => r.member && r.po)).toBe(true);
    expect(rows.reduce((s, r) => s + r.owns, 0)).toBeGreaterThanOrEqual(40);
  });

  it("link catalog datasets as their data, and a change request waits unread in its owner's notifications", async () => {
    const links = await q<{ title: string; name: string }>(`SELECT u.title, a.name FROM asset_use_cases l JOIN use_cases u ON u.id = l.use_case_id JOIN assets a ON a.id = l.asset_id WHERE a.kind = 'dataset' ORDER BY 1, 2`);
    expect(links).toContainEqual({ title: "Store-level demand forecasting", name: "curated/orders_daily" });
    const inbox = await q<{ owner: string; kind: string; unread: boolean }>(`
      SELECT r.email AS owner, n.kind::text AS kind, n.read_at IS NULL AS unread FROM notifications n JOIN users r ON r.id = n.recipient_id JOIN use_cases u ON u.id = n.use_case_id
      WHERE r.id = u.owner_id ORDER BY 1`);
    expect(inbox).toEqual([{ owner: "carla.owner@demo.local", kind: "change_request", unread: true }, { owner: "omar.owner@demo.local", kind: "change_request", unread: true }]);
  });

  it("is idempotent, and a rerun hands use cases an earlier seed gave the admin to their owner", async () => {
    const before = (await q(COUNTS))[0];
    // What an earlier version of the seed did: the admin owned customer experience's use cases.
    await client.query(`UPDATE use_cases SET owner_id = (SELECT id FROM users WHERE email = 'adam.admin@demo.local')
      WHERE team_id = (SELECT id FROM teams WHERE slug = 'customer-experience')`);
    await seed(scratch.url);
    expect((await q(COUNTS))[0]).toEqual(before);
    expect(await q(`SELECT DISTINCT o.email FROM use_cases u JOIN users o ON o.id = u.owner_id JOIN teams t ON t.id = u.team_id WHERE t.slug = 'customer-experience'`)).toEqual([{ email: "carla.owner@demo.local" }]);
  });
});
