-- Promotions (issue 6): environments, versioned policies, integrations, promotions with
-- gates, approvals, durable execution steps, timeline events, and the transactional outbox.

-- CreateEnum
CREATE TYPE "PromotionStrategy" AS ENUM ('direct', 'canary', 'shadow', 'blue_green');
CREATE TYPE "PromotionState" AS ENUM ('draft', 'pending_approval', 'approved', 'executing', 'compensating', 'succeeded', 'failed', 'rollback_pending', 'rolling_back', 'rolled_back', 'rejected', 'cancelled');
CREATE TYPE "GateVerdict" AS ENUM ('pass', 'fail', 'warn');
CREATE TYPE "GatePhase" AS ENUM ('request', 'pre_execution');
CREATE TYPE "ApprovalPurpose" AS ENUM ('promotion', 'rollback');
CREATE TYPE "ApprovalDecision" AS ENUM ('approve', 'reject', 'request_changes');
CREATE TYPE "StepOperation" AS ENUM ('execute', 'compensate', 'rollback');
CREATE TYPE "StepName" AS ENUM ('lakefs_merge', 'mlflow_alias', 'airflow_trigger', 'airflow_poll');
CREATE TYPE "StepStatus" AS ENUM ('running', 'succeeded', 'failed', 'skipped');
CREATE TYPE "IntegrationSystem" AS ENUM ('lakefs', 'mlflow', 'airflow');

-- CreateTable
CREATE TABLE "environments" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "key" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "rank" INTEGER NOT NULL,
    "lakefs_repository" TEXT NOT NULL,
    "lakefs_branch" TEXT NOT NULL,
    "mlflow_alias" TEXT NOT NULL,
    "airflow_dag_id" TEXT NOT NULL,
    "protected" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "environments_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "environment_policies" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "environment_id" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "required_approvals" INTEGER NOT NULL,
    "approver_roles" "Role"[],
    "approver_team_ids" TEXT[],
    "high_risk_role" "Role",
    "allowed_strategies" "PromotionStrategy"[],
    "gates" JSONB NOT NULL,
    "rollback_approvals" INTEGER NOT NULL DEFAULT 0,
    "drift_days" INTEGER NOT NULL DEFAULT 14,
    "change_note" TEXT NOT NULL DEFAULT '',
    "created_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "environment_policies_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "integration_configs" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "environment_id" UUID NOT NULL,
    "system" "IntegrationSystem" NOT NULL,
    "base_url" TEXT NOT NULL,
    "settings" JSONB NOT NULL DEFAULT '{}',
    "secret_ciphertext" TEXT,
    "last_tested_at" TIMESTAMPTZ(3),
    "last_test_ok" BOOLEAN,
    "last_test_message" TEXT,
    "updated_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "integration_configs_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "promotions" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "number" SERIAL NOT NULL,
    "model_version_id" UUID NOT NULL,
    "team_id" UUID,
    "use_case_id" UUID,
    "environment_id" UUID NOT NULL,
    "policy_id" UUID NOT NULL,
    "strategy" "PromotionStrategy" NOT NULL,
    "strategy_config" JSONB NOT NULL DEFAULT '{}',
    "justification" TEXT NOT NULL,
    "source_ref" TEXT NOT NULL,
    "state" "PromotionState" NOT NULL DEFAULT 'draft',
    "round" INTEGER NOT NULL DEFAULT 1,
    "requested_by_id" UUID NOT NULL,
    "rollback_requested_by_id" UUID,
    "rollback_reason" TEXT,
    "failure_step" TEXT,
    "failure_reason" TEXT,
    "previous_deployment" JSONB,
    "used_fakes" BOOLEAN,
    "submitted_at" TIMESTAMPTZ(3),
    "approved_at" TIMESTAMPTZ(3),
    "execution_started_at" TIMESTAMPTZ(3),
    "finished_at" TIMESTAMPTZ(3),
    "rolled_back_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "promotions_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "promotion_gate_results" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "promotion_id" UUID NOT NULL,
    "phase" "GatePhase" NOT NULL,
    "gate" TEXT NOT NULL,
    "verdict" "GateVerdict" NOT NULL,
    "reason" TEXT NOT NULL,
    "evidence" JSONB NOT NULL DEFAULT '{}',
    "evaluated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "promotion_gate_results_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "promotion_approvals" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "promotion_id" UUID NOT NULL,
    "purpose" "ApprovalPurpose" NOT NULL,
    "round" INTEGER NOT NULL,
    "reviewer_id" UUID NOT NULL,
    "decision" "ApprovalDecision" NOT NULL,
    "comment" TEXT NOT NULL DEFAULT '',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "promotion_approvals_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "promotion_steps" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "promotion_id" UUID NOT NULL,
    "operation" "StepOperation" NOT NULL,
    "step" "StepName" NOT NULL,
    "status" "StepStatus" NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "result" JSONB NOT NULL DEFAULT '{}',
    "error" TEXT,
    "started_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finished_at" TIMESTAMPTZ(3),
    CONSTRAINT "promotion_steps_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "promotion_events" (
    "id" BIGSERIAL NOT NULL,
    "promotion_id" UUID NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "kind" TEXT NOT NULL,
    "message" TEXT NOT NULL,
    "step" TEXT,
    "request" JSONB,
    "response_status" INTEGER,
    "duration_ms" INTEGER,
    "data" JSONB NOT NULL DEFAULT '{}',
    CONSTRAINT "promotion_events_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "outbox_messages" (
    "id" BIGSERIAL NOT NULL,
    "topic" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "available_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "dispatched_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "outbox_messages_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "environments_key_key" ON "environments"("key");
CREATE INDEX "environments_rank_key_idx" ON "environments"("rank", "key");
CREATE UNIQUE INDEX "environment_policies_environment_id_version_key" ON "environment_policies"("environment_id", "version");
CREATE UNIQUE INDEX "integration_configs_environment_id_system_key" ON "integration_configs"("environment_id", "system");
CREATE UNIQUE INDEX "promotions_number_key" ON "promotions"("number");
CREATE INDEX "promotions_state_created_at_id_idx" ON "promotions"("state", "created_at" DESC, "id");
CREATE INDEX "promotions_team_id_created_at_id_idx" ON "promotions"("team_id", "created_at" DESC, "id");
CREATE INDEX "promotions_environment_id_state_idx" ON "promotions"("environment_id", "state");
CREATE INDEX "promotions_model_version_id_idx" ON "promotions"("model_version_id");
CREATE INDEX "promotions_requested_by_id_idx" ON "promotions"("requested_by_id");
CREATE INDEX "promotions_created_at_id_idx" ON "promotions"("created_at" DESC, "id");
CREATE INDEX "promotion_gate_results_promotion_id_evaluated_at_idx" ON "promotion_gate_results"("promotion_id", "evaluated_at" DESC);
CREATE UNIQUE INDEX "promotion_approvals_promotion_id_purpose_round_reviewer_id_key" ON "promotion_approvals"("promotion_id", "purpose", "round", "reviewer_id");
CREATE INDEX "promotion_approvals_reviewer_id_created_at_idx" ON "promotion_approvals"("reviewer_id", "created_at" DESC);
CREATE UNIQUE INDEX "promotion_steps_promotion_id_operation_step_key" ON "promotion_steps"("promotion_id", "operation", "step");
CREATE INDEX "promotion_events_promotion_id_id_idx" ON "promotion_events"("promotion_id", "id");
CREATE INDEX "outbox_messages_dispatched_at_available_at_id_idx" ON "outbox_messages"("dispatched_at", "available_at", "id");

-- AddForeignKey
ALTER TABLE "environment_policies" ADD CONSTRAINT "environment_policies_environment_id_fkey" FOREIGN KEY ("environment_id") REFERENCES "environments"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "integration_configs" ADD CONSTRAINT "integration_configs_environment_id_fkey" FOREIGN KEY ("environment_id") REFERENCES "environments"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "promotions" ADD CONSTRAINT "promotions_environment_id_fkey" FOREIGN KEY ("environment_id") REFERENCES "environments"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "promotions" ADD CONSTRAINT "promotions_policy_id_fkey" FOREIGN KEY ("policy_id") REFERENCES "environment_policies"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "promotions" ADD CONSTRAINT "promotions_requested_by_id_fkey" FOREIGN KEY ("requested_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "promotion_gate_results" ADD CONSTRAINT "promotion_gate_results_promotion_id_fkey" FOREIGN KEY ("promotion_id") REFERENCES "promotions"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "promotion_approvals" ADD CONSTRAINT "promotion_approvals_promotion_id_fkey" FOREIGN KEY ("promotion_id") REFERENCES "promotions"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "promotion_approvals" ADD CONSTRAINT "promotion_approvals_reviewer_id_fkey" FOREIGN KEY ("reviewer_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "promotion_steps" ADD CONSTRAINT "promotion_steps_promotion_id_fkey" FOREIGN KEY ("promotion_id") REFERENCES "promotions"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "promotion_events" ADD CONSTRAINT "promotion_events_promotion_id_fkey" FOREIGN KEY ("promotion_id") REFERENCES "promotions"("id") ON DELETE CASCADE ON UPDATE CASCADE;
