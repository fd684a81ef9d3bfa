import { body, requireFields, type LakefsContext } from "./context";
import { LakefsConflictError, LakefsPreMergeHookError } from "./errors";
import type { LakefsRef } from "./types";

const q = (s: string) => JSON.stringify(s);

export interface MergeInput {
  message?: string;
  /** Stored on the merge commit; put the promotion id here to find the merge again later. */
  metadata?: Record<string, string>;
  strategy?: "dest-wins" | "source-wins";
  allowEmpty?: boolean;
  squash?: boolean;
}

export function writeOps(ctx: LakefsContext) {
  const { http, api } = ctx;
  return {
    /**
     * Merges `sourceRef` into `destinationBranch` and returns the merge commit id. Not retried
     * after a timeout or 500 (the merge may have happened): look for it with findCommitByMetadata.
     */
    async merge(repository: string, sourceRef: string, destinationBranch: string, input: MergeInput = {}): Promise<{ commitId: string }> {
      const op = "merge branch";
      const what = `merge ${q(sourceRef)} into ${q(destinationBranch)} of repository ${q(repository)}`;
      const r = await http.call(
        {
          name: op,
          idempotent: false,
          resource: `ref ${q(sourceRef)} or branch ${q(destinationBranch)} in repository ${q(repository)}`,
          mapError: (e) => (e.status === 409 ? new LakefsConflictError(e, what) : e.status === 412 ? new LakefsPreMergeHookError(e, what) : e),
        },
        (fetch) =>
          api.POST("/repositories/{repository}/refs/{sourceRef}/merge/{destinationBranch}", {
            params: { path: { repository, sourceRef, destinationBranch } },
            body: { message: input.message, metadata: input.metadata, strategy: input.strategy, allow_empty: input.allowEmpty, squash_merge: input.squash },
            fetch,
          }),
      );
      return { commitId: requireFields(op, body(op, r), ["reference"]).reference };
    },

    /** Reverts commit `ref` on `branch` with a new commit; for a merge commit, relative to parent `parentNumber` (1 = the branch's own history). */
    async revert(repository: string, branch: string, input: { ref: string; parentNumber?: number; message?: string; metadata?: Record<string, string> }): Promise<void> {
      const what = `revert ${q(input.ref)} on branch ${q(branch)} of repository ${q(repository)}`;
      await http.call(
        {
          name: "revert commit",
          idempotent: false,
          resource: `commit ${q(input.ref)} or branch ${q(branch)} in repository ${q(repository)}`,
          mapError: (e) => (e.status === 409 ? new LakefsConflictError(e, what) : e),
        },
        (fetch) =>
          api.POST("/repositories/{repository}/branches/{branch}/revert", {
            params: { path: { repository, branch } },
            body: {
              ref: input.ref,
              parent_number: input.parentNumber ?? 1,
              commit_overrides: input.message || input.metadata ? { message: input.message, metadata: input.metadata } : undefined,
            },
            fetch,
          }),
      );
    },

    /** Points `branch` at `ref` (a commit), dropping later commits from it. Safe to repeat. */
    async hardResetBranch(repository: string, branch: string, ref: string, force = false): Promise<void> {
      await http.call({ name: "hard reset branch", idempotent: true, resource: `branch ${q(branch)} or ref ${q(ref)} in repository ${q(repository)}` }, (fetch) =>
        api.PUT("/repositories/{repository}/branches/{branch}/hard_reset", { params: { path: { repository, branch }, query: { ref, force } }, fetch }),
      );
    },

    async createBranch(repository: string, name: string, source: string): Promise<void> {
      await http.call({ name: "create branch", idempotent: false, resource: `source ref ${q(source)} in repository ${q(repository)}` }, (fetch) =>
        api.POST("/repositories/{repository}/branches", { params: { path: { repository } }, body: { name, source }, fetch, parseAs: "text" }),
      );
    },

    /** Creates tag `id` at `ref`. Repeating it for the same commit succeeds; a tag already at another commit is a conflict. */
    async createTag(repository: string, id: string, ref: string): Promise<LakefsRef> {
      const op = "create tag";
      try {
        const r = await http.call({ name: op, idempotent: false, resource: `ref ${q(ref)} in repository ${q(repository)}` }, (fetch) =>
          api.POST("/repositories/{repository}/tags", { params: { path: { repository } }, body: { id, ref }, fetch }),
        );
        const t = requireFields(op, body(op, r), ["id", "commit_id"]);
        return { id: t.id, commitId: t.commit_id };
      } catch (e) {
        if (!(e instanceof Error && "status" in e && e.status === 409)) throw e;
        const existing = await this.getTagFor(repository, id);
        if (existing.commitId === ref) return existing;
        throw e;
      }
    },

    async deleteTag(repository: string, tag: string): Promise<void> {
      await http.call({ name: "delete tag", idempotent: true, resource: `tag ${q(tag)} in repository ${q(repository)}` }, (fetch) =>
        api.DELETE("/repositories/{repository}/tags/{tag}", { params: { path: { repository, tag } }, fetch }),
      );
    },

    async getTagFor(repository: string, tag: string): Promise<LakefsRef> {
      const op = "get tag";
      const r = await http.call({ name: op, idempotent: true, resource: `tag ${q(tag)} in repository ${q(repository)}` }, (fetch) =>
        api.GET("/repositories/{repository}/tags/{tag}", { params: { path: { repository, tag } }, fetch }),
      );
      const t = requireFields(op, body(op, r), ["id", "commit_id"]);
      return { id: t.id, commitId: t.commit_id };
    },
  };
}
