-- Use cases: intake, risk screening, lifecycle timeline, versioned rubrics, scores, comments.

-- CreateEnum
CREATE TYPE "UseCaseState" AS ENUM ('draft', 'submitted', 'in_review', 'changes_requested', 'approved', 'rejected', 'in_development', 'in_production', 'on_hold', 'retired');

-- CreateEnum
CREATE TYPE "RiskTier" AS ENUM ('prohibited', 'high', 'limited', 'minimal');

-- CreateEnum
CREATE TYPE "ValueType" AS ENUM ('revenue', 'cost', 'risk_reduction', 'experience');

-- CreateEnum
CREATE TYPE "Confidence" AS ENUM ('low', 'medium', 'high');

-- CreateEnum
CREATE TYPE "CriterionDirection" AS ENUM ('higher_is_better', 'lower_is_better');

-- CreateEnum
CREATE TYPE "CommentKind" AS ENUM ('comment', 'change_request');

-- CreateTable
CREATE TABLE "use_cases" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "title" TEXT NOT NULL,
    "problem" TEXT NOT NULL,
    "team_id" UUID NOT NULL,
    "owner_id" UUID NOT NULL,
    "business_owner" TEXT NOT NULL,
    "intended_users" TEXT NOT NULL DEFAULT '',
    "value_type" "ValueType",
    "value_low" INTEGER,
    "value_high" INTEGER,
    "value_confidence" "Confidence",
    "success_metrics" TEXT NOT NULL DEFAULT '',
    "data_needed" TEXT NOT NULL DEFAULT '',
    "data_readiness" INTEGER,
    "feasibility" INTEGER,
    "complexity" INTEGER,
    "target_date" DATE,
    "risk_answers" JSONB NOT NULL DEFAULT '{}',
    "screened_tier" "RiskTier" NOT NULL DEFAULT 'minimal',
    "screened_rule" TEXT NOT NULL DEFAULT '',
    "override_reason" TEXT,
    "tier" "RiskTier" NOT NULL DEFAULT 'minimal',
    "state" "UseCaseState" NOT NULL DEFAULT 'draft',
    "held_from" "UseCaseState",
    "state_changed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "priority" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "score_count" INTEGER NOT NULL DEFAULT 0,
    "disagreement" BOOLEAN NOT NULL DEFAULT false,
    -- Prisma sees an Unsupported("tsvector") column; the database keeps it current itself.
    "search_vector" tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('english', coalesce("title", '')), 'A') ||
        setweight(to_tsvector('english', coalesce("problem", '')), 'B') ||
        setweight(to_tsvector('english', coalesce("success_metrics", '') || ' ' || coalesce("data_needed", '') || ' ' || coalesce("intended_users", '') || ' ' || coalesce("business_owner", '')), 'C')
    ) STORED,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "use_cases_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "rubrics" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "version" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "min_scores" INTEGER NOT NULL DEFAULT 2,
    "disagreement_spread" INTEGER NOT NULL DEFAULT 2,
    "published_at" TIMESTAMPTZ(3),
    "created_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "rubrics_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "rubric_criteria" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "rubric_id" UUID NOT NULL,
    "key" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "weight" DOUBLE PRECISION NOT NULL,
    "direction" "CriterionDirection" NOT NULL DEFAULT 'higher_is_better',
    "anchors" TEXT[],
    "position" INTEGER NOT NULL,
    CONSTRAINT "rubric_criteria_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "use_case_scores" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "use_case_id" UUID NOT NULL,
    "reviewer_id" UUID NOT NULL,
    "rubric_id" UUID NOT NULL,
    "values" JSONB NOT NULL,
    "priority" DOUBLE PRECISION NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "use_case_scores_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "use_case_comments" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "use_case_id" UUID NOT NULL,
    "author_id" UUID NOT NULL,
    "kind" "CommentKind" NOT NULL DEFAULT 'comment',
    "body" TEXT NOT NULL,
    "mention_ids" UUID[],
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "use_case_comments_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "use_case_events" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "use_case_id" UUID NOT NULL,
    "transition" TEXT NOT NULL,
    "from_state" "UseCaseState",
    "to_state" "UseCaseState" NOT NULL,
    "actor_id" UUID,
    "note" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "ended_at" TIMESTAMPTZ(3),
    CONSTRAINT "use_case_events_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "use_cases_priority_id_idx" ON "use_cases"("priority" DESC, "id" DESC);
CREATE INDEX "use_cases_created_at_id_idx" ON "use_cases"("created_at" DESC, "id" DESC);
CREATE INDEX "use_cases_team_id_created_at_idx" ON "use_cases"("team_id", "created_at");
CREATE INDEX "use_cases_owner_id_idx" ON "use_cases"("owner_id");
CREATE INDEX "use_cases_state_priority_idx" ON "use_cases"("state", "priority" DESC);
CREATE INDEX "use_cases_tier_idx" ON "use_cases"("tier");
CREATE INDEX "use_cases_value_type_idx" ON "use_cases"("value_type");
CREATE INDEX "use_cases_search_vector_idx" ON "use_cases" USING GIN ("search_vector");
CREATE UNIQUE INDEX "rubrics_version_key" ON "rubrics"("version");
CREATE INDEX "rubrics_published_at_idx" ON "rubrics"("published_at");
CREATE UNIQUE INDEX "rubric_criteria_rubric_id_key_key" ON "rubric_criteria"("rubric_id", "key");
CREATE INDEX "use_case_scores_reviewer_id_idx" ON "use_case_scores"("reviewer_id");
CREATE INDEX "use_case_scores_rubric_id_idx" ON "use_case_scores"("rubric_id");
CREATE UNIQUE INDEX "use_case_scores_use_case_id_reviewer_id_key" ON "use_case_scores"("use_case_id", "reviewer_id");
CREATE INDEX "use_case_comments_use_case_id_created_at_idx" ON "use_case_comments"("use_case_id", "created_at");
CREATE INDEX "use_case_events_use_case_id_created_at_idx" ON "use_case_events"("use_case_id", "created_at");
CREATE INDEX "use_case_events_to_state_created_at_idx" ON "use_case_events"("to_state", "created_at");
CREATE INDEX "use_case_events_ended_at_idx" ON "use_case_events"("ended_at");

-- AddForeignKey
ALTER TABLE "use_cases" ADD CONSTRAINT "use_cases_team_id_fkey" FOREIGN KEY ("team_id") REFERENCES "teams"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "use_cases" ADD CONSTRAINT "use_cases_owner_id_fkey" FOREIGN KEY ("owner_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "rubric_criteria" ADD CONSTRAINT "rubric_criteria_rubric_id_fkey" FOREIGN KEY ("rubric_id") REFERENCES "rubrics"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "use_case_scores" ADD CONSTRAINT "use_case_scores_use_case_id_fkey" FOREIGN KEY ("use_case_id") REFERENCES "use_cases"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "use_case_scores" ADD CONSTRAINT "use_case_scores_reviewer_id_fkey" FOREIGN KEY ("reviewer_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "use_case_scores" ADD CONSTRAINT "use_case_scores_rubric_id_fkey" FOREIGN KEY ("rubric_id") REFERENCES "rubrics"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "use_case_comments" ADD CONSTRAINT "use_case_comments_use_case_id_fkey" FOREIGN KEY ("use_case_id") REFERENCES "use_cases"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "use_case_comments" ADD CONSTRAINT "use_case_comments_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "use_case_events" ADD CONSTRAINT "use_case_events_use_case_id_fkey" FOREIGN KEY ("use_case_id") REFERENCES "use_cases"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The database refuses what no code path should write: scores outside 1-5 and bad ranges.
ALTER TABLE "use_cases" ADD CONSTRAINT "use_cases_value_range_check" CHECK ("value_low" IS NULL OR "value_high" IS NULL OR "value_low" <= "value_high");
ALTER TABLE "rubric_criteria" ADD CONSTRAINT "rubric_criteria_weight_check" CHECK ("weight" >= 0);
