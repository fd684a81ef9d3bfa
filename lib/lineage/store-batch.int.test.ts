import pg from "pg";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { POST } from "@/app/api/v1/lineage/route";
import { createApiToken } from "@/lib/tokens/tokens";
import { ctxOf, makeActor, unique } from "@/lib/test/factories";
import { until } from "@/lib/test/until";

// A batch is stored and folded by one statement with no transaction around it
// (store-batch.ts): what that statement cannot see of itself, and the retry when a
// concurrent batch creates an asset it names mid-statement.

async function lineageToken() {
  const owner = await makeActor(["admin"]);
  return (await createApiToken(ctxOf(owner), { name: unique("ol"), scopes: ["lineage:write"] })).token;
}
function post(body: unknown, token: string) {
  return POST(new Request("http://127.0.0.1/api/v1/lineage", { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${token}` }, body: JSON.stringify(body) }), { params: Promise.resolve({}) });
}
const facet = { _producer: "https://example.test/p", _schemaURL: "https://openlineage.io/spec/facets/1-1-0/SchemaDatasetFacet.json" };
function writes(ns: string, at: string, output: { name: string; version?: string; columns?: string[] }, input?: string) {
  return {
    eventType: "COMPLETE", eventTime: at, producer: "https://example.test/p", schemaURL: "https://openlineage.io/spec/2-0-2/OpenLineage.json",
    job: { namespace: ns, name: "load" }, run: { runId: crypto.randomUUID() },
    inputs: input ? [{ namespace: ns, name: input }] : [],
    outputs: [{ namespace: ns, name: output.name, facets: {
      ...(output.columns ? { schema: { ...facet, fields: output.columns.map((name) => ({ name, type: "string" })) } } : {}),
      ...(output.version ? { version: { _producer: facet._producer, _schemaURL: "https://openlineage.io/spec/facets/1-0-0/DatasetVersionDatasetFacet.json", datasetVersion: output.version } } : {}),
    } }],
  };
}

describe("a batch in one statement", () => {
  it("gives a dataset it creates the columns of the newest version the batch brings, older one last", async () => {
    const token = await lineageToken();
    const ns = unique("ns");
    const res = await post([writes(ns, "2026-02-01T00:00:00Z", { name: "orders", version: "v2", columns: ["id", "amount_eur"] }), writes(ns, "2026-01-01T00:00:00Z", { name: "orders", version: "v1", columns: ["id", "amount"] })], token);
    expect(res.status).toBe(201);
    const asset = await db().asset.findFirstOrThrow({ where: { namespace: ns, name: "orders" } });
    expect(asset.columnNames).toEqual(["id", "amount_eur"]);
    // Search finds it by a column at once (the search vector is computed as the row is inserted).
    const found = await db().$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM assets WHERE id = ${asset.id}::uuid AND search_vector @@ to_tsquery('simple', 'amount_eur')`;
    expect(found[0]!.n).toBe(1);
  });

  it("folds a new job and its new datasets with the ids the same statement created", async () => {
    const token = await lineageToken();
    const ns = unique("ns");
    const event = writes(ns, "2026-03-01T00:00:00Z", { name: "out", columns: ["a"] }, "in");
    expect((await post(event, token)).status).toBe(201);
    const run = await db().run.findUniqueOrThrow({ where: { id: event.run.runId }, include: { job: true, io: { include: { asset: true } } } });
    expect(run.job).toMatchObject({ kind: "job", namespace: ns, name: "load" });
    expect(run.io.map((i) => `${i.direction}:${i.asset.name}`).sort()).toEqual(["input:in", "output:out"]);
    expect(await db().lineageEdge.count({ where: { OR: [{ source: { namespace: ns } }, { target: { namespace: ns } }] } })).toBe(2);
  });

  it("leaves a known dataset version's row alone when a later run sees it unchanged, and moves it when a run saw it earlier", async () => {
    const token = await lineageToken();
    const ns = unique("ns");
    const version = async () => (await db().$queryRaw<{ xmin: string; observed: Date }[]>`SELECT v.xmin::text AS xmin, v.observed_at AS observed FROM dataset_versions v JOIN assets a ON a.id = v.asset_id WHERE a.namespace = ${ns} AND a.name = 'daily'`)[0]!;
    const withVersion = (at: string) => ({ ...writes(ns, at, { name: "out" }), inputs: [{ namespace: ns, name: "daily", facets: { version: { _producer: facet._producer, _schemaURL: "https://openlineage.io/spec/facets/1-0-0/DatasetVersionDatasetFacet.json", datasetVersion: "2026-05-01" } } }] });
    expect((await post(withVersion("2026-05-02T00:00:00Z"), token)).status).toBe(201);
    const first = await version();
    expect((await post(withVersion("2026-05-03T00:00:00Z"), token)).status).toBe(201);
    expect(await version()).toEqual(first); // an update that changes nothing would still write a new row version
    expect((await post(withVersion("2026-05-01T12:00:00Z"), token)).status).toBe(201);
    expect((await version()).observed).toEqual(new Date("2026-05-01T12:00:00Z"));
  });

  it("runs again, storing each row once, when a concurrent batch creates a dataset it names while it runs", async () => {
    const token = await lineageToken();
    const ns = unique("ns");
    const other = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await other.connect();
    try {
      // The other batch's asset, not yet committed: our INSERT ... ON CONFLICT waits for it.
      await other.query("BEGIN");
      const [{ id }] = (await other.query<{ id: string }>(`INSERT INTO assets (kind, namespace, name) VALUES ('dataset', $1, 'raced') RETURNING id::text`, [ns])).rows as [{ id: string }];
      const event = writes(ns, "2026-04-01T00:00:00Z", { name: "raced", columns: ["x"] });
      const answer = post(event, token);
      await until("the batch to wait for the other batch's dataset", async () => (await other.query(`SELECT 1 FROM pg_locks w JOIN pg_locks mine ON mine.transactionid = w.transactionid
        WHERE mine.pid = pg_backend_pid() AND mine.locktype = 'transactionid' AND w.locktype = 'transactionid' AND NOT w.granted`)).rowCount);
      // Committed after our statement's snapshot: ON CONFLICT skips it and the snapshot does not show it.
      await other.query("COMMIT");
      const res = await answer;
      expect(res.status).toBe(201);
      expect(await res.json()).toMatchObject({ stored: 1, duplicates: 0 });
      expect(await db().asset.findMany({ where: { namespace: ns, kind: "dataset" }, select: { id: true } })).toEqual([{ id }]);
      expect(await db().lineageEvent.count({ where: { runId: event.run.runId } })).toBe(1);
      const io = await db().runIo.findMany({ where: { runId: event.run.runId }, select: { assetId: true, direction: true } });
      expect(io).toEqual([{ assetId: id, direction: "output" }]);
    } finally {
      await other.end();
    }
  });
});
