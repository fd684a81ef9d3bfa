import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { POST } from "@/app/api/v1/lineage/route";
import { createApiToken } from "@/lib/tokens/tokens";
import { ctxOf, makeActor, unique } from "@/lib/test/factories";
import { eventFiles, readEvent, uniquify, VALID_DIRS } from "@/lib/lineage/test-events";
import { olEvent } from "@/bench/scenarios/ingest";

async function tokenWith(scopes: ("lineage:write" | "read")[]) {
  return (await tokenAndOwner(scopes)).token;
}
async function tokenAndOwner(scopes: ("lineage:write" | "read")[]) {
  const owner = await makeActor(["admin"]);
  const created = await createApiToken(ctxOf(owner), { name: unique("ol"), scopes });
  return { token: created.token, tokenId: created.id, userId: owner.userId };
}
async function post(body: unknown, token: string, raw?: string): Promise<Response> {
  const req = new Request("http://127.0.0.1/api/v1/lineage", {
    method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${token}` }, body: raw ?? JSON.stringify(body),
  });
  return POST(req, { params: Promise.resolve({}) });
}

describe("POST /api/v1/lineage with the shared OpenLineage events", () => {
  for (const dir of VALID_DIRS) {
    for (const file of eventFiles(dir)) {
      it(`stores ${dir}/${file} once and answers a repeat as a duplicate`, async () => {
        const token = await tokenWith(["lineage:write"]);
        const [event] = uniquify([readEvent(dir, file)], unique("ns")).events as { run?: { runId: string }; job?: { name: string } }[];
        const first = await post(event, token);
        expect(first.status).toBe(201);
        expect(await first.json()).toMatchObject({ received: 1, stored: 1, duplicates: 0 });
        const again = await post(event, token);
        expect(again.status).toBe(200);
        expect(await again.json()).toMatchObject({ stored: 0, duplicates: 1 });
        if (event!.run) {
          const run = await db().run.findUniqueOrThrow({ where: { id: event!.run.runId }, select: { job: { select: { name: true } } } });
          expect(run.job.name).toBe(event!.job!.name);
          expect(await db().lineageEvent.count({ where: { runId: event!.run.runId } })).toBe(1);
        }
      });
    }
  }

  for (const file of eventFiles("invalid")) {
    it(`refuses invalid/${file} with the schema path of each error and stores nothing`, async () => {
      const token = await tokenWith(["lineage:write"]);
      const event = uniquify([readEvent("invalid", file)], unique("ns")).events[0] as { run?: { runId?: string }; job: { namespace: string } };
      const res = await post(event, token);
      expect(res.status).toBe(422);
      const problem = await res.json();
      expect(problem.eventErrors.length).toBeGreaterThan(0);
      for (const e of problem.eventErrors) expect(e.schemaPath).toMatch(/\.json#\//);
      expect(problem.errors[0].message).toContain("schema");
      expect(await db().asset.count({ where: { namespace: event.job.namespace } })).toBe(0);
    });
  }

  for (const file of eventFiles("templated")) {
    it(`refuses templated/${file} (placeholders are not valid events) as a whole batch`, async () => {
      const token = await tokenWith(["lineage:write"]);
      const body = uniquify([readEvent("templated", file)], unique("ns")).events[0];
      const res = await post(body, token);
      expect(res.status).toBe(422);
      const problem = await res.json();
      if (Array.isArray(body)) expect(problem.errors[0].path).toMatch(/^\[\d+\]/);
    });
  }
});

describe("who sent an OpenLineage event", () => {
  it("is stored on each event (user, token, request id) and no audit event is written per request", async () => {
    const { token, tokenId, userId } = await tokenAndOwner(["lineage:write"]);
    const events = [0, 1, 2].map((i) => olEvent(Date.now() % 100_000, unique("sender"), i));
    const requestId = unique("req");
    const lastSeq = (await db().auditEvent.findFirst({ orderBy: { seq: "desc" }, select: { seq: true } }))?.seq ?? 0n;
    const res = await POST(new Request("http://127.0.0.1/api/v1/lineage", {
      method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${token}`, "x-request-id": requestId }, body: JSON.stringify(events),
    }), { params: Promise.resolve({}) });
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ received: 3, stored: 3, duplicates: 0 });
    const runIds = events.map((e) => (e.run as { runId: string }).runId);
    const rows = await db().lineageEvent.findMany({ where: { runId: { in: runIds } }, select: { sentByUserId: true, sentByTokenId: true, requestId: true } });
    expect(rows).toEqual(runIds.map(() => ({ sentByUserId: userId, sentByTokenId: tokenId, requestId })));
    expect(await db().auditEvent.count({ where: { requestId } })).toBe(0);
    // Other tests write audit events meanwhile; none of them is an ingestion.
    expect(await db().auditEvent.count({ where: { action: "lineage.ingested", seq: { gt: lastSeq } } })).toBe(0);
  });

  it("cannot be rewritten: stored events refuse UPDATE and DELETE", async () => {
    const token = await tokenWith(["lineage:write"]);
    const event = olEvent(Date.now() % 100_000, unique("append-only"), 0);
    expect((await post(event, token)).status).toBe(201);
    const runId = (event.run as { runId: string }).runId;
    await expect(db().$executeRaw`UPDATE lineage_events SET sent_by_user_id = NULL WHERE run_id = ${runId}::uuid`).rejects.toThrow(/append-only/);
    await expect(db().$executeRaw`DELETE FROM lineage_events WHERE run_id = ${runId}::uuid`).rejects.toThrow(/append-only/);
    expect(await db().lineageEvent.count({ where: { runId } })).toBe(1);
  });
});
