-- Who sent each OpenLineage event, on the event itself: the portal user, the API token
-- (null for a signed-in browser session) and the request id of the log line. Ingestion
-- stops writing one audit event per request (each one serialised every ingestion request
-- on the audit chain's lock); these rows are the record of what arrived from whom. No
-- foreign keys: the record outlives a removed user or token, as the audit log does.
ALTER TABLE "lineage_events" ADD COLUMN "sent_by_user_id" UUID,
  ADD COLUMN "sent_by_token_id" UUID,
  ADD COLUMN "request_id" TEXT;

-- Stored events are never changed or removed (a re-sent event is skipped by its dedupe key),
-- so the database refuses it, as it does for the audit log.
CREATE FUNCTION lineage_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'lineage_events is append-only: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER lineage_events_no_update BEFORE UPDATE OR DELETE ON "lineage_events"
  FOR EACH ROW EXECUTE FUNCTION lineage_events_append_only();
CREATE TRIGGER lineage_events_no_truncate BEFORE TRUNCATE ON "lineage_events"
  FOR EACH STATEMENT EXECUTE FUNCTION lineage_events_append_only();
