import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { POST } from "@/app/api/v1/lineage/route";
import { createApiToken } from "@/lib/tokens/tokens";
import { ctxOf, makeActor, unique } from "@/lib/test/factories";
import { eventFiles, readEvent, uniquify, VALID_DIRS } from "@/lib/lineage/test-events";

async function tokenWith(scopes: ("lineage:write" | "read")[]) {
  const owner = await makeActor(["admin"]);
  return (await createApiToken(ctxOf(owner), { name: unique("ol"), scopes })).token;
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
