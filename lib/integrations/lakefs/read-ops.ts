import { body, requireFields, type LakefsContext } from "./context";
import { page, toCommit, toRepository, type LakefsCommit, type LakefsDiffEntry, type LakefsPage, type LakefsRef, type LakefsRepository, type PageQuery } from "./types";

const q = (s: string) => JSON.stringify(s);

export function readOps({ http, api }: LakefsContext) {
  return {
    async listRepositories(query: PageQuery = {}): Promise<LakefsPage<LakefsRepository>> {
      const op = "list repositories";
      const r = await http.call({ name: op, idempotent: true }, (fetch) => api.GET("/repositories", { params: { query }, fetch }));
      return page(body(op, r), (repo) => toRepository(requireFields(op, repo, ["id", "default_branch"])));
    },

    async getBranch(repository: string, branch: string): Promise<LakefsRef> {
      const op = "get branch";
      const r = await http.call({ name: op, idempotent: true, resource: `branch ${q(branch)} in repository ${q(repository)}` }, (fetch) =>
        api.GET("/repositories/{repository}/branches/{branch}", { params: { path: { repository, branch } }, fetch }),
      );
      const ref = requireFields(op, body(op, r), ["id", "commit_id"]);
      return { id: ref.id, commitId: ref.commit_id };
    },

    async getCommit(repository: string, commitId: string): Promise<LakefsCommit> {
      const op = "get commit";
      const r = await http.call({ name: op, idempotent: true, resource: `commit ${q(commitId)} in repository ${q(repository)}` }, (fetch) =>
        api.GET("/repositories/{repository}/commits/{commitId}", { params: { path: { repository, commitId } }, fetch }),
      );
      return toCommit(requireFields(op, body(op, r), ["id", "message", "committer", "creation_date"]));
    },

    /** Commits reachable from `ref`, newest first. */
    async logCommits(repository: string, ref: string, query: { after?: string; amount?: number; stopAt?: string; firstParent?: boolean } = {}): Promise<LakefsPage<LakefsCommit>> {
      const op = "log commits";
      const r = await http.call({ name: op, idempotent: true, resource: `ref ${q(ref)} in repository ${q(repository)}` }, (fetch) =>
        api.GET("/repositories/{repository}/refs/{ref}/commits", {
          params: { path: { repository, ref }, query: { after: query.after, amount: query.amount, stop_at: query.stopAt, first_parent: query.firstParent } },
          fetch,
        }),
      );
      return page(body(op, r), (c) => toCommit(requireFields(op, c, ["id", "message", "creation_date"])));
    },

    /** What changed from `leftRef` to `rightRef` (objects added, removed, changed). */
    async diffRefs(repository: string, leftRef: string, rightRef: string, query: PageQuery & { type?: "two_dot" | "three_dot" } = {}): Promise<LakefsPage<LakefsDiffEntry>> {
      const op = "diff refs";
      const r = await http.call({ name: op, idempotent: true, resource: `ref ${q(leftRef)} or ${q(rightRef)} in repository ${q(repository)}` }, (fetch) =>
        api.GET("/repositories/{repository}/refs/{leftRef}/diff/{rightRef}", { params: { path: { repository, leftRef, rightRef }, query }, fetch }),
      );
      return page(body(op, r), (d) => ({ type: d.type, path: d.path, pathType: d.path_type, sizeBytes: d.size_bytes }));
    },

    async listTags(repository: string, query: PageQuery = {}): Promise<LakefsPage<LakefsRef>> {
      const op = "list tags";
      const r = await http.call({ name: op, idempotent: true, resource: `repository ${q(repository)}` }, (fetch) =>
        api.GET("/repositories/{repository}/tags", { params: { path: { repository }, query }, fetch }),
      );
      return page(body(op, r), (t) => ({ id: t.id, commitId: t.commit_id }));
    },

    async getTag(repository: string, tag: string): Promise<LakefsRef> {
      const op = "get tag";
      const r = await http.call({ name: op, idempotent: true, resource: `tag ${q(tag)} in repository ${q(repository)}` }, (fetch) =>
        api.GET("/repositories/{repository}/tags/{tag}", { params: { path: { repository, tag } }, fetch }),
      );
      const t = requireFields(op, body(op, r), ["id", "commit_id"]);
      return { id: t.id, commitId: t.commit_id };
    },
  };
}
