// The second half of a batch's one statement (store-batch.ts, after claim-batch.ts):
// fold the new events into runs, facets, edges and dataset versions. Data-modifying CTEs,
// each a multi-row upsert from a JSON array of rows ($7-$13, as batchParams makes them),
// keeping the rows of new events (fresh) and swapping asset indexes for ids (ids). The
// sub-statements touch different tables, and foreign keys are checked at the end of the
// statement, so a facet may name a run or an asset inserted beside it.
// Every merge is order-independent: run state by (rank, time), facets key by key by
// event time, edges by first/last seen, so the same events in any order, in any
// batches, give the same rows.

const RANK = `CASE $STATE WHEN 'completed' THEN 3 WHEN 'failed' THEN 3 WHEN 'aborted' THEN 3 WHEN 'running' THEN 2 WHEN 'started' THEN 1 ELSE 0 END`;
const rank = (expr: string) => RANK.replace("$STATE", expr);
const wins = `(${rank("EXCLUDED.state::text")}, EXCLUDED.state_time, EXCLUDED.state::text) > (${rank("runs.state::text")}, runs.state_time, runs.state::text)`;
/** Rows of the new events only. */
const NEW = `u.x IN (SELECT x FROM fresh)`;

const facets = (table: "run_facets" | "asset_facets", owner: "run_id" | "asset_id", p: 8 | 9) => `
  INSERT INTO ${table} (${owner}, key, value, event_time)
  SELECT DISTINCT ON (o, key) o, key, COALESCE(v, 'null'), at FROM (
    ${owner === "run_id"
      ? `SELECT u.o, u.key, u.v, u.at FROM json_to_recordset($${p}::json) AS u(x int, o uuid, key text, v jsonb, at timestamptz) WHERE ${NEW}`
      : `SELECT ids.id AS o, u.key, u.v, u.at FROM json_to_recordset($${p}::json) AS u(x int, o int, key text, v jsonb, at timestamptz) JOIN ids ON ids.i = u.o WHERE ${NEW}`}
  ) u
  ORDER BY o, key, at DESC, v::text DESC
  ON CONFLICT (${owner}, key) DO UPDATE SET value = EXCLUDED.value, event_time = EXCLUDED.event_time
  WHERE (EXCLUDED.event_time, EXCLUDED.value::text) > (${table}.event_time, ${table}.value::text)`;

export const FOLD = `run_rows AS (
  INSERT INTO runs (id, job_asset_id, parent_run_id, state, state_time, started_at, ended_at)
  SELECT DISTINCT ON (u.id) u.id, j.id, (max(u.parent::text) OVER w)::uuid, u.state::"RunState", u.t, min(u.started) OVER w, u.ended
  FROM json_to_recordset($7::json) AS u(x int, id uuid, job int, parent uuid, state text, t timestamptz, started timestamptz, ended timestamptz)
  JOIN ids j ON j.i = u.job
  WHERE ${NEW}
  WINDOW w AS (PARTITION BY u.id)
  ORDER BY u.id, ${rank("u.state")} DESC, u.t DESC, u.state DESC
  ON CONFLICT (id) DO UPDATE SET
    parent_run_id = COALESCE(runs.parent_run_id, EXCLUDED.parent_run_id),
    started_at = LEAST(runs.started_at, EXCLUDED.started_at),
    state = CASE WHEN ${wins} THEN EXCLUDED.state ELSE runs.state END,
    ended_at = CASE WHEN ${wins} THEN EXCLUDED.ended_at ELSE runs.ended_at END,
    state_time = CASE WHEN ${wins} THEN EXCLUDED.state_time ELSE runs.state_time END
), run_facet_rows AS (${facets("run_facets", "run_id", 8)}
), asset_facet_rows AS (${facets("asset_facets", "asset_id", 9)}
), io_rows AS (
  INSERT INTO run_io (run_id, asset_id, direction)
  SELECT DISTINCT u.run, a.id, u.dir::"RunIoDirection" FROM json_to_recordset($10::json) AS u(x int, run uuid, a int, dir text) JOIN ids a ON a.i = u.a WHERE ${NEW}
  ON CONFLICT DO NOTHING
), edge_rows AS (
  INSERT INTO lineage_edges (source_id, target_id, first_seen_at, last_seen_at)
  SELECT s.id, t.id, min(u.at), max(u.at) FROM json_to_recordset($11::json) AS u(x int, s int, t int, at timestamptz)
  JOIN ids s ON s.i = u.s JOIN ids t ON t.i = u.t
  WHERE ${NEW}
  GROUP BY s.id, t.id ORDER BY s.id, t.id
  ON CONFLICT (source_id, target_id) DO UPDATE SET first_seen_at = LEAST(lineage_edges.first_seen_at, EXCLUDED.first_seen_at), last_seen_at = GREATEST(lineage_edges.last_seen_at, EXCLUDED.last_seen_at)
), column_rows AS (
  INSERT INTO column_lineage_edges (source_id, source_column, target_id, target_column, job_asset_id, transformation, first_seen_at, last_seen_at)
  SELECT s.id, u.sc, t.id, u.tc, (array_agg(j.id ORDER BY u.at DESC, j.id))[1], (array_agg(COALESCE(u.tr, '[]') ORDER BY u.at DESC, u.tr::text))[1], min(u.at), max(u.at)
  FROM json_to_recordset($12::json) AS u(x int, s int, sc text, t int, tc text, job int, tr jsonb, at timestamptz)
  JOIN ids s ON s.i = u.s JOIN ids t ON t.i = u.t LEFT JOIN ids j ON j.i = u.job
  WHERE ${NEW}
  GROUP BY s.id, u.sc, t.id, u.tc ORDER BY s.id, u.sc, t.id, u.tc
  ON CONFLICT (source_id, source_column, target_id, target_column) DO UPDATE SET
    first_seen_at = LEAST(column_lineage_edges.first_seen_at, EXCLUDED.first_seen_at),
    job_asset_id = CASE WHEN EXCLUDED.last_seen_at >= column_lineage_edges.last_seen_at THEN EXCLUDED.job_asset_id ELSE column_lineage_edges.job_asset_id END,
    transformation = CASE WHEN EXCLUDED.last_seen_at >= column_lineage_edges.last_seen_at THEN EXCLUDED.transformation ELSE column_lineage_edges.transformation END,
    last_seen_at = GREATEST(column_lineage_edges.last_seen_at, EXCLUDED.last_seen_at)
), version_rows AS (
  -- version_in (claim-batch.ts) has picked one row per dataset and version already.
  INSERT INTO dataset_versions (asset_id, version, lakefs_repository, lakefs_ref, lakefs_commit_id, lakefs_path, schema, data_quality, produced_by_run_id, observed_at)
  SELECT ids.id, u.v, u.repo, u.ref, u.c, u.p, u.sch, u.dq, u.run, u.observed FROM version_in u JOIN ids ON ids.i = u.a
  ORDER BY ids.id, u.v
  ON CONFLICT (asset_id, version) DO UPDATE SET
    produced_by_run_id = CASE WHEN EXCLUDED.produced_by_run_id IS NOT NULL AND (dataset_versions.produced_by_run_id IS NULL OR EXCLUDED.observed_at < dataset_versions.observed_at) THEN EXCLUDED.produced_by_run_id ELSE dataset_versions.produced_by_run_id END,
    observed_at = LEAST(dataset_versions.observed_at, EXCLUDED.observed_at),
    schema = CASE WHEN jsonb_array_length(dataset_versions.schema) = 0 THEN EXCLUDED.schema ELSE dataset_versions.schema END,
    data_quality = CASE WHEN EXCLUDED.data_quality IS NULL THEN dataset_versions.data_quality ELSE COALESCE(dataset_versions.data_quality, '{}') || EXCLUDED.data_quality END
  -- Only when something above would change: most sightings are of a version already known
  -- (every run reading the same input), and an update that changes nothing still writes a
  -- row version. A version left alone is not RETURNed, which changed and newest allow for.
  WHERE EXCLUDED.observed_at < dataset_versions.observed_at
     OR (EXCLUDED.produced_by_run_id IS NOT NULL AND dataset_versions.produced_by_run_id IS NULL)
     OR (jsonb_array_length(dataset_versions.schema) = 0 AND jsonb_array_length(EXCLUDED.schema) > 0)
     OR EXCLUDED.data_quality IS NOT NULL
  RETURNING id, asset_id, observed_at, schema
), changed AS (
  -- Datasets whose newest schema may have moved: a version with a schema that is new,
  -- got its schema now, or was seen earlier than known. The statement's snapshot still
  -- holds the rows as they were before version_rows, hence the comparison.
  SELECT DISTINCT r.asset_id FROM version_rows r LEFT JOIN dataset_versions old ON old.id = r.id
  WHERE jsonb_array_length(r.schema) > 0 AND (old.id IS NULL OR old.observed_at <> r.observed_at OR jsonb_array_length(old.schema) = 0)
), newest AS (
  -- version_rows' RETURNING stands in for the rows this statement wrote; the other
  -- versions come from one index probe per dataset (LIMIT keeps it a probe, not a scan).
  SELECT DISTINCT ON (asset_id) asset_id, schema FROM (
    SELECT r.id, r.asset_id, r.observed_at, r.schema FROM version_rows r JOIN changed c USING (asset_id)
    UNION ALL
    SELECT v.id, c.asset_id, v.observed_at, v.schema FROM changed c CROSS JOIN LATERAL (
      SELECT v.id, v.observed_at, v.schema FROM dataset_versions v
      WHERE v.asset_id = c.asset_id AND jsonb_array_length(v.schema) > 0 AND NOT EXISTS (SELECT 1 FROM version_rows r WHERE r.id = v.id)
      ORDER BY v.observed_at DESC, v.id LIMIT 1) v
  ) x
  WHERE jsonb_array_length(schema) > 0
  ORDER BY asset_id, observed_at DESC, id
), column_name_rows AS (
  -- Search reaches the columns of each dataset's newest schema. A dataset this statement
  -- created is not in its snapshot (the UPDATE passes it by): it got its columns as it was
  -- inserted (claim-batch.ts).
  UPDATE assets a SET column_names = c.cols
  FROM (SELECT asset_id, ARRAY(SELECT f->>'name' FROM jsonb_array_elements(schema) f WHERE f ? 'name') AS cols FROM newest) c
  WHERE a.id = c.asset_id AND a.column_names IS DISTINCT FROM c.cols
)`;
