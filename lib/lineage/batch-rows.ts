import type { NormalizedEvent } from "@/lib/lineage/normalize";

// The parameters of a batch's one statement (store-batch.ts), each table's rows as one JSON
// array for json_to_recordset: one string per table keeps the driver from escaping thousands
// of array elements one by one. Pure: the SQL merges the rows order-independently.
//
// The statement itself decides which events are new (the dedupe key) and which assets exist,
// so rows cannot carry ids: each row names its event by index (x, into the batch) and its
// assets by index (i, into the batch's distinct jobs and datasets). The SQL keeps the rows of
// new events only and swaps each asset index for the id it found or created.

const TERMINAL = new Set(["completed", "failed", "aborted"]);

export interface BatchStats { runs: number; datasets: number; jobs: number; edges: number; columnEdges: number; datasetVersions: number }
export interface BatchParams { events: string; keys: string; assets: string; runs: string; runFacets: string; assetFacets: string; io: string; edges: string; columns: string; versions: string }

/** The jobs and datasets (namespace, name) an event writes rows for. */
function assetsOf(e: NormalizedEvent): { kind: "job" | "dataset"; namespace: string; name: string }[] {
  return [
    ...(e.job ? [{ kind: "job" as const, ...e.job }] : []),
    ...e.datasets.map((d) => ({ kind: "dataset" as const, namespace: d.namespace, name: d.name })),
    ...e.columnEdges.flatMap((c) => [{ kind: "dataset" as const, ...c.source }, { kind: "dataset" as const, ...c.target }]),
  ];
}

/**
 * The events as one JSON array, each payload spliced in as the JSON text it already is:
 * one string instead of six arrays whose every element the driver would escape (that
 * escaping and the garbage it made were a large share of the server's CPU per event).
 */
function eventsJson(events: NormalizedEvent[]): string {
  return `[${events.map((n) => `${JSON.stringify({ k: n.dedupeKey, e: n.eventKind, r: n.runId, y: n.eventType, t: n.eventTime }).slice(0, -1)},"p":${n.payload}}`).join(",")}]`;
}

/** events must have distinct dedupe keys (ingest.ts keeps the first of each). */
export function batchParams(events: NormalizedEvent[]): BatchParams {
  const index = new Map<string, number>();
  const named = new Map<string, { i: number; kind: string; ns: string; n: string; x: number }>();
  const ref = (kind: "job" | "dataset", ns: string, n: string, x: number) => {
    const key = `${kind}\u0000${ns}\u0000${n}`;
    let i = index.get(key);
    if (i === undefined) index.set(key, (i = index.size));
    named.set(`${i}\u0000${x}`, { i, kind, ns, n, x });
    return i;
  };
  events.forEach((e, x) => assetsOf(e).forEach((a) => ref(a.kind, a.namespace, a.name, x)));
  const job = (e: NormalizedEvent, x: number) => ref("job", e.job!.namespace, e.job!.name, x);
  const ds = (ns: string, name: string, x: number) => ref("dataset", ns, name, x);

  const runs = events.flatMap((e, x) => (e.run ? [{ e, x, run: e.run }] : []));
  const runRows = runs.map(({ e, x, run }) => ({
    x, id: run.id, job: job(e, x), parent: run.parentRunId, state: run.state, t: e.eventTime,
    started: run.state === "started" ? e.eventTime : null, ended: TERMINAL.has(run.state) ? e.eventTime : null,
  }));
  const runFacets = runs.flatMap(({ e, x, run }) => Object.entries(run.facets).map(([key, v]) => ({ x, o: run.id, key, v, at: e.eventTime })));
  const assetFacets = events.flatMap((e, x) => [
    ...(e.job ? Object.entries(e.job.facets).map(([key, v]) => ({ x, o: job(e, x), key, v, at: e.eventTime })) : []),
    ...e.datasets.flatMap((d) => Object.entries(d.facets).map(([key, v]) => ({ x, o: ds(d.namespace, d.name, x), key, v, at: e.eventTime }))),
  ]);
  const io = runs.flatMap(({ e, x, run }) => e.datasets.filter((d) => d.role !== "static").map((d) => ({ x, run: run.id, a: ds(d.namespace, d.name, x), dir: d.role })));
  const edges = events.flatMap((e, x) => (e.job ? e.datasets.map((d) => (d.role === "input" ? { x, s: ds(d.namespace, d.name, x), t: job(e, x), at: e.eventTime } : { x, s: job(e, x), t: ds(d.namespace, d.name, x), at: e.eventTime })) : []));
  const columns = events.flatMap((e, x) => e.columnEdges.map((c) => ({
    x, s: ds(c.source.namespace, c.source.name, x), sc: c.sourceColumn, t: ds(c.target.namespace, c.target.name, x), tc: c.targetColumn,
    job: e.job ? job(e, x) : null, tr: c.transformation, at: e.eventTime,
  })));
  const versions = events.flatMap((e, x) => e.datasets.filter((d) => d.version).map((d) => ({
    x, a: ds(d.namespace, d.name, x), v: d.version!.key, repo: d.version!.lakefs?.repository ?? null, ref: d.version!.lakefs?.ref ?? null,
    c: d.version!.lakefs?.commitId ?? null, p: d.version!.lakefs?.path ?? null, sch: d.version!.schema, dq: d.version!.dataQuality,
    run: d.role === "output" && e.run ? e.run.id : null, at: e.eventTime,
  })));

  const j = JSON.stringify;
  return {
    events: eventsJson(events), keys: j(events.map((e) => e.dedupeKey)), assets: j([...named.values()]),
    runs: j(runRows), runFacets: j(runFacets), assetFacets: j(assetFacets), io: j(io), edges: j(edges), columns: j(columns), versions: j(versions),
  };
}

/** What the new events of a batch contributed (the answer's counts). */
export function batchStats(events: NormalizedEvent[]): BatchStats {
  const key = (ns: string, name: string) => `${ns}\u0000${name}`;
  const runs = events.filter((e) => e.run);
  return {
    runs: new Set(runs.map((e) => e.run!.id)).size,
    jobs: new Set(events.filter((e) => e.job).map((e) => key(e.job!.namespace, e.job!.name))).size,
    datasets: new Set(events.flatMap((e) => [...e.datasets.map((d) => key(d.namespace, d.name)), ...e.columnEdges.flatMap((c) => [key(c.source.namespace, c.source.name), key(c.target.namespace, c.target.name)])])).size,
    edges: events.filter((e) => e.job).reduce((n, e) => n + e.datasets.length, 0),
    columnEdges: events.reduce((n, e) => n + e.columnEdges.length, 0),
    datasetVersions: events.reduce((n, e) => n + e.datasets.filter((d) => d.version).length, 0),
  };
}
