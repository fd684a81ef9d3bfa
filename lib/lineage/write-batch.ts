import "server-only";
import type { Tx } from "@/lib/db";
import type { NormalizedEvent } from "@/lib/lineage/normalize";

// Writes a batch of normalized events with one multi-row statement per table (unnest of
// column arrays), inside the caller's transaction. Every merge is order-independent:
// run state by (rank, time), facets key by key by event time, edges by first/last seen,
// so the same events in any order, in any batches, give the same rows.

const RANK = `CASE $STATE WHEN 'completed' THEN 3 WHEN 'failed' THEN 3 WHEN 'aborted' THEN 3 WHEN 'running' THEN 2 WHEN 'started' THEN 1 ELSE 0 END`;
const rank = (expr: string) => RANK.replace("$STATE", expr);
const TERMINAL = new Set(["completed", "failed", "aborted"]);
const k = (ns: string, name: string) => `${ns}\u0000${name}`;

export interface BatchStats { runs: number; datasets: number; jobs: number; edges: number; columnEdges: number; datasetVersions: number }

export async function writeBatch(tx: Tx, events: NormalizedEvent[]): Promise<BatchStats> {
  const jobs = new Map<string, { namespace: string; name: string }>();
  const datasets = new Map<string, { namespace: string; name: string }>();
  for (const e of events) {
    if (e.job) jobs.set(k(e.job.namespace, e.job.name), e.job);
    for (const d of e.datasets) datasets.set(k(d.namespace, d.name), d);
    for (const c of e.columnEdges) { datasets.set(k(c.source.namespace, c.source.name), c.source); datasets.set(k(c.target.namespace, c.target.name), c.target); }
  }
  const ids = await upsertAssets(tx, [...jobs.values()], [...datasets.values()]);
  const job = (e: NormalizedEvent) => ids.jobs.get(k(e.job!.namespace, e.job!.name))!;
  const ds = (ns: string, name: string) => ids.datasets.get(k(ns, name))!;

  const runs = events.filter((e) => e.run);
  await tx.$executeRawUnsafe(
    `INSERT INTO runs (id, job_asset_id, parent_run_id, state, state_time, started_at, ended_at)
     SELECT DISTINCT ON (id) id, job, (max(parent::text) OVER w)::uuid, state::"RunState", t, min(started) OVER w, ended
     FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[], $5::timestamptz[], $6::timestamptz[], $7::timestamptz[]) AS u(id, job, parent, state, t, started, ended)
     WINDOW w AS (PARTITION BY id)
     ORDER BY id, ${rank("state")} DESC, t DESC, state DESC
     ON CONFLICT (id) DO UPDATE SET
       parent_run_id = COALESCE(runs.parent_run_id, EXCLUDED.parent_run_id),
       started_at = LEAST(runs.started_at, EXCLUDED.started_at),
       state = CASE WHEN (${rank("EXCLUDED.state::text")}, EXCLUDED.state_time, EXCLUDED.state::text) > (${rank("runs.state::text")}, runs.state_time, runs.state::text) THEN EXCLUDED.state ELSE runs.state END,
       ended_at = CASE WHEN (${rank("EXCLUDED.state::text")}, EXCLUDED.state_time, EXCLUDED.state::text) > (${rank("runs.state::text")}, runs.state_time, runs.state::text) THEN EXCLUDED.ended_at ELSE runs.ended_at END,
       state_time = CASE WHEN (${rank("EXCLUDED.state::text")}, EXCLUDED.state_time, EXCLUDED.state::text) > (${rank("runs.state::text")}, runs.state_time, runs.state::text) THEN EXCLUDED.state_time ELSE runs.state_time END`,
    runs.map((e) => e.run!.id), runs.map(job), runs.map((e) => e.run!.parentRunId), runs.map((e) => e.run!.state), runs.map((e) => e.eventTime),
    runs.map((e) => (e.run!.state === "started" ? e.eventTime : null)), runs.map((e) => (TERMINAL.has(e.run!.state) ? e.eventTime : null)),
  );

  const runFacets = runs.flatMap((e) => Object.entries(e.run!.facets).map(([key, v]) => [e.run!.id, key, JSON.stringify(v), e.eventTime] as const));
  await upsertFacets(tx, "run_facets", "run_id", runFacets);
  const assetFacets = events.flatMap((e) => [
    ...(e.job ? Object.entries(e.job.facets).map(([key, v]) => [job(e), key, JSON.stringify(v), e.eventTime] as const) : []),
    ...e.datasets.flatMap((d) => Object.entries(d.facets).map(([key, v]) => [ds(d.namespace, d.name), key, JSON.stringify(v), e.eventTime] as const)),
  ]);
  await upsertFacets(tx, "asset_facets", "asset_id", assetFacets);

  const io = runs.flatMap((e) => e.datasets.filter((d) => d.role !== "static").map((d) => [e.run!.id, ds(d.namespace, d.name), d.role] as const));
  if (io.length) await tx.$executeRawUnsafe(
    `INSERT INTO run_io (run_id, asset_id, direction) SELECT DISTINCT * FROM unnest($1::uuid[], $2::uuid[], $3::"RunIoDirection"[]) ON CONFLICT DO NOTHING`,
    io.map((r) => r[0]), io.map((r) => r[1]), io.map((r) => r[2]),
  );

  const edges = events.filter((e) => e.job).flatMap((e) => e.datasets.map((d) => (d.role === "input" ? [ds(d.namespace, d.name), job(e), e.eventTime] : [job(e), ds(d.namespace, d.name), e.eventTime]) as [string, string, string]));
  if (edges.length) await tx.$executeRawUnsafe(
    `INSERT INTO lineage_edges (source_id, target_id, first_seen_at, last_seen_at)
     SELECT s, t, min(at), max(at) FROM unnest($1::uuid[], $2::uuid[], $3::timestamptz[]) AS u(s, t, at) GROUP BY s, t ORDER BY s, t
     ON CONFLICT (source_id, target_id) DO UPDATE SET first_seen_at = LEAST(lineage_edges.first_seen_at, EXCLUDED.first_seen_at), last_seen_at = GREATEST(lineage_edges.last_seen_at, EXCLUDED.last_seen_at)`,
    edges.map((r) => r[0]), edges.map((r) => r[1]), edges.map((r) => r[2]),
  );

  const cols = events.flatMap((e) => e.columnEdges.map((c) => ({ ...c, job: e.job ? job(e) : null, at: e.eventTime })));
  if (cols.length) await tx.$executeRawUnsafe(
    `INSERT INTO column_lineage_edges (source_id, source_column, target_id, target_column, job_asset_id, transformation, first_seen_at, last_seen_at)
     SELECT s, sc, t, tc, (array_agg(job ORDER BY at DESC, job))[1], (array_agg(tr::jsonb ORDER BY at DESC, tr))[1], min(at), max(at)
     FROM unnest($1::uuid[], $2::text[], $3::uuid[], $4::text[], $5::uuid[], $6::text[], $7::timestamptz[]) AS u(s, sc, t, tc, job, tr, at)
     GROUP BY s, sc, t, tc ORDER BY s, sc, t, tc
     ON CONFLICT (source_id, source_column, target_id, target_column) DO UPDATE SET
       first_seen_at = LEAST(column_lineage_edges.first_seen_at, EXCLUDED.first_seen_at),
       job_asset_id = CASE WHEN EXCLUDED.last_seen_at >= column_lineage_edges.last_seen_at THEN EXCLUDED.job_asset_id ELSE column_lineage_edges.job_asset_id END,
       transformation = CASE WHEN EXCLUDED.last_seen_at >= column_lineage_edges.last_seen_at THEN EXCLUDED.transformation ELSE column_lineage_edges.transformation END,
       last_seen_at = GREATEST(column_lineage_edges.last_seen_at, EXCLUDED.last_seen_at)`,
    cols.map((c) => ds(c.source.namespace, c.source.name)), cols.map((c) => c.sourceColumn), cols.map((c) => ds(c.target.namespace, c.target.name)),
    cols.map((c) => c.targetColumn), cols.map((c) => c.job), cols.map((c) => JSON.stringify(c.transformation)), cols.map((c) => c.at),
  );

  const versions = events.flatMap((e) => e.datasets.filter((d) => d.version).map((d) => ({ d, v: d.version!, at: e.eventTime, run: d.role === "output" && e.run ? e.run.id : null })));
  if (versions.length) await tx.$executeRawUnsafe(
    `INSERT INTO dataset_versions (asset_id, version, lakefs_repository, lakefs_ref, lakefs_commit_id, lakefs_path, schema, data_quality, produced_by_run_id, observed_at)
     SELECT DISTINCT ON (a, v) a, v, repo, ref, c, p, sch::jsonb, dq::jsonb, run, min(at) OVER w
     FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::uuid[], $10::timestamptz[]) AS u(a, v, repo, ref, c, p, sch, dq, run, at)
     WINDOW w AS (PARTITION BY a, v)
     ORDER BY a, v, (run IS NULL), at, run, length(sch) DESC
     ON CONFLICT (asset_id, version) DO UPDATE SET
       produced_by_run_id = CASE WHEN EXCLUDED.produced_by_run_id IS NOT NULL AND (dataset_versions.produced_by_run_id IS NULL OR EXCLUDED.observed_at < dataset_versions.observed_at) THEN EXCLUDED.produced_by_run_id ELSE dataset_versions.produced_by_run_id END,
       observed_at = LEAST(dataset_versions.observed_at, EXCLUDED.observed_at),
       schema = CASE WHEN jsonb_array_length(dataset_versions.schema) = 0 THEN EXCLUDED.schema ELSE dataset_versions.schema END,
       data_quality = CASE WHEN EXCLUDED.data_quality IS NULL THEN dataset_versions.data_quality ELSE COALESCE(dataset_versions.data_quality, '{}') || EXCLUDED.data_quality END`,
    versions.map((x) => ds(x.d.namespace, x.d.name)), versions.map((x) => x.v.key), versions.map((x) => x.v.lakefs?.repository ?? null),
    versions.map((x) => x.v.lakefs?.ref ?? null), versions.map((x) => x.v.lakefs?.commitId ?? null), versions.map((x) => x.v.lakefs?.path ?? null),
    versions.map((x) => JSON.stringify(x.v.schema)), versions.map((x) => (x.v.dataQuality ? JSON.stringify(x.v.dataQuality) : null)), versions.map((x) => x.run), versions.map((x) => x.at),
  );
  const withSchema = [...new Set(versions.filter((x) => x.v.schema.length).map((x) => ds(x.d.namespace, x.d.name)))];
  // Search reaches the columns of each dataset's newest schema.
  if (withSchema.length) await tx.$executeRawUnsafe(
    `UPDATE assets a SET column_names = c.cols FROM (
       SELECT DISTINCT ON (v.asset_id) v.asset_id, ARRAY(SELECT f->>'name' FROM jsonb_array_elements(v.schema) f WHERE f ? 'name') AS cols
       FROM dataset_versions v WHERE v.asset_id = ANY($1::uuid[]) AND jsonb_array_length(v.schema) > 0 ORDER BY v.asset_id, v.observed_at DESC, v.id) c
     WHERE a.id = c.asset_id AND a.column_names IS DISTINCT FROM c.cols`,
    withSchema,
  );
  return { runs: new Set(runs.map((e) => e.run!.id)).size, jobs: jobs.size, datasets: datasets.size, edges: edges.length, columnEdges: cols.length, datasetVersions: versions.length };
}

async function upsertFacets(tx: Tx, table: "run_facets" | "asset_facets", owner: "run_id" | "asset_id", rows: (readonly [string, string, string, string])[]) {
  if (!rows.length) return;
  await tx.$executeRawUnsafe(
    `INSERT INTO ${table} (${owner}, key, value, event_time)
     SELECT DISTINCT ON (o, key) o, key, v::jsonb, at FROM unnest($1::uuid[], $2::text[], $3::text[], $4::timestamptz[]) AS u(o, key, v, at)
     ORDER BY o, key, at DESC, v::jsonb::text DESC
     ON CONFLICT (${owner}, key) DO UPDATE SET value = EXCLUDED.value, event_time = EXCLUDED.event_time
     WHERE (EXCLUDED.event_time, EXCLUDED.value::text) > (${table}.event_time, ${table}.value::text)`,
    rows.map((r) => r[0]), rows.map((r) => r[1]), rows.map((r) => r[2]), rows.map((r) => r[3]),
  );
}

/** Creates missing job and dataset assets (unowned, sorted to avoid deadlocks) and returns their ids. */
async function upsertAssets(tx: Tx, jobs: { namespace: string; name: string }[], datasets: { namespace: string; name: string }[]) {
  const sort = <T extends { namespace: string; name: string }>(xs: T[]) => [...xs].sort((a, b) => (a.namespace + "\u0000" + a.name < b.namespace + "\u0000" + b.name ? -1 : 1));
  const [j, d] = [sort(jobs), sort(datasets)];
  if (j.length) await tx.$executeRawUnsafe(
    `INSERT INTO assets (kind, namespace, name) SELECT 'job', ns, n FROM unnest($1::text[], $2::text[]) AS k(ns, n) ON CONFLICT (kind, namespace, name) DO NOTHING`,
    j.map((x) => x.namespace), j.map((x) => x.name),
  );
  // A dataset registered as a feature set stays one: lineage finds it by namespace and name.
  if (d.length) await tx.$executeRawUnsafe(
    `INSERT INTO assets (kind, namespace, name) SELECT 'dataset', ns, n FROM unnest($1::text[], $2::text[]) AS k(ns, n)
     WHERE NOT EXISTS (SELECT 1 FROM assets a WHERE a.namespace = k.ns AND a.name = k.n AND a.kind = 'feature_set')
     ON CONFLICT (kind, namespace, name) DO NOTHING`,
    d.map((x) => x.namespace), d.map((x) => x.name),
  );
  const all = [...j.map((x) => ({ ...x, job: true })), ...d.map((x) => ({ ...x, job: false }))];
  const rows = all.length ? await tx.$queryRawUnsafe<{ id: string; kind: string; namespace: string; name: string }[]>(
    `SELECT a.id, a.kind::text AS kind, a.namespace, a.name FROM assets a JOIN unnest($1::text[], $2::text[]) AS k(ns, n) ON a.namespace = k.ns AND a.name = k.n
     WHERE a.kind IN ('job', 'dataset', 'feature_set')`,
    all.map((x) => x.namespace), all.map((x) => x.name),
  ) : [];
  const out = { jobs: new Map<string, string>(), datasets: new Map<string, string>() };
  for (const r of rows) (r.kind === "job" ? out.jobs : out.datasets).set(k(r.namespace, r.name), r.id);
  return out;
}
