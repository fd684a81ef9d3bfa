import { randomUUID } from "node:crypto";
import { ingestLineage } from "@/lib/lineage/ingest";
import { db } from "@/lib/db";

// Measures OpenLineage ingestion throughput through the service (validation, dedupe,
// batched SQL, audit): BATCHES batches of BATCH synthetic Spark-like run events, each
// with inputs, outputs, a schema and column lineage. Run against a scratch database:
//   DATABASE_URL=... npx tsx --conditions=react-server scripts/bench-lineage-ingest.ts
const BATCH = Number(process.env.BATCH ?? 500);
const BATCHES = Number(process.env.BATCHES ?? 6);

function event(i: number, salt: string) {
  const ns = `bench-${salt}`;
  const ds = (n: number) => `warehouse.table_${n % 400}`;
  const field = (n: string) => ({ name: n, type: "string" });
  const f = { _producer: "https://example.test/bench", _schemaURL: "https://openlineage.io/spec/facets/1-1-0/SchemaDatasetFacet.json#/$defs/SchemaDatasetFacet" };
  return {
    eventType: i % 2 ? "COMPLETE" : "START", eventTime: new Date(Date.UTC(2026, 0, 1) + i * 1000).toISOString(),
    producer: "https://example.test/bench", schemaURL: "https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent",
    run: { runId: randomUUID(), facets: { processing_engine: { ...f, version: "3.5.0", name: "spark" } } },
    job: { namespace: ns, name: `job_${i % 300}` },
    inputs: [{ namespace: ns, name: ds(i), facets: { schema: { ...f, fields: ["a", "b", "c"].map(field) } } }],
    outputs: [{ namespace: ns, name: ds(i + 1), facets: {
      schema: { ...f, fields: ["a", "b"].map(field) },
      columnLineage: { ...f, fields: { a: { inputFields: [{ namespace: ns, name: ds(i), field: "a" }] }, b: { inputFields: [{ namespace: ns, name: ds(i), field: "c" }] } } },
    } }],
  };
}

const admin = await db().user.findFirst({ where: { roles: { some: { role: "admin" } } }, include: { memberships: true } });
const actor = { kind: "user" as const, userId: admin?.id ?? randomUUID(), email: "bench@local", name: "bench", roles: ["admin" as const], teamIds: [] };
const salt = randomUUID().slice(0, 8);
let n = 0;
const started = performance.now();
for (let b = 0; b < BATCHES; b++) {
  const events = Array.from({ length: BATCH }, () => event(n++, salt));
  const t = performance.now();
  const r = await ingestLineage({ actor, requestId: randomUUID() }, events);
  console.log(`batch ${b}: ${r.stored} stored in ${Math.round(performance.now() - t)} ms`);
}
const secs = (performance.now() - started) / 1000;
console.log(`${n} events in ${secs.toFixed(2)} s = ${Math.round(n / secs)} events/s`);
await db().$disconnect();
