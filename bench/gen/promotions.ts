import type pg from "pg";
import { insertRows } from "../lib/insert";
import { rng, seededUuid } from "../lib/rng";
import type { Scale } from "../lib/scale";
import { BASE_TIME, type CatalogData } from "./catalog";

// Environments (dev, staging, prod) with a policy each, promotions of model versions
// through them in every state (a few hundred pending approval for the inbox), their
// approvals, and the deployments succeeded promotions left behind (retired when the
// next version arrived), so "what ran in prod at a date" has history to search.
// No promotions bench seeder existed in lib/promotions when this was written.

const ENVS = [["dev", "Development", 1], ["staging", "Staging", 2], ["prod", "Production", 3]] as const;
const STATES = ["succeeded", "succeeded", "succeeded", "succeeded", "failed", "rejected", "cancelled", "rolled_back", "pending_approval", "draft"] as const;
const HOUR = 3_600_000;

export interface PromotionData { promotions: number; deployments: number; prodHistoryAt: string }

export async function loadPromotions(client: pg.ClientBase, scale: Scale, seed: number, cat: CatalogData, userIds: string[], teamIds: string[]): Promise<PromotionData> {
  const r = rng(seed, "promotions");
  const envIds = ENVS.map(([key]) => seededUuid(seed, `env:${key}`));
  const policyIds = ENVS.map(([key]) => seededUuid(seed, `policy:${key}`));
  await insertRows(client, "environments", [{ name: "id", type: "uuid[]" }, { name: "key", type: "text[]" }, { name: "name", type: "text[]" }, { name: "rank", type: "int[]" },
    { name: "lakefs_repository", type: "text[]" }, { name: "lakefs_branch", type: "text[]" }, { name: "mlflow_alias", type: "text[]" }, { name: "airflow_dag_id", type: "text[]" }, { name: "updated_at", type: "timestamptz[]" }],
    ENVS.map(([key, name, rank], i) => [envIds[i], key, name, rank, "datalake", key === "prod" ? "main" : key, key === "prod" ? "champion" : key, `deploy_${key}`, new Date()]), { suffix: "ON CONFLICT (key) DO NOTHING" });
  // The environments may already exist (a demo seed): use whatever ids are there.
  const existing = (await client.query<{ id: string; key: string }>("SELECT id, key FROM environments")).rows;
  ENVS.forEach(([key], i) => (envIds[i] = existing.find((e) => e.key === key)!.id));
  await insertRows(client, "environment_policies", [{ name: "id", type: "uuid[]" }, { name: "environment_id", type: "uuid[]" }, { name: "version", type: "int[]" }, { name: "required_approvals", type: "int[]" },
    { name: "approver_roles", type: "text[]", cast: '"Role"[]' }, { name: "approver_team_ids", type: "text[]", cast: "text[]" }, { name: "allowed_strategies", type: "text[]", cast: '"PromotionStrategy"[]' }, { name: "gates", type: "text[]", cast: "jsonb" }],
    ENVS.map((_, i) => [policyIds[i], envIds[i], 1000 + i, i === 2 ? 2 : 1, "{approver}", "{}", "{direct,canary,shadow,blue_green}", "[]"]));

  const models = cat.modelVersionIds;
  const promos: unknown[][] = [], approvals: unknown[][] = [], deployments: unknown[][] = [];
  const approvers = userIds.slice(2, 12);
  const span = 320 * 24 * HOUR;
  for (let i = 0; i < scale.promotions; i++) {
    const id = seededUuid(seed, `promotion:${i}`);
    const env = r.int(0, 3);
    // Pending ones are recent; the rest spread over the year in order, so deployments succeed one another.
    const state = i >= scale.promotions - 300 ? "pending_approval" : r.pick(STATES);
    const created = BASE_TIME + Math.floor((i / scale.promotions) * span);
    const submitted = state === "draft" ? null : new Date(created + HOUR);
    const approved = ["succeeded", "failed", "rolled_back"].includes(state) ? new Date(created + 5 * HOUR) : null;
    const finished = approved ? new Date(created + 6 * HOUR) : ["rejected", "cancelled"].includes(state) ? new Date(created + 3 * HOUR) : null;
    const mv = models[r.int(0, models.length)]!;
    promos.push([id, mv, r.pick(teamIds), envIds[env], policyIds[env], r.pick(["direct", "canary", "shadow", "blue_green"]), `Bench promotion ${i}`, `refs/heads/candidate-${i}`, state,
      userIds[r.int(12, userIds.length)], submitted, approved, approved, finished, state === "rolled_back" ? new Date(created + 30 * HOUR) : null, new Date(created), new Date(created)]);
    if (approved || state === "pending_approval") {
      const n = state === "pending_approval" ? r.int(0, 2) : env === 2 ? 2 : 1;
      for (const reviewer of r.sample(approvers, n)) approvals.push([id, "promotion", 1, reviewer, "approve", new Date(created + 2 * HOUR)]);
    }
    if (state === "succeeded" || state === "rolled_back") deployments.push([seededUuid(seed, `deployment:${i}`), mv, ENVS[env]![0], new Date(created + 6 * HOUR), id]);
  }
  await insertRows(client, "promotions", [
    { name: "id", type: "uuid[]" }, { name: "model_version_id", type: "uuid[]" }, { name: "team_id", type: "uuid[]" }, { name: "environment_id", type: "uuid[]" }, { name: "policy_id", type: "uuid[]" },
    { name: "strategy", type: "text[]", cast: '"PromotionStrategy"' }, { name: "justification", type: "text[]" }, { name: "source_ref", type: "text[]" }, { name: "state", type: "text[]", cast: '"PromotionState"' },
    { name: "requested_by_id", type: "uuid[]" }, { name: "submitted_at", type: "timestamptz[]" }, { name: "approved_at", type: "timestamptz[]" }, { name: "execution_started_at", type: "timestamptz[]" },
    { name: "finished_at", type: "timestamptz[]" }, { name: "rolled_back_at", type: "timestamptz[]" }, { name: "created_at", type: "timestamptz[]" }, { name: "updated_at", type: "timestamptz[]" },
  ], promos);
  await insertRows(client, "promotion_approvals", [{ name: "promotion_id", type: "uuid[]" }, { name: "purpose", type: "text[]", cast: '"ApprovalPurpose"' }, { name: "round", type: "int[]" },
    { name: "reviewer_id", type: "uuid[]" }, { name: "decision", type: "text[]", cast: '"ApprovalDecision"' }, { name: "created_at", type: "timestamptz[]" }], approvals, { suffix: "ON CONFLICT DO NOTHING" });
  await insertRows(client, "deployments", [{ name: "id", type: "uuid[]" }, { name: "model_version_id", type: "uuid[]" }, { name: "environment", type: "text[]" }, { name: "deployed_at", type: "timestamptz[]" }, { name: "promotion_id", type: "uuid[]" }], deployments);
  // A deployment is retired when the next one of the same model reaches the same environment.
  await client.query(`UPDATE deployments d SET status = 'retired', retired_at = n.next_at FROM (
      SELECT d.id, lead(d.deployed_at) OVER (PARTITION BY mv.asset_id, d.environment ORDER BY d.deployed_at) AS next_at
      FROM deployments d JOIN model_versions mv ON mv.id = d.model_version_id) n
    WHERE n.id = d.id AND n.next_at IS NOT NULL`);
  return { promotions: promos.length, deployments: deployments.length, prodHistoryAt: new Date(BASE_TIME + span / 2).toISOString() };
}
