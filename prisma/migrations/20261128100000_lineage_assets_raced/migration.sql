-- OpenLineage ingestion stores and folds a batch in ONE statement (lib/lineage/store-batch.ts),
-- with no transaction around it. When an asset the batch names was created by a concurrent
-- batch after the statement's snapshot, ON CONFLICT skips it and the snapshot does not show it,
-- so the statement has no id for it. It calls this to roll itself back; the caller runs it
-- again (serialization_failure is the code that means "retry"), and the new snapshot sees it.
CREATE FUNCTION lineage_assets_raced() RETURNS int LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'an asset this OpenLineage batch names was created by a concurrent batch during the statement; run it again'
    USING ERRCODE = 'serialization_failure';
END;
$$;
