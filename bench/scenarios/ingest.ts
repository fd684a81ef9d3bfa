import { seededUuid } from "../lib/rng";
import { BASE_TIME } from "../gen/catalog";
import { INGEST_BUDGET, type BenchContext, type Scenario } from "./types";

// OpenLineage intake (POST /api/v1/lineage), in batches and one event per request.
// Every event is new (its own run id), so each request does the full merge rather
// than a cheap duplicate check. Spark-like shape as in scripts/bench-lineage-ingest.ts:
// an input and an output dataset with schemas and column lineage.

const BATCH = 100;
const FACET = { _producer: "https://example.test/bench", _schemaURL: "https://openlineage.io/spec/facets/1-1-0/SchemaDatasetFacet.json#/$defs/SchemaDatasetFacet" };

export function olEvent(seed: number, label: string, i: number): Record<string, unknown> {
  const ns = "bench-ingest";
  const ds = (n: number) => `warehouse.table_${n % 2000}`;
  const field = (name: string) => ({ name, type: "string" });
  return {
    eventType: i % 2 ? "COMPLETE" : "START",
    eventTime: new Date(BASE_TIME + i * 1000).toISOString(),
    producer: "https://example.test/bench",
    schemaURL: "https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent",
    run: { runId: seededUuid(seed, `${label}:run:${i}`), facets: {} },
    job: { namespace: ns, name: `job_${i % 500}` },
    inputs: [{ namespace: ns, name: ds(i), facets: { schema: { ...FACET, fields: ["a", "b", "c"].map(field) } } }],
    outputs: [{
      namespace: ns, name: ds(i + 7),
      facets: {
        schema: { ...FACET, fields: ["a", "b"].map(field) },
        columnLineage: { ...FACET, fields: { a: { inputFields: [{ namespace: ns, name: ds(i), field: "a" }] }, b: { inputFields: [{ namespace: ns, name: ds(i), field: "c" }] } } },
      },
    }],
  };
}

const post = (ctx: BenchContext, body: unknown) => ({ method: "POST" as const, path: "/api/v1/lineage", headers: ctx.admin, body: JSON.stringify(body) });

export const ingestScenarios: Scenario[] = [
  {
    name: "OpenLineage ingestion, batches of 100",
    requires: ["POST /api/v1/lineage"], budget: INGEST_BUDGET, eventsPerRequest: BATCH,
    // Enough batches that none is sent twice within the time bound (about 80 a second at most here).
    requests: (ctx, max) => Array.from({ length: Math.min(max, 800) }, (_, b) => post(ctx, Array.from({ length: BATCH }, (_, k) => olEvent(ctx.seed, `batch${ctx.runTag}`, b * BATCH + k)))),
  },
  {
    name: "OpenLineage ingestion, one by one",
    requires: ["POST /api/v1/lineage"], budget: INGEST_BUDGET, eventsPerRequest: 1,
    requests: (ctx, max) => Array.from({ length: max + 16 }, (_, i) => post(ctx, olEvent(ctx.seed, `single${ctx.runTag}`, i))),
  },
];
