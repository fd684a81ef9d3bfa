import { createHash } from "node:crypto";
import { datasetKey, normalizeEventTime, parseLakefs, type LakefsLocation } from "@/lib/lineage/names";
import { eventTypeOf } from "@/lib/lineage/validate";

// Turns one validated OpenLineage event into the rows it contributes. Pure: the batch
// writer (ingest.ts) merges rows of many events in SQL, order-independently.

type Facets = Record<string, unknown>;
interface OlDataset { namespace: string; name: string; facets?: Facets; inputFacets?: Facets; outputFacets?: Facets }
interface OlEvent {
  eventTime: string; eventType?: string;
  run?: { runId: string; facets?: Facets };
  job?: { namespace: string; name: string; facets?: Facets };
  inputs?: OlDataset[]; outputs?: OlDataset[]; dataset?: OlDataset;
}

export const STATE_OF: Record<string, string> = { START: "started", RUNNING: "running", COMPLETE: "completed", ABORT: "aborted", FAIL: "failed", OTHER: "other" };

export interface DatasetRow {
  namespace: string; name: string; role: "input" | "output" | "static"; facets: Facets;
  version: { key: string; lakefs: LakefsLocation | null; schema: unknown[]; dataQuality: Facets | null } | null;
}
export interface ColumnEdgeRow { source: { namespace: string; name: string }; sourceColumn: string; target: { namespace: string; name: string }; targetColumn: string; transformation: unknown }
export interface NormalizedEvent {
  dedupeKey: string; eventKind: "run" | "dataset" | "job"; runId: string | null; eventType: string | null; eventTime: string; payload: string;
  job: { namespace: string; name: string; facets: Facets } | null;
  run: { id: string; parentRunId: string | null; state: string; facets: Facets } | null;
  datasets: DatasetRow[];
  columnEdges: ColumnEdgeRow[];
}

function versionOf(ds: OlDataset): DatasetRow["version"] {
  const f = ds.facets ?? {};
  const schema = (f.schema as { fields?: unknown[] } | undefined)?.fields ?? [];
  const declared = (f.version as { datasetVersion?: string } | undefined)?.datasetVersion ?? null;
  const dq = { ...(f.dataQualityAssertions ? { assertions: (f.dataQualityAssertions as Facets).assertions } : {}), ...(f.dataQualityMetrics || ds.inputFacets?.dataQualityMetrics ? { metrics: f.dataQualityMetrics ?? ds.inputFacets?.dataQualityMetrics } : {}) };
  const lakefs = parseLakefs(ds.namespace, ds.name)?.lakefs ?? null;
  const schemaHash = schema.length ? createHash("sha256").update(JSON.stringify(schema)).digest("hex").slice(0, 12) : null;
  let key: string | null = null;
  if (lakefs) {
    if (!lakefs.commitId && declared && /^[0-9a-f]{40,64}$/i.test(declared)) lakefs.commitId = declared;
    // A commit is a version by itself; a branch head is only "what the branch held", told apart by schema.
    key = lakefs.commitId ?? (schemaHash ? `${lakefs.ref}#${schemaHash}` : lakefs.ref);
  } else key = declared ?? (schemaHash ? `schema:${schemaHash}` : null);
  return key ? { key, lakefs, schema, dataQuality: Object.keys(dq).length ? dq : null } : null;
}

function dataset(ds: OlDataset, role: DatasetRow["role"]): DatasetRow {
  return { ...datasetKey(ds.namespace, ds.name), role, facets: { ...ds.facets, ...ds.inputFacets, ...ds.outputFacets }, version: versionOf(ds) };
}

function columnEdges(out: OlDataset): ColumnEdgeRow[] {
  const fields = ((out.facets?.columnLineage as { fields?: Record<string, { inputFields?: { namespace: string; name: string; field: string; transformations?: unknown[] }[]; transformationDescription?: string; transformationType?: string }> } | undefined)?.fields) ?? {};
  const target = datasetKey(out.namespace, out.name);
  return Object.entries(fields).flatMap(([targetColumn, f]) =>
    (f.inputFields ?? []).map((i) => ({
      source: datasetKey(i.namespace, i.name), sourceColumn: i.field, target, targetColumn,
      transformation: i.transformations ?? (f.transformationType ? [{ type: f.transformationType, description: f.transformationDescription ?? "" }] : []),
    })),
  );
}

export function normalizeEvent(raw: unknown): NormalizedEvent {
  const e = raw as OlEvent;
  const kind = eventTypeOf(raw as Record<string, unknown>);
  const eventTime = normalizeEventTime(e.eventTime);
  const payload = JSON.stringify(raw);
  if (kind === "DatasetEvent") {
    const d = dataset(e.dataset!, "static");
    return { dedupeKey: `dataset|${d.namespace}|${d.name}|${eventTime}`, eventKind: "dataset", runId: null, eventType: null, eventTime, payload, job: null, run: null, datasets: [d], columnEdges: [] };
  }
  const job = { namespace: e.job!.namespace, name: e.job!.name, facets: e.job!.facets ?? {} };
  const datasets = [...(e.inputs ?? []).map((d) => dataset(d, "input")), ...(e.outputs ?? []).map((d) => dataset(d, "output"))];
  const edges = (e.outputs ?? []).flatMap(columnEdges);
  if (kind === "JobEvent")
    return { dedupeKey: `job|${job.namespace}|${job.name}|${eventTime}`, eventKind: "job", runId: null, eventType: null, eventTime, payload, job, run: null, datasets, columnEdges: edges };
  const runId = e.run!.runId.toLowerCase();
  const facets = e.run!.facets ?? {};
  const parent = (facets.parent as { run?: { runId?: string } } | undefined)?.run?.runId?.toLowerCase() ?? null;
  const eventType = e.eventType ?? "OTHER";
  return {
    dedupeKey: `run|${runId}|${eventType}|${eventTime}`, eventKind: "run", runId, eventType, eventTime, payload, job,
    run: { id: runId, parentRunId: parent && parent !== runId ? parent : null, state: STATE_OF[eventType] ?? "other", facets },
    datasets, columnEdges: edges,
  };
}
