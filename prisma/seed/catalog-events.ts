import { createHash } from "node:crypto";

// Synthetic but realistic OpenLineage events for the demo's lakeFS-backed pipelines:
// Airflow tasks reading raw data at a lakeFS commit and writing curated tables and
// feature sets, with schema and column-lineage facets. Fixed ids and times: idempotent.

export const commitOf = (label: string) => createHash("sha256").update(`demo-commit:${label}`).digest("hex");
export const runIdOf = (label: string) => {
  const h = createHash("sha256").update(`demo-run:${label}`).digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
};

const P = "https://github.com/apache/airflow/tree/providers-openlineage/1.14.0";
const facet = (name: string) => ({ _producer: P, _schemaURL: `https://openlineage.io/spec/facets/1-1-0/${name}.json#/$defs/${name}` });
const schema = (cols: [string, string, string?][]) => ({ ...facet("SchemaDatasetFacet"), fields: cols.map(([name, type, description]) => ({ name, type, ...(description ? { description } : {}) })) });

export interface Step {
  repo: string; job: string; inputs: { path: string; ref: string; cols: [string, string, string?][] }[];
  output: { path: string; ref: string; cols: [string, string, string?][]; from: Record<string, [string, string][]> };
  at: string; sql?: string;
}

export function eventsOf(step: Step): object[] {
  const runId = runIdOf(`${step.job}@${step.at}`);
  const base = {
    producer: P, schemaURL: "https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent",
    job: { namespace: "airflow://demo", name: step.job, facets: step.sql ? { sql: { ...facet("SQLJobFacet"), query: step.sql } } : {} },
  };
  const inputs = step.inputs.map((i) => ({ namespace: `lakefs://${step.repo}`, name: `${i.ref}/${i.path}`, facets: { schema: schema(i.cols) } }));
  const fields = Object.fromEntries(Object.entries(step.output.from).map(([col, srcs]) => [col, {
    inputFields: srcs.map(([path, field]) => ({ namespace: `lakefs://${step.repo}`, name: `${step.inputs.find((i) => i.path === path)!.ref}/${path}`, field, transformations: [{ type: "DIRECT", subtype: "TRANSFORMATION", description: "", masking: false }] })),
  }]));
  const output = { namespace: `lakefs://${step.repo}`, name: `${step.output.ref}/${step.output.path}`, facets: {
    schema: schema(step.output.cols), columnLineage: { ...facet("ColumnLineageDatasetFacet"), fields },
    dataQualityAssertions: { ...facet("DataQualityAssertionsDatasetFacet"), assertions: [{ assertion: "not_null", success: true, column: step.output.cols[0]![0] }, { assertion: "row_count_above_0", success: true }] },
  } };
  const start = new Date(step.at);
  const end = new Date(start.getTime() + 7 * 60_000);
  return [
    { ...base, eventType: "START", eventTime: start.toISOString(), run: { runId, facets: { processing_engine: { ...facet("ProcessingEngineRunFacet"), version: "2.10.3", name: "Airflow", openlineageAdapterVersion: "1.14.0" } } }, inputs, outputs: [] },
    { ...base, eventType: "COMPLETE", eventTime: end.toISOString(), run: { runId }, inputs, outputs: [output] },
  ];
}
