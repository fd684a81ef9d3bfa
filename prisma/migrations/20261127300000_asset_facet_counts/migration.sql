-- Facet counts of the catalog without a text query, kept up to date by triggers on assets
-- in the writing transaction, so that listing a kind (tens of thousands of assets) does
-- not count every match on every request. One row per owner team, kind and value:
--   facet 'namespace': assets per namespace (their sums give the kind and owner facets);
--   facet 'tag':       assets carrying the tag.
-- owner_key is the owner team, or the nil uuid for an unowned asset (a primary key column
-- cannot be NULL), so team scoping stays a condition on this table as it is on assets.
-- Rows whose count falls to 0 stay (readers skip them): deleting them would race with
-- a concurrent increment of the same key.
CREATE TABLE "asset_facet_counts" (
    "owner_key" UUID NOT NULL,
    "kind" "AssetKind" NOT NULL,
    "facet" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "count" INTEGER NOT NULL,

    CONSTRAINT "asset_facet_counts_pkey" PRIMARY KEY ("owner_key", "kind", "facet", "value")
);

-- Statement-level triggers with transition tables: one upsert per statement however many
-- assets it writes (the bench loader inserts 50,000 at once, ingestion a batch at a time).
-- The deltas are summed per key and only non-zero ones are written, so an UPDATE that
-- leaves owner, kind, namespace and tags alone (column names, description) locks nothing.
-- Keys are upserted in sorted order so concurrent writers lock them in the same order.
-- The facet rows one asset contributes, each with weight n (+1 added, -1 removed).
CREATE FUNCTION asset_facet_rows(owner_team_id uuid, kind "AssetKind", namespace text, tags text[], n int)
RETURNS TABLE (owner_key uuid, kind "AssetKind", facet text, value text, n int) LANGUAGE sql IMMUTABLE AS $$
  SELECT coalesce(owner_team_id, '00000000-0000-0000-0000-000000000000'::uuid), kind, 'namespace', namespace, n
  UNION ALL
  SELECT coalesce(owner_team_id, '00000000-0000-0000-0000-000000000000'::uuid), kind, 'tag', t, n
  FROM (SELECT DISTINCT t FROM unnest(tags) AS t) tags
$$;

CREATE FUNCTION asset_facet_counts_on_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO asset_facet_counts AS c (owner_key, kind, facet, value, count)
  SELECT f.owner_key, f.kind, f.facet, f.value, sum(f.n)::int FROM new_rows r, asset_facet_rows(r.owner_team_id, r.kind, r.namespace, r.tags, 1) f
  GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
  ON CONFLICT (owner_key, kind, facet, value) DO UPDATE SET count = c.count + EXCLUDED.count;
  RETURN NULL;
END;
$$;
CREATE FUNCTION asset_facet_counts_on_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO asset_facet_counts AS c (owner_key, kind, facet, value, count)
  SELECT d.owner_key, d.kind, d.facet, d.value, sum(d.n)::int FROM (
    SELECT f.* FROM new_rows r, asset_facet_rows(r.owner_team_id, r.kind, r.namespace, r.tags, 1) f
    UNION ALL
    SELECT f.* FROM old_rows r, asset_facet_rows(r.owner_team_id, r.kind, r.namespace, r.tags, -1) f
  ) d
  GROUP BY 1, 2, 3, 4 HAVING sum(d.n) <> 0 ORDER BY 1, 2, 3, 4
  ON CONFLICT (owner_key, kind, facet, value) DO UPDATE SET count = c.count + EXCLUDED.count;
  RETURN NULL;
END;
$$;
CREATE FUNCTION asset_facet_counts_on_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO asset_facet_counts AS c (owner_key, kind, facet, value, count)
  SELECT f.owner_key, f.kind, f.facet, f.value, sum(f.n)::int FROM old_rows r, asset_facet_rows(r.owner_team_id, r.kind, r.namespace, r.tags, -1) f
  GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
  ON CONFLICT (owner_key, kind, facet, value) DO UPDATE SET count = c.count + EXCLUDED.count;
  RETURN NULL;
END;
$$;
CREATE FUNCTION asset_facet_counts_on_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM asset_facet_counts;
  RETURN NULL;
END;
$$;

CREATE TRIGGER asset_facet_counts_insert AFTER INSERT ON "assets" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION asset_facet_counts_on_insert();
CREATE TRIGGER asset_facet_counts_update AFTER UPDATE ON "assets" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION asset_facet_counts_on_update();
CREATE TRIGGER asset_facet_counts_delete AFTER DELETE ON "assets" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION asset_facet_counts_on_delete();
CREATE TRIGGER asset_facet_counts_truncate AFTER TRUNCATE ON "assets"
  FOR EACH STATEMENT EXECUTE FUNCTION asset_facet_counts_on_truncate();

-- The assets already there.
INSERT INTO asset_facet_counts (owner_key, kind, facet, value, count)
SELECT f.owner_key, f.kind, f.facet, f.value, sum(f.n)::int FROM assets r, asset_facet_rows(r.owner_team_id, r.kind, r.namespace, r.tags, 1) f GROUP BY 1, 2, 3, 4;
