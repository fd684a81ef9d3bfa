import { afterAll, describe, expect, it } from "vitest";
import { olEvent } from "@/bench/scenarios/ingest";
import type { BenchDatabase } from "@/bench/lib/database";
import { databaseWithToken, query } from "./support/database";
import { portalPort } from "./support/ports";
import { auditVerify, say, startPortal, type Portal } from "./support/portal";

// The web server is SIGKILLed while pipelines push OpenLineage batches. Every batch
// the server acknowledged must be stored, each event exactly once; a batch cut off
// mid-flight is stored whole or not at all; re-sending the acknowledged batches
// changes nothing, and re-sending everything stores each event once.

const T = "web server killed during batch ingestion";
const PORT = portalPort(0);
const BATCHES = 30, SIZE = 200, KILL_AFTER_ACKS = 6, IN_FLIGHT = 3;

type Batch = { index: number; events: Record<string, unknown>[]; runIds: string[] };

const batches: Batch[] = Array.from({ length: BATCHES }, (_, b) => {
  const events = Array.from({ length: SIZE }, (_, k) => olEvent(1234, "fault", b * SIZE + k));
  return { index: b, events, runIds: events.map((e) => (e.run as { runId: string }).runId) };
});

async function send(url: string, token: string, b: Batch): Promise<{ status: number; body: Record<string, number> }> {
  const res = await fetch(`${url}/api/v1/lineage`, { method: "POST", headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, body: JSON.stringify(b.events) });
  return { status: res.status, body: (await res.json()) as Record<string, number> };
}

async function storedPerBatch(url: string): Promise<number[]> {
  const rows = await query<{ run_id: string; n: string }>(url, "SELECT run_id::text, count(*)::text AS n FROM lineage_events GROUP BY run_id");
  const counts = new Map(rows.map((r) => [r.run_id, Number(r.n)]));
  if ([...counts.values()].some((n) => n !== 1)) throw new Error("an event was stored more than once");
  return batches.map((b) => b.runIds.filter((id) => counts.has(id)).length);
}

const snapshot = async (url: string) =>
  (await query<Record<string, string>>(url, `SELECT (SELECT count(*) FROM lineage_events)::text AS events, (SELECT count(*) FROM runs)::text AS runs,
    (SELECT count(*) FROM lineage_edges)::text AS edges, (SELECT count(*) FROM assets)::text AS assets, (SELECT count(*) FROM column_lineage_edges)::text AS column_edges,
    (SELECT count(*) FROM audit_events)::text AS audit`))[0]!;

describe("fault: web server SIGKILLed during batch OpenLineage ingestion", () => {
  let db: BenchDatabase | undefined;
  let portal: Portal | undefined;
  afterAll(async () => {
    await portal?.stop();
    await db?.drop();
  });

  it("stores every acknowledged event once, cut-off batches whole or not at all, and re-sending changes nothing", async () => {
    const setup = await databaseWithToken("faults_ingest");
    db = setup.db;
    const token = setup.identity.admin.token;
    portal = await startPortal(PORT, db.url);
    say(T, `portal started; sending ${BATCHES} batches of ${SIZE} events, ${IN_FLIGHT} in flight; SIGKILL after ${KILL_AFTER_ACKS} acknowledgements`);

    const acked = new Set<number>();
    const cut = new Set<number>();
    let next = 0, killed = false;
    const first = portal;
    await Promise.all(Array.from({ length: IN_FLIGHT }, async () => {
      while (next < BATCHES && !killed) {
        const b = batches[next++]!;
        try {
          const r = await send(first.url, token, b);
          if (r.status !== 201) throw new Error(`batch ${b.index} answered ${r.status}: ${JSON.stringify(r.body)}`);
          acked.add(b.index);
          if (acked.size === KILL_AFTER_ACKS && !killed) {
            killed = true;
            await first.kill9();
          }
        } catch (e) {
          if (!killed) throw e;
          cut.add(b.index); // the connection died with the server: not acknowledged
        }
      }
    }));
    say(T, `SIGKILLed the server group after ${acked.size} acknowledged batches; ${cut.size} batch(es) were in flight and got no answer`);
    expect(killed).toBe(true);

    const stored = await storedPerBatch(db.url);
    for (const i of acked) expect(stored[i], `acknowledged batch ${i}`).toBe(SIZE);
    for (const i of cut) expect([0, SIZE], `cut-off batch ${i} stored ${stored[i]} of ${SIZE}`).toContain(stored[i]);
    say(T, `checked: all ${acked.size * SIZE} acknowledged events stored exactly once; cut-off batches stored ${[...cut].map((i) => stored[i]).join(", ")} of ${SIZE} (all or nothing)`);

    portal = await startPortal(PORT, db.url);
    const before = await snapshot(db.url);
    for (const i of acked) {
      const r = await send(portal.url, token, batches[i]!);
      expect(r.status, `re-sent batch ${i}`).toBe(200);
      expect(r.body).toMatchObject({ stored: 0, duplicates: SIZE });
    }
    expect(await snapshot(db.url)).toEqual(before);
    say(T, `restarted; re-sent the ${acked.size} acknowledged batches: 200, 0 stored, ${SIZE} duplicates each; events, runs, edges, assets, column edges and audit rows unchanged (${JSON.stringify(before)})`);

    for (const b of batches) {
      const r = await send(portal.url, token, b);
      expect([200, 201]).toContain(r.status);
    }
    const final = await storedPerBatch(db.url);
    expect(final).toEqual(batches.map(() => SIZE));
    say(T, `re-sent all ${BATCHES} batches: every one of the ${BATCHES * SIZE} events stored exactly once`);

    await portal.stop();
    portal = undefined;
    say(T, auditVerify(db.url));
  });
});
