-- Catalog and lineage (issue 5): assets, versions, runs, deployments, lineage edges.
-- asset_use_cases.use_case_id has no foreign key yet: the use-case table is added on
-- another branch; a later migration adds the constraint.

-- CreateEnum
CREATE TYPE "AssetKind" AS ENUM ('dataset', 'feature_set', 'model', 'job', 'deployment');

-- CreateEnum
CREATE TYPE "RunState" AS ENUM ('started', 'running', 'completed', 'aborted', 'failed', 'other');

-- CreateEnum
CREATE TYPE "RunIoDirection" AS ENUM ('input', 'output');

-- CreateEnum
CREATE TYPE "DeploymentStatus" AS ENUM ('active', 'retired');

-- CreateTable
CREATE TABLE "assets" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "kind" "AssetKind" NOT NULL,
    "namespace" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "tags" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "column_names" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "owner_team_id" UUID,
    "search_vector" tsvector,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "assets_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "asset_facets" (
    "asset_id" UUID NOT NULL,
    "key" TEXT NOT NULL,
    "value" JSONB NOT NULL,
    "event_time" TIMESTAMPTZ(6) NOT NULL,
    CONSTRAINT "asset_facets_pkey" PRIMARY KEY ("asset_id","key")
);

-- CreateTable
CREATE TABLE "dataset_versions" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "asset_id" UUID NOT NULL,
    "version" TEXT NOT NULL,
    "lakefs_repository" TEXT,
    "lakefs_ref" TEXT,
    "lakefs_commit_id" TEXT,
    "lakefs_path" TEXT,
    "schema" JSONB NOT NULL DEFAULT '[]',
    "data_quality" JSONB,
    "produced_by_run_id" UUID,
    "observed_at" TIMESTAMPTZ(6) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "dataset_versions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "model_versions" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "asset_id" UUID NOT NULL,
    "version" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "training_run_id" UUID,
    "code_repository" TEXT,
    "code_commit_sha" TEXT,
    "environment" TEXT,
    "metrics" JSONB NOT NULL DEFAULT '{}',
    "params" JSONB NOT NULL DEFAULT '{}',
    "mlflow_model_name" TEXT,
    "mlflow_version" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "model_versions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "model_version_inputs" (
    "model_version_id" UUID NOT NULL,
    "dataset_version_id" UUID NOT NULL,
    CONSTRAINT "model_version_inputs_pkey" PRIMARY KEY ("model_version_id","dataset_version_id")
);

-- CreateTable
CREATE TABLE "deployments" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "asset_id" UUID,
    "model_version_id" UUID NOT NULL,
    "environment" TEXT NOT NULL,
    "status" "DeploymentStatus" NOT NULL DEFAULT 'active',
    "deployed_at" TIMESTAMPTZ(3) NOT NULL,
    "retired_at" TIMESTAMPTZ(3),
    "promotion_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "deployments_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "runs" (
    "id" UUID NOT NULL,
    "job_asset_id" UUID NOT NULL,
    "parent_run_id" UUID,
    "state" "RunState" NOT NULL,
    "state_time" TIMESTAMPTZ(6) NOT NULL,
    "started_at" TIMESTAMPTZ(6),
    "ended_at" TIMESTAMPTZ(6),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "runs_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "run_facets" (
    "run_id" UUID NOT NULL,
    "key" TEXT NOT NULL,
    "value" JSONB NOT NULL,
    "event_time" TIMESTAMPTZ(6) NOT NULL,
    CONSTRAINT "run_facets_pkey" PRIMARY KEY ("run_id","key")
);

-- CreateTable
CREATE TABLE "run_io" (
    "run_id" UUID NOT NULL,
    "asset_id" UUID NOT NULL,
    "direction" "RunIoDirection" NOT NULL,
    CONSTRAINT "run_io_pkey" PRIMARY KEY ("run_id","asset_id","direction")
);

-- CreateTable
CREATE TABLE "lineage_events" (
    "id" BIGSERIAL NOT NULL,
    "dedupe_key" TEXT NOT NULL,
    "event_kind" TEXT NOT NULL,
    "run_id" UUID,
    "event_type" TEXT,
    "event_time" TIMESTAMPTZ(6) NOT NULL,
    "payload" JSONB NOT NULL,
    "received_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "lineage_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "lineage_edges" (
    "source_id" UUID NOT NULL,
    "target_id" UUID NOT NULL,
    "first_seen_at" TIMESTAMPTZ(6) NOT NULL,
    "last_seen_at" TIMESTAMPTZ(6) NOT NULL,
    CONSTRAINT "lineage_edges_pkey" PRIMARY KEY ("source_id","target_id")
);

-- CreateTable
CREATE TABLE "column_lineage_edges" (
    "source_id" UUID NOT NULL,
    "source_column" TEXT NOT NULL,
    "target_id" UUID NOT NULL,
    "target_column" TEXT NOT NULL,
    "job_asset_id" UUID,
    "transformation" JSONB NOT NULL DEFAULT '[]',
    "first_seen_at" TIMESTAMPTZ(6) NOT NULL,
    "last_seen_at" TIMESTAMPTZ(6) NOT NULL,
    CONSTRAINT "column_lineage_edges_pkey" PRIMARY KEY ("source_id","source_column","target_id","target_column")
);

-- CreateTable
CREATE TABLE "asset_use_cases" (
    "asset_id" UUID NOT NULL,
    "use_case_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "asset_use_cases_pkey" PRIMARY KEY ("asset_id","use_case_id")
);

-- CreateIndex
CREATE UNIQUE INDEX "assets_kind_namespace_name_key" ON "assets"("kind", "namespace", "name");
CREATE INDEX "assets_namespace_name_idx" ON "assets"("namespace", "name");
CREATE INDEX "assets_owner_team_id_kind_name_id_idx" ON "assets"("owner_team_id", "kind", "name", "id");
CREATE INDEX "assets_kind_name_id_idx" ON "assets"("kind", "name", "id");
CREATE INDEX "assets_name_id_idx" ON "assets"("name", "id");
CREATE INDEX "assets_tags_idx" ON "assets" USING GIN ("tags");
CREATE INDEX "assets_search_vector_idx" ON "assets" USING GIN ("search_vector");
CREATE UNIQUE INDEX "dataset_versions_asset_id_version_key" ON "dataset_versions"("asset_id", "version");
CREATE INDEX "dataset_versions_asset_id_observed_at_id_idx" ON "dataset_versions"("asset_id", "observed_at" DESC, "id");
CREATE INDEX "dataset_versions_produced_by_run_id_idx" ON "dataset_versions"("produced_by_run_id");
CREATE INDEX "dataset_versions_lakefs_repository_lakefs_commit_id_idx" ON "dataset_versions"("lakefs_repository", "lakefs_commit_id");
CREATE UNIQUE INDEX "model_versions_asset_id_version_key" ON "model_versions"("asset_id", "version");
CREATE INDEX "model_versions_asset_id_created_at_id_idx" ON "model_versions"("asset_id", "created_at" DESC, "id");
CREATE INDEX "model_versions_training_run_id_idx" ON "model_versions"("training_run_id");
CREATE INDEX "model_versions_mlflow_model_name_mlflow_version_idx" ON "model_versions"("mlflow_model_name", "mlflow_version");
CREATE INDEX "model_version_inputs_dataset_version_id_idx" ON "model_version_inputs"("dataset_version_id");
CREATE INDEX "deployments_environment_deployed_at_idx" ON "deployments"("environment", "deployed_at" DESC);
CREATE INDEX "deployments_model_version_id_deployed_at_idx" ON "deployments"("model_version_id", "deployed_at" DESC);
CREATE INDEX "deployments_asset_id_idx" ON "deployments"("asset_id");
CREATE INDEX "deployments_promotion_id_idx" ON "deployments"("promotion_id");
CREATE INDEX "runs_job_asset_id_state_time_id_idx" ON "runs"("job_asset_id", "state_time" DESC, "id");
CREATE INDEX "runs_parent_run_id_idx" ON "runs"("parent_run_id");
CREATE INDEX "run_io_asset_id_run_id_idx" ON "run_io"("asset_id", "run_id");
CREATE UNIQUE INDEX "lineage_events_dedupe_key_key" ON "lineage_events"("dedupe_key");
CREATE INDEX "lineage_events_run_id_idx" ON "lineage_events"("run_id");
CREATE INDEX "lineage_events_received_at_idx" ON "lineage_events"("received_at");
CREATE INDEX "lineage_edges_target_id_source_id_idx" ON "lineage_edges"("target_id", "source_id");
CREATE INDEX "column_lineage_edges_target_id_target_column_idx" ON "column_lineage_edges"("target_id", "target_column");
CREATE INDEX "asset_use_cases_use_case_id_idx" ON "asset_use_cases"("use_case_id");

-- AddForeignKey
ALTER TABLE "assets" ADD CONSTRAINT "assets_owner_team_id_fkey" FOREIGN KEY ("owner_team_id") REFERENCES "teams"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "asset_facets" ADD CONSTRAINT "asset_facets_asset_id_fkey" FOREIGN KEY ("asset_id") REFERENCES "assets"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "dataset_versions" ADD CONSTRAINT "dataset_versions_asset_id_fkey" FOREIGN KEY ("asset_id") REFERENCES "assets"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "dataset_versions" ADD CONSTRAINT "dataset_versions_produced_by_run_id_fkey" FOREIGN KEY ("produced_by_run_id") REFERENCES "runs"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "model_versions" ADD CONSTRAINT "model_versions_asset_id_fkey" FOREIGN KEY ("asset_id") REFERENCES "assets"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "model_versions" ADD CONSTRAINT "model_versions_training_run_id_fkey" FOREIGN KEY ("training_run_id") REFERENCES "runs"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "model_version_inputs" ADD CONSTRAINT "model_version_inputs_model_version_id_fkey" FOREIGN KEY ("model_version_id") REFERENCES "model_versions"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "model_version_inputs" ADD CONSTRAINT "model_version_inputs_dataset_version_id_fkey" FOREIGN KEY ("dataset_version_id") REFERENCES "dataset_versions"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "deployments" ADD CONSTRAINT "deployments_asset_id_fkey" FOREIGN KEY ("asset_id") REFERENCES "assets"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "deployments" ADD CONSTRAINT "deployments_model_version_id_fkey" FOREIGN KEY ("model_version_id") REFERENCES "model_versions"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "runs" ADD CONSTRAINT "runs_job_asset_id_fkey" FOREIGN KEY ("job_asset_id") REFERENCES "assets"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "run_facets" ADD CONSTRAINT "run_facets_run_id_fkey" FOREIGN KEY ("run_id") REFERENCES "runs"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "run_io" ADD CONSTRAINT "run_io_run_id_fkey" FOREIGN KEY ("run_id") REFERENCES "runs"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "run_io" ADD CONSTRAINT "run_io_asset_id_fkey" FOREIGN KEY ("asset_id") REFERENCES "assets"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "lineage_edges" ADD CONSTRAINT "lineage_edges_source_id_fkey" FOREIGN KEY ("source_id") REFERENCES "assets"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "lineage_edges" ADD CONSTRAINT "lineage_edges_target_id_fkey" FOREIGN KEY ("target_id") REFERENCES "assets"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "column_lineage_edges" ADD CONSTRAINT "column_lineage_edges_source_id_fkey" FOREIGN KEY ("source_id") REFERENCES "assets"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "column_lineage_edges" ADD CONSTRAINT "column_lineage_edges_target_id_fkey" FOREIGN KEY ("target_id") REFERENCES "assets"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "asset_use_cases" ADD CONSTRAINT "asset_use_cases_asset_id_fkey" FOREIGN KEY ("asset_id") REFERENCES "assets"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Full-text search over name, namespace, description, tags and column names. A trigger,
-- not a generated column: array_to_string is not immutable.
CREATE FUNCTION assets_search_vector_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.search_vector :=
    setweight(to_tsvector('simple', coalesce(NEW.name, '') || ' ' || regexp_replace(coalesce(NEW.name, ''), '[._/:-]+', ' ', 'g')), 'A') ||
    setweight(to_tsvector('simple', coalesce(array_to_string(NEW.tags, ' '), '')), 'B') ||
    setweight(to_tsvector('simple', coalesce(array_to_string(NEW.column_names, ' '), '')), 'B') ||
    setweight(to_tsvector('english', coalesce(NEW.description, '')), 'C') ||
    setweight(to_tsvector('simple', regexp_replace(coalesce(NEW.namespace, ''), '[._/:-]+', ' ', 'g')), 'D');
  RETURN NEW;
END;
$$;
CREATE TRIGGER assets_search_vector BEFORE INSERT OR UPDATE OF name, namespace, description, tags, column_names ON "assets"
  FOR EACH ROW EXECUTE FUNCTION assets_search_vector_update();
