-- Comments of a use case are keyset-paged on (created_at, id): the id joins the index so
-- a page of comments posted in the same millisecond is still read in index order.
DROP INDEX "use_case_comments_use_case_id_created_at_idx";
CREATE INDEX "use_case_comments_use_case_id_created_at_id_idx" ON "use_case_comments"("use_case_id", "created_at", "id");
