import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { POST } from "@/app/api/v1/lineage/route";
import { createApiToken } from "@/lib/tokens/tokens";
import { ctxOf, makeActor, unique } from "@/lib/test/factories";
import { allValidEvents, uniquify } from "@/lib/lineage/test-events";

async function lineageToken(scopes: ("lineage:write" | "read")[] = ["lineage:write"]) {
  const owner = await makeActor(["admin"]);
  return (await createApiToken(ctxOf(owner), { name: unique("ol"), scopes })).token;
}
function post(body: unknown, token: string, raw?: string) {
  return POST(new Request("http://127.0.0.1/api/v1/lineage", { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${token}` }, body: raw ?? JSON.stringify(body) }), { params: Promise.resolve({}) });
}

/** Everything ingestion derived for one salt, with salts and fresh UUIDs mapped back to the originals. */
async function snapshot(salt: string, back: Map<string, string>) {
  const un = (s: string | null) => (s ? (back.get(s) ?? s).replace(`${salt}.`, "") : s);
  const name = (a: { namespace: string; name: string }) => `${un(a.namespace)}/${a.name}`;
  const prefix = { startsWith: `${salt}.` };
  const runs = await db().run.findMany({ where: { job: { namespace: prefix } }, include: { job: true, facets: true, io: { include: { asset: true } } } });
  const edges = await db().lineageEdge.findMany({ where: { source: { namespace: prefix } }, include: { source: true, target: true } });
  const cols = await db().columnLineageEdge.findMany({ where: { source: { namespace: prefix } }, include: { source: true, target: true } });
  const versions = await db().datasetVersion.findMany({ where: { asset: { namespace: prefix } }, include: { asset: true } });
  const assets = await db().asset.findMany({ where: { namespace: prefix }, include: { facets: true } });
  const text = (v: unknown) => JSON.stringify(v).replaceAll(`${salt}.`, "").replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, (u) => back.get(u) ?? u);
  return {
    runs: runs.map((r) => ({ id: un(r.id), job: name(r.job), parent: un(r.parentRunId), state: r.state, started: r.startedAt?.toISOString(), ended: r.endedAt?.toISOString(),
      facets: text(Object.fromEntries(r.facets.sort((a, b) => a.key.localeCompare(b.key)).map((f) => [f.key, f.value]))), io: r.io.map((i) => `${i.direction}:${name(i.asset)}`).sort() })).sort((a, b) => a.id!.localeCompare(b.id!)),
    edges: edges.map((e) => `${name(e.source)}>${name(e.target)}@${e.firstSeenAt.toISOString()}..${e.lastSeenAt.toISOString()}`).sort(),
    cols: cols.map((e) => `${name(e.source)}.${e.sourceColumn}>${name(e.target)}.${e.targetColumn}`).sort(),
    versions: versions.map((v) => `${name(v.asset)}@${v.version}:${un(v.producedByRunId)}:${v.observedAt.toISOString()}:${text(v.schema)}`).sort(),
    assets: assets.map((a) => `${a.kind}:${name(a)}:${[...(a.columnNames ?? [])].join(",")}:${text(Object.fromEntries(a.facets.sort((x, y) => x.key.localeCompare(y.key)).map((f) => [f.key, f.value])))}`).sort(),
  };
}

describe("lineage ingestion is order-independent", () => {
  it("gives the same runs, datasets, versions and edges when the whole shared set is posted in reverse order", async () => {
    const token = await lineageToken();
    const events = allValidEvents();
    const [sa, sb] = [unique("fwd"), unique("rev")];
    const a = uniquify(events, sa);
    const b = uniquify([...events].reverse(), sb);
    for (const e of a.events) expect((await post(e, token)).status).toBe(201);
    expect((await post(b.events, token)).status).toBe(201); // the reversed set as one batch
    const [x, y] = [await snapshot(sa, a.back), await snapshot(sb, b.back)];
    expect(x.runs.length).toBeGreaterThan(10);
    expect(x.cols.length).toBeGreaterThan(0);
    expect(y).toEqual(x);
  });

  it("keeps a run completed when its START arrives after its COMPLETE, with both times", async () => {
    const token = await lineageToken();
    const runId = crypto.randomUUID();
    const base = { producer: "https://example.test/producer", schemaURL: "https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent", job: { namespace: unique("ns"), name: "etl" }, run: { runId } };
    expect((await post({ ...base, eventType: "COMPLETE", eventTime: "2026-01-01T10:05:00.000Z" }, token)).status).toBe(201);
    expect((await post({ ...base, eventType: "START", eventTime: "2026-01-01T10:00:00.000Z" }, token)).status).toBe(201);
    expect((await post({ ...base, eventType: "RUNNING", eventTime: "2026-01-01T10:02:00.000Z" }, token)).status).toBe(201);
    const run = await db().run.findUniqueOrThrow({ where: { id: runId } });
    expect(run).toMatchObject({ state: "completed", startedAt: new Date("2026-01-01T10:00:00.000Z"), endedAt: new Date("2026-01-01T10:05:00.000Z") });
  });

  it("refuses a token without the lineage scope, a 5 MB event and a batch with one bad event, storing nothing", async () => {
    const readOnly = await lineageToken(["read"]);
    const ns = unique("ns");
    const good = { eventType: "START", eventTime: "2026-01-01T10:00:00Z", producer: "https://example.test/p", schemaURL: "https://openlineage.io/spec/2-0-2/OpenLineage.json", job: { namespace: ns, name: "j" }, run: { runId: crypto.randomUUID() } };
    expect((await post(good, readOnly)).status).toBe(403);
    const token = await lineageToken();
    const huge = { ...good, run: { ...good.run, facets: { custom: { _producer: "https://example.test/p", _schemaURL: "https://example.test/s", blob: "x".repeat(5 * 1024 * 1024 + 10) } } } };
    expect((await post(huge, token)).status).toBe(413);
    const res = await post([good, { ...good, run: { runId: "not-a-uuid" } }], token);
    expect(res.status).toBe(422);
    expect((await res.json()).errors[0].path).toBe("[1]run.runId");
    expect(await db().asset.count({ where: { namespace: ns } })).toBe(0);
  });

  it("keeps search on the newest schema's columns when an older version of a dataset arrives later", async () => {
    const token = await lineageToken();
    const ns = unique("ns");
    const facet = { _producer: "https://example.test/p", _schemaURL: "https://openlineage.io/spec/facets/1-1-0/SchemaDatasetFacet.json" };
    const observed = (at: string, version: string, columns: string[]) => ({
      eventType: "COMPLETE", eventTime: at, producer: "https://example.test/p", schemaURL: "https://openlineage.io/spec/2-0-2/OpenLineage.json",
      job: { namespace: ns, name: "load" }, run: { runId: crypto.randomUUID() },
      outputs: [{ namespace: ns, name: "orders", facets: {
        schema: { ...facet, fields: columns.map((name) => ({ name, type: "string" })) },
        version: { _producer: facet._producer, _schemaURL: "https://openlineage.io/spec/facets/1-0-0/DatasetVersionDatasetFacet.json", datasetVersion: version },
      } }],
    });
    expect((await post(observed("2026-02-01T00:00:00Z", "v2", ["id", "amount_eur"]), token)).status).toBe(201);
    expect((await post(observed("2026-01-01T00:00:00Z", "v1", ["id", "amount"]), token)).status).toBe(201);
    const asset = await db().asset.findFirstOrThrow({ where: { namespace: ns, name: "orders" } });
    expect(asset.columnNames).toEqual(["id", "amount_eur"]);
    expect(await db().datasetVersion.count({ where: { assetId: asset.id } })).toBe(2);
  });

  it("stores two batches that name the same new datasets at the same time, with one asset each", async () => {
    const token = await lineageToken();
    const ns = unique("ns");
    const batch = (from: number) => Array.from({ length: 20 }, (_, i) => ({
      eventType: "COMPLETE", eventTime: new Date(Date.UTC(2026, 0, 1, 0, from + i)).toISOString(), producer: "https://example.test/p",
      schemaURL: "https://openlineage.io/spec/2-0-2/OpenLineage.json", job: { namespace: ns, name: `job_${i % 3}` }, run: { runId: crypto.randomUUID() },
      inputs: [{ namespace: ns, name: `in_${i % 5}` }], outputs: [{ namespace: ns, name: `out_${i % 5}` }],
    }));
    const answers = await Promise.all([post(batch(0), token), post(batch(100), token), post(batch(200), token)]);
    expect(answers.map((r) => r.status)).toEqual([201, 201, 201]);
    expect(await db().asset.count({ where: { namespace: ns } })).toBe(13);
    expect(await db().run.count({ where: { job: { namespace: ns } } })).toBe(60);
    expect(await db().lineageEdge.count({ where: { source: { namespace: ns } } })).toBe(30); // in_(i%5) → job_(i%3) and back out: 15 pairs each way
  });
});
