-- The approvals inbox is keyset-paged on (submitted_at, id) within each waiting state: one
-- index walk per state, stopping at the page size, instead of sorting every pending request.
CREATE INDEX "promotions_state_submitted_at_id_idx" ON "promotions"("state", "submitted_at", "id");
-- "What ran at a date" is keyset-paged on (deployed_at DESC, id) within an environment: the id
-- joins the index so a page ends in index order without a sort of the ties.
DROP INDEX "deployments_environment_deployed_at_idx";
CREATE INDEX "deployments_environment_deployed_at_id_idx" ON "deployments"("environment", "deployed_at" DESC, "id");
