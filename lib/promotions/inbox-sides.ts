import "server-only";
import { db } from "@/lib/db";
import { numericMetrics } from "@/lib/promotions/evidence";

// The two sides of the inbox's diffs for a whole page in one statement: the versions asked for
// (or coming back), and what runs now in each request's environment (the newest active
// deployment of the model there), each with its model and its data commits.
//
// What runs now is looked up for the page's models and environments at once, with them as
// literal arrays: the planner then sees, from the column statistics, that a model with a few
// hundred versions is among them and hashes the active deployments, instead of probing the
// deployments index once per version of each model (1 ms a row at full bench scale).

export interface Side {
  id: string;
  version: string;
  createdAt: Date;
  assetId: string;
  modelName: string;
  metrics: Record<string, number>;
  params: Record<string, unknown>;
  code: string | null;
  data: { dataset: string; version: string; commit: string | null }[];
}

interface Row extends Omit<Side, "metrics"> {
  metrics: unknown;
  runningIn: { environment: string; since: string }[] | null;
}

export interface Sides {
  versions: Map<string, Side>;
  /** The version that runs now for a model in an environment, and since when. */
  runningIn(assetId: string, environment: string): { side: Side; since: Date } | undefined;
}

export async function loadSides(versionIds: (string | null | undefined)[], places: { assetId: string; environment: string }[]): Promise<Sides> {
  const ids = [...new Set(versionIds.filter((id): id is string => !!id))];
  const assets = [...new Set(places.map((p) => p.assetId))];
  const envs = [...new Set(places.map((p) => p.environment))];
  const rows = ids.length || assets.length ? await db().$queryRaw<Row[]>`
    WITH running AS (
      SELECT DISTINCT ON (m2.asset_id, d.environment) d.model_version_id, d.environment, d.deployed_at
      FROM model_versions m2 JOIN deployments d ON d.model_version_id = m2.id
      WHERE m2.asset_id = ANY(${assets}::uuid[]) AND d.environment = ANY(${envs}::text[]) AND d.status = 'active'
      ORDER BY m2.asset_id, d.environment, d.deployed_at DESC
    )
    SELECT mv.id::text, mv.version, mv.created_at AS "createdAt", a.id::text AS "assetId", a.name AS "modelName", mv.metrics, mv.params, mv.code_commit_sha AS code,
      COALESCE((SELECT json_agg(json_build_object('dataset', da.name, 'version', dv.version, 'commit', dv.lakefs_commit_id) ORDER BY da.name, dv.version)
        FROM model_version_inputs i JOIN dataset_versions dv ON dv.id = i.dataset_version_id JOIN assets da ON da.id = dv.asset_id
        WHERE i.model_version_id = mv.id), '[]') AS data,
      (SELECT json_agg(json_build_object('environment', r.environment, 'since', r.deployed_at)) FROM running r WHERE r.model_version_id = mv.id) AS "runningIn"
    FROM model_versions mv JOIN assets a ON a.id = mv.asset_id
    WHERE mv.id = ANY(ARRAY(SELECT unnest(${ids}::uuid[]) UNION SELECT model_version_id FROM running))` : [];
  const versions = new Map<string, Side>();
  const running = new Map<string, { side: Side; since: Date }>();
  for (const { runningIn, ...r } of rows) {
    const side: Side = { ...r, metrics: numericMetrics(r.metrics), params: (r.params ?? {}) as Record<string, unknown> };
    versions.set(side.id, side);
    // JSON carries PostgreSQL's timestamp text.
    for (const at of runningIn ?? []) running.set(`${side.assetId}|${at.environment}`, { side, since: new Date(at.since) });
  }
  return { versions, runningIn: (assetId, environment) => running.get(`${assetId}|${environment}`) };
}
