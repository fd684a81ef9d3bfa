-- Index paths for the portfolio at scale (EXPLAIN ANALYZE with 10,000 use cases):
-- * the bubble chart takes the 150 largest open use cases by the midpoint of their value
--   range: a generated column and an index on it let it read them in order and stop,
--   instead of sorting every open use case by an expression;
-- * a team's portfolio by priority (a product owner's list, the team filter, their top
--   awaiting decision) reads (team_id, priority, id) in order;
-- * (state, priority, id) gives each state's use cases in exact keyset order (the
--   dashboard's top awaiting reads one ordered range per state);
-- * (tier, state) answers the tier filter as before and counts the tier distribution of
--   open use cases from the index alone.

-- AlterTable
ALTER TABLE "use_cases" ADD COLUMN "value_mid" NUMERIC GENERATED ALWAYS AS (("value_low" + "value_high") / 2.0) STORED;

-- DropIndex
DROP INDEX "use_cases_state_priority_idx";
DROP INDEX "use_cases_tier_idx";

-- CreateIndex
CREATE INDEX "use_cases_team_id_priority_id_idx" ON "use_cases"("team_id", "priority" DESC, "id" DESC);
CREATE INDEX "use_cases_state_priority_id_idx" ON "use_cases"("state", "priority" DESC, "id" DESC);
CREATE INDEX "use_cases_tier_state_idx" ON "use_cases"("tier", "state");
CREATE INDEX "use_cases_value_mid_id_idx" ON "use_cases"("value_mid" DESC, "id");
