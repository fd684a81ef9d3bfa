-- A high-risk use case must document how people oversee its AI system (who reviews its
-- decisions, how they can intervene or stop it) before a model serving it is promoted: the
-- promotions' risk-tier gate reads this column. Empty means not documented.
ALTER TABLE "use_cases" ADD COLUMN "human_oversight_plan" TEXT NOT NULL DEFAULT '';
