import type { AssetIds } from "@/lib/lineage/claim-batch";
import { assetKey } from "@/lib/lineage/claim-batch";
import type { NormalizedEvent } from "@/lib/lineage/normalize";

// The rows a batch of new events contributes to each lineage table, each table's rows
// as one JSON array (json_to_recordset in write-batch.ts). One string per table keeps
// the driver from escaping thousands of array elements one by one. Pure: the SQL
// merges the rows order-independently.

const TERMINAL = new Set(["completed", "failed", "aborted"]);

export interface BatchStats { runs: number; datasets: number; jobs: number; edges: number; columnEdges: number; datasetVersions: number }
export interface BatchRows { runs: string; runFacets: string; assetFacets: string; io: string; edges: string; columns: string; versions: string }

export function batchRows(events: NormalizedEvent[], ids: AssetIds): { rows: BatchRows; stats: BatchStats } {
  const job = (e: NormalizedEvent) => ids.jobs.get(assetKey(e.job!.namespace, e.job!.name))!;
  const ds = (ns: string, name: string) => ids.datasets.get(assetKey(ns, name))!;

  const runs = events.filter((e) => e.run);
  const runRows = runs.map((e) => ({
    id: e.run!.id, job: job(e), parent: e.run!.parentRunId, state: e.run!.state, t: e.eventTime,
    started: e.run!.state === "started" ? e.eventTime : null, ended: TERMINAL.has(e.run!.state) ? e.eventTime : null,
  }));
  const runFacets = runs.flatMap((e) => Object.entries(e.run!.facets).map(([key, v]) => ({ o: e.run!.id, key, v, at: e.eventTime })));
  const assetFacets = events.flatMap((e) => [
    ...(e.job ? Object.entries(e.job.facets).map(([key, v]) => ({ o: job(e), key, v, at: e.eventTime })) : []),
    ...e.datasets.flatMap((d) => Object.entries(d.facets).map(([key, v]) => ({ o: ds(d.namespace, d.name), key, v, at: e.eventTime }))),
  ]);
  const io = runs.flatMap((e) => e.datasets.filter((d) => d.role !== "static").map((d) => ({ run: e.run!.id, asset: ds(d.namespace, d.name), dir: d.role })));
  const edges = events.filter((e) => e.job).flatMap((e) => e.datasets.map((d) => (d.role === "input" ? { s: ds(d.namespace, d.name), t: job(e), at: e.eventTime } : { s: job(e), t: ds(d.namespace, d.name), at: e.eventTime })));
  const columns = events.flatMap((e) => e.columnEdges.map((c) => ({
    s: ds(c.source.namespace, c.source.name), sc: c.sourceColumn, t: ds(c.target.namespace, c.target.name), tc: c.targetColumn,
    job: e.job ? job(e) : null, tr: c.transformation, at: e.eventTime,
  })));
  const versions = events.flatMap((e) => e.datasets.filter((d) => d.version).map((d) => ({
    a: ds(d.namespace, d.name), v: d.version!.key, repo: d.version!.lakefs?.repository ?? null, ref: d.version!.lakefs?.ref ?? null,
    c: d.version!.lakefs?.commitId ?? null, p: d.version!.lakefs?.path ?? null, sch: d.version!.schema, dq: d.version!.dataQuality,
    run: d.role === "output" && e.run ? e.run.id : null, at: e.eventTime,
  })));

  const jobs = new Set(events.filter((e) => e.job).map(job));
  const datasets = new Set(events.flatMap((e) => [...e.datasets.map((d) => ds(d.namespace, d.name)), ...e.columnEdges.flatMap((c) => [ds(c.source.namespace, c.source.name), ds(c.target.namespace, c.target.name)])]));
  const j = JSON.stringify;
  return {
    rows: { runs: j(runRows), runFacets: j(runFacets), assetFacets: j(assetFacets), io: j(io), edges: j(edges), columns: j(columns), versions: j(versions) },
    stats: { runs: new Set(runs.map((e) => e.run!.id)).size, jobs: jobs.size, datasets: datasets.size, edges: edges.length, columnEdges: columns.length, datasetVersions: versions.length },
  };
}
