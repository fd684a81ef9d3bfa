import { afterAll, describe, expect, it } from "vitest";
import type { BenchDatabase } from "@/bench/lib/database";
import { olEvent } from "@/bench/scenarios/ingest";
import { databaseWithToken, query } from "./support/database";
import { portalPort, postgresPort } from "./support/ports";
import { ownPostgres, type OwnPostgres } from "./support/own-postgres";
import { auditVerify, say, startPortal, type Portal } from "./support/portal";

// PostgreSQL dies under load (immediate shutdown: the crash-recovery path) and comes
// back. While it is down every request answers 503 with Retry-After (never a 500,
// never a hang); when it is back the same portal process serves 200 again.

const T = "PostgreSQL restarted during load";
const PORT = portalPort(1);

type Sample = { at: number; path: string; status: number; retryAfter: string | null; ms: number; body?: string };

describe("fault: PostgreSQL restarted during load", () => {
  let pg: OwnPostgres | undefined;
  let db: BenchDatabase | undefined;
  let portal: Portal | undefined;
  afterAll(async () => {
    await portal?.stop();
    await db?.drop().catch(() => {});
    await pg?.destroy();
  });

  it("answers 503 with Retry-After while the database is down and recovers without a restart", async () => {
    pg = await ownPostgres(postgresPort(1));
    const setup = await databaseWithToken("faults_pg", pg.adminUrl);
    db = setup.db;
    const auth = { authorization: `Bearer ${setup.identity.admin.token}` };
    portal = await startPortal(PORT, db.url);
    const pid = portal.child.pid;
    const url = portal.url;

    const samples: Sample[] = [];
    let stop = false;
    const worker = async (path: string) => {
      while (!stop) {
        const t0 = performance.now();
        const res = await fetch(url + path, { headers: auth, signal: AbortSignal.timeout(15_000) });
        const body = await res.text();
        samples.push({ at: Date.now(), path, status: res.status, retryAfter: res.headers.get("retry-after"), ms: performance.now() - t0, ...(res.status >= 500 && res.status !== 503 ? { body: body.slice(0, 300) } : {}) });
      }
    };
    const load = Promise.all([worker("/api/v1/assets?q=orders"), worker("/api/v1/audit?limit=20"), worker("/api/v1/me")]);
    const wait = (ms: number) => new Promise((r) => setTimeout(r, ms)); // load runs meanwhile: the waits pace the phases

    for (const deadline = Date.now() + 30_000; samples.filter((s) => s.status === 200).length < 20 && Date.now() < deadline; ) await wait(100);
    const upBefore = samples.length;
    await pg.crash();
    const downAt = Date.now();
    say(T, `3 request loops running; ${upBefore} answered before the crash; PostgreSQL shut down immediately (SIGQUIT)`);
    await wait(4000);
    const write = await fetch(`${url}/api/v1/lineage`, { method: "POST", headers: { ...auth, "content-type": "application/json" }, body: JSON.stringify(olEvent(5, "pgdown", 1)) });
    const writeBody = await write.text();
    await pg.start();
    const upAt = Date.now();
    say(T, `PostgreSQL down for ${((upAt - downAt) / 1000).toFixed(1)} s, then started again on the same data directory`);

    let recoveredAt = 0;
    for (const deadline = Date.now() + 30_000; Date.now() < deadline && !recoveredAt; await wait(200)) {
      const last = samples.slice(-3);
      if (last.length === 3 && last.every((s) => s.at > upAt && s.status === 200)) recoveredAt = Date.now();
    }
    await wait(1500);
    stop = true;
    await load;

    const down = samples.filter((s) => s.at > downAt + 500 && s.at < upAt);
    const after = samples.filter((s) => recoveredAt && s.at > recoveredAt);
    const statuses = [...new Set(samples.map((s) => s.status))].sort();
    say(T, `${samples.length} answers, statuses ${statuses.join("/")}; while down: ${down.length} answers, slowest ${Math.round(Math.max(...down.map((s) => s.ms)))} ms; write while down: ${write.status}`);
    const odd = samples.filter((s) => s.status !== 200 && s.status !== 503);
    if (odd.length) console.log(`[faults] server log:\n${portal.output().slice(-3000)}`);
    expect(odd.length, `answers other than 200/503: ${JSON.stringify(odd.slice(0, 3))}`).toBe(0);
    expect(down.length).toBeGreaterThan(0);
    for (const s of down) {
      expect(s.status).toBe(503);
      expect(Number(s.retryAfter)).toBeGreaterThan(0);
    }
    for (const s of samples.filter((x) => x.status === 503)) expect(s.retryAfter).toBeTruthy();
    expect(Math.max(...down.map((s) => s.ms))).toBeLessThan(10_000);
    expect(write.status, writeBody).toBe(503);
    expect(write.headers.get("retry-after")).toBeTruthy();
    expect(recoveredAt, "the portal answered 200 again within 30 s of the database coming back").toBeGreaterThan(0);
    expect(after.length).toBeGreaterThan(0);
    expect(after.every((s) => s.status === 200)).toBe(true);
    expect(portal.child.pid).toBe(pid);
    expect(portal.child.exitCode).toBeNull();
    say(T, `checked: only 200 and 503; every 503 carried Retry-After; the write during the outage was refused with 503; recovered ${((recoveredAt - upAt) / 1000).toFixed(1)} s after the database came back; ${after.length} answers after that, all 200; same server process (pid ${pid})`);

    const rows = await query<{ n: string }>(db.url, "SELECT count(*)::text AS n FROM lineage_events");
    expect(rows[0]!.n).toBe("0");
    say(T, "checked: the refused write left nothing behind");
    await portal.stop();
    portal = undefined;
    say(T, auditVerify(db.url));
  });
});
