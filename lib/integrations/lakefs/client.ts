import "server-only";
import { lakefsContext, type ClientOptions } from "./context";
import { readOps } from "./read-ops";
import type { LakefsCommit, LakefsConfig } from "./types";
import { writeOps } from "./write-ops";

export type LakefsClient = ReturnType<typeof createLakefsClient>;

/** Typed lakeFS client (types generated from lakeFS's swagger.yml), basic auth with an access key. */
export function createLakefsClient(config: LakefsConfig, options: ClientOptions = {}) {
  const ctx = lakefsContext(config, options);
  const reads = readOps(ctx);
  const writes = writeOps(ctx);
  return {
    ...reads,
    ...writes,
    /**
     * The newest commit on `ref` whose metadata has `key` = `value`, looking back `maxCommits`.
     * How a retried step learns that its merge already happened (the merge carries the promotion id).
     */
    async findCommitByMetadata(repository: string, ref: string, key: string, value: string, maxCommits = 200): Promise<LakefsCommit | null> {
      let after: string | undefined;
      for (let seen = 0; seen < maxCommits; ) {
        const batch = await reads.logCommits(repository, ref, { after, amount: Math.min(100, maxCommits - seen) });
        const hit = batch.results.find((c) => c.metadata[key] === value);
        if (hit) return hit;
        seen += batch.results.length;
        if (!batch.hasMore || batch.results.length === 0) return null;
        after = batch.nextOffset;
      }
      return null;
    },
  };
}

export { LakefsConflictError, LakefsPreMergeHookError } from "./errors";
export type * from "./types";
