// The first half of a batch's one statement (store-batch.ts): store the events verbatim
// (the dedupe key decides which are new) and find or create every job and dataset a NEW
// event names. It ends in two CTEs the fold (write-batch.ts) reads: fresh (the batch
// indexes of the new events) and ids (asset index -> id). Parameters, as batchParams
// makes them: $1 events, $2 their dedupe keys in batch order, $3 the (asset, event)
// pairs, $4-$6 the sender; $13 the dataset versions (the fold's, read here as well).
//
// New assets are not in the statement's snapshot, so nothing later in the statement can
// read or UPDATE them: their ids come from the INSERTs' RETURNING, and a new dataset gets
// its column names (search) as it is inserted, from the newest schema the batch brings.

/** Existing assets, one unique-index probe per name (LIMIT keeps it a nested loop: a hash
 * join would read the whole assets table per batch). A dataset also registered as a feature
 * set resolves to one of them, the dataset first, the same one every time. */
const PROBE = `SELECT a.id FROM assets a
  WHERE a.namespace = w.ns AND a.name = w.n AND a.kind = ANY (CASE w.kind WHEN 'job' THEN '{job}'::"AssetKind"[] ELSE '{dataset,feature_set}'::"AssetKind"[] END)
  ORDER BY a.kind LIMIT 1`;

export const CLAIM = `ev AS (
  INSERT INTO lineage_events (dedupe_key, event_kind, run_id, event_type, event_time, payload, sent_by_user_id, sent_by_token_id, request_id)
  SELECT k, e, r, y, t, p, $4::uuid, $5::uuid, $6 FROM json_to_recordset($1::json) AS x(k text, e text, r uuid, y text, t timestamptz, p jsonb)
  ON CONFLICT (dedupe_key) DO NOTHING RETURNING dedupe_key
), fresh AS (
  SELECT (o - 1)::int AS x FROM json_array_elements_text($2::json) WITH ORDINALITY AS k(key, o) WHERE key IN (SELECT dedupe_key FROM ev)
), wanted AS (
  SELECT DISTINCT i, kind, ns, n FROM json_to_recordset($3::json) AS w(i int, kind text, ns text, n text, x int) WHERE x IN (SELECT x FROM fresh)
), version_in AS (
  -- One row per dataset and version of the new events: the earliest sighting, and the
  -- row with a producing run (then the fullest schema) for the rest. (observed, not at:
  -- ORDER BY would take an output column named at for the input column.)
  SELECT DISTINCT ON (a, v) a, v, repo, ref, c, p, COALESCE(sch, '[]') AS sch, dq, run, min(at) OVER w AS observed
  FROM json_to_recordset($13::json) AS u(x int, a int, v text, repo text, ref text, c text, p text, sch jsonb, dq jsonb, run uuid, at timestamptz)
  WHERE x IN (SELECT x FROM fresh)
  WINDOW w AS (PARTITION BY a, v)
  ORDER BY a, v, (run IS NULL), at, run, length(sch::text) DESC
), found AS (
  SELECT w.i, a.id FROM wanted w CROSS JOIN LATERAL (${PROBE}) a
), new_jobs AS (
  -- Only names the snapshot does not hold: a row offered to INSERT runs the search-vector
  -- trigger and a speculative insertion even when ON CONFLICT then skips it.
  -- Sorted, so that concurrent batches take the unique-index locks in one order.
  INSERT INTO assets (kind, namespace, name) SELECT 'job', ns, n FROM wanted WHERE kind = 'job' AND i NOT IN (SELECT i FROM found) ORDER BY ns, n
  ON CONFLICT (kind, namespace, name) DO NOTHING RETURNING id, namespace, name
), new_datasets AS (
  -- A dataset registered as a feature set stays one (found holds it): lineage finds it by
  -- namespace and name. Column names of the newest version with a schema (ties: the
  -- version key), as the fold keeps them for existing datasets.
  INSERT INTO assets (kind, namespace, name, column_names)
  SELECT 'dataset', w.ns, w.n, COALESCE((
    SELECT ARRAY(SELECT f->>'name' FROM jsonb_array_elements(v.sch) f WHERE f ? 'name') FROM version_in v
    WHERE v.a = w.i AND jsonb_array_length(v.sch) > 0 ORDER BY v.observed DESC, v.v DESC LIMIT 1), '{}')
  FROM wanted w
  WHERE w.kind = 'dataset' AND w.i NOT IN (SELECT i FROM found)
  ORDER BY w.ns, w.n
  ON CONFLICT (kind, namespace, name) DO NOTHING RETURNING id, namespace, name
), ids AS (
  SELECT w.i, j.id FROM new_jobs j JOIN wanted w ON w.kind = 'job' AND w.ns = j.namespace AND w.n = j.name
  UNION ALL SELECT w.i, d.id FROM new_datasets d JOIN wanted w ON w.kind = 'dataset' AND w.ns = d.namespace AND w.n = d.name
  UNION ALL SELECT i, id FROM found
)`;

/**
 * The statement's last check, as a SELECT returning nothing or raising. An asset another
 * batch created after this statement's snapshot was skipped by ON CONFLICT and is not in
 * the snapshot either, so it has no id here (rare: concurrent first sightings of one name).
 * lineage_assets_raced() raises serialization_failure, which rolls the whole statement back;
 * ingest.ts runs it again, and the new snapshot sees the asset.
 */
export const CLAIM_CHECK = `SELECT lineage_assets_raced() FROM wanted w WHERE NOT EXISTS (SELECT 1 FROM ids WHERE ids.i = w.i)`;
