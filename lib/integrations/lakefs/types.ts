import type { components } from "./schema";

export type LakefsSchemas = components["schemas"];

export interface LakefsConfig {
  /** Server root, e.g. http://lakefs:8000 */
  endpoint: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** API prefix; "/api/v1" on a real server, "" on a spec mock that serves paths at its root. */
  apiPath?: string;
}

export interface LakefsRepository {
  id: string;
  defaultBranch: string;
  storageNamespace: string;
  createdAt: Date;
}

export interface LakefsCommit {
  id: string;
  parents: string[];
  committer: string;
  message: string;
  createdAt: Date;
  metadata: Record<string, string>;
  metaRangeId: string;
}

export interface LakefsRef {
  id: string;
  commitId: string;
}

export type LakefsDiffEntry = {
  type: LakefsSchemas["Diff"]["type"];
  path: string;
  pathType: LakefsSchemas["Diff"]["path_type"];
  sizeBytes?: number;
};

export interface LakefsPage<T> {
  results: T[];
  hasMore: boolean;
  /** Pass as `after` to read the next page. */
  nextOffset: string;
}

export interface PageQuery {
  after?: string;
  amount?: number;
  prefix?: string;
}

export function toCommit(c: LakefsSchemas["Commit"]): LakefsCommit {
  return {
    id: c.id,
    parents: c.parents,
    committer: c.committer,
    message: c.message,
    createdAt: new Date(c.creation_date * 1000),
    metadata: c.metadata ?? {},
    metaRangeId: c.meta_range_id,
  };
}

export function toRepository(r: LakefsSchemas["Repository"]): LakefsRepository {
  return { id: r.id, defaultBranch: r.default_branch, storageNamespace: r.storage_namespace, createdAt: new Date(r.creation_date * 1000) };
}

export function page<S, T>(list: { pagination: LakefsSchemas["Pagination"]; results: S[] }, map: (s: S) => T): LakefsPage<T> {
  return { results: list.results.map(map), hasMore: list.pagination.has_more, nextOffset: list.pagination.next_offset };
}
