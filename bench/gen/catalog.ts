import type pg from "pg";
import { insertRows, pgTextArray } from "../lib/insert";
import { rng, seededUuid } from "../lib/rng";
import type { Scale } from "../lib/scale";
import { ADJECTIVES, COLUMN_WORDS, DOMAINS, ENTITIES, NAMESPACES, TAGS } from "./vocab";

// Assets (datasets, jobs, models, feature sets, deployments) and their versions.
// The search_vector trigger fills the full-text column as rows arrive.

export type Kind = "dataset" | "feature_set" | "model" | "job" | "deployment";
export interface CatalogData {
  ids: string[];
  kinds: Kind[];
  names: string[];
  modelVersionIds: string[];
  datasetVersionIds: string[];
}

export const BASE_TIME = Date.UTC(2026, 0, 1);
const DAY = 86_400_000;

function kindOf(x: number): Kind {
  return x < 0.6 ? "dataset" : x < 0.85 ? "job" : x < 0.95 ? "model" : x < 0.98 ? "feature_set" : "deployment";
}

export async function loadCatalog(client: pg.ClientBase, scale: Scale, seed: number, teamIds: string[]): Promise<CatalogData> {
  const r = rng(seed, "catalog");
  const ids: string[] = [], kinds: Kind[] = [], names: string[] = [];
  const rows: unknown[][] = [];
  for (let i = 0; i < scale.assets; i++) {
    const kind = kindOf(r.next());
    const domain = r.pick(DOMAINS), entity = r.pick(ENTITIES);
    const name = `${domain}_${entity}_${kind === "job" ? "etl" : kind}_${i}`;
    const id = seededUuid(seed, `asset:${i}`);
    const cols = r.sample(COLUMN_WORDS, r.int(3, 10));
    ids.push(id); kinds.push(kind); names.push(name);
    rows.push([
      id, kind, r.pick(NAMESPACES), name,
      `${r.pick(ADJECTIVES)} ${domain} ${entity} for the ${r.pick(DOMAINS)} team`,
      pgTextArray(r.sample(TAGS, r.int(0, 4))), pgTextArray(kind === "job" ? [] : cols),
      r.chance(0.1) ? null : r.pick(teamIds), new Date(BASE_TIME + r.int(0, 300) * DAY),
    ]);
  }
  await insertRows(client, "assets", [
    { name: "id", type: "uuid[]" }, { name: "kind", type: "text[]", cast: '"AssetKind"' }, { name: "namespace", type: "text[]" }, { name: "name", type: "text[]" },
    { name: "description", type: "text[]" }, { name: "tags", type: "text[]", cast: "text[]" }, { name: "column_names", type: "text[]", cast: "text[]" },
    { name: "owner_team_id", type: "uuid[]" }, { name: "created_at", type: "timestamptz[]" },
  ], rows);

  // Versions go to datasets, feature sets and models, a skewed number each (a few assets have hundreds).
  const versioned = ids.map((_, i) => i).filter((i) => kinds[i] === "dataset" || kinds[i] === "feature_set" || kinds[i] === "model");
  const dv: unknown[][] = [], mv: unknown[][] = [];
  const datasetVersionIds: string[] = [], modelVersionIds: string[] = [];
  const counter = new Map<number, number>();
  for (let v = 0; v < scale.versions; v++) {
    const i = r.chance(0.2) ? versioned[r.int(0, Math.min(50, versioned.length))]! : versioned[r.int(0, versioned.length)]!;
    const n = (counter.get(i) ?? 0) + 1;
    counter.set(i, n);
    const id = seededUuid(seed, `version:${v}`);
    const at = new Date(BASE_TIME + r.int(0, 320 * 24) * 3_600_000);
    if (kinds[i] === "model") {
      modelVersionIds.push(id);
      mv.push([id, ids[i], String(n), JSON.stringify({ auc: Number((0.6 + r.next() * 0.39).toFixed(4)), f1: Number((0.5 + r.next() * 0.45).toFixed(4)) }), `git@example.com:ml/${names[i]}.git`, r.int(0, 2 ** 31).toString(16).padStart(8, "0"), at]);
    } else {
      datasetVersionIds.push(id);
      const commit = seededUuid(seed, `commit:${v}`).replace(/-/g, "");
      dv.push([id, ids[i], commit.slice(0, 16), "datalake", "main", commit, at]);
    }
  }
  await insertRows(client, "dataset_versions", [
    { name: "id", type: "uuid[]" }, { name: "asset_id", type: "uuid[]" }, { name: "version", type: "text[]" }, { name: "lakefs_repository", type: "text[]" },
    { name: "lakefs_ref", type: "text[]" }, { name: "lakefs_commit_id", type: "text[]" }, { name: "observed_at", type: "timestamptz[]" },
  ], dv);
  await insertRows(client, "model_versions", [
    { name: "id", type: "uuid[]" }, { name: "asset_id", type: "uuid[]" }, { name: "version", type: "text[]" }, { name: "metrics", type: "text[]", cast: "jsonb" },
    { name: "code_repository", type: "text[]" }, { name: "code_commit_sha", type: "text[]" }, { name: "created_at", type: "timestamptz[]" },
  ], mv);
  return { ids, kinds, names, modelVersionIds, datasetVersionIds };
}
