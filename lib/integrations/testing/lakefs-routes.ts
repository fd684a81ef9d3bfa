import type { Route, RouteContext, RouteResult } from "./fake-server";
import { diffFiles, history, mergeBase, paginate, resolveRef, type FakeCommit, type FakeRepo } from "./lakefs-state";
import { validatorFor } from "./spec-validation";
import { writeRoutes } from "./lakefs-write-routes";

export interface MergeRecord {
  repository: string;
  sourceRef: string;
  destinationBranch: string;
  commitId: string;
}

export interface LakefsWorld {
  repos: Map<string, FakeRepo>;
  merges: MergeRecord[];
  reverts: { repository: string; branch: string; ref: string; commitId: string }[];
  /** Returns a refusal reason to answer 412, as a pre-merge hook would; null lets the merge through. */
  preMergeHook: ((m: Omit<MergeRecord, "commitId">) => string | null) | null;
  /** Demo mode: called before each request to create whatever it names (see LakefsFake `lenient`). */
  ensure?: (ctx: RouteContext) => void;
}

export const err = (status: number, message: string): RouteResult => ({ status, body: { message } });
const commitJson = (c: FakeCommit) => ({
  id: c.id,
  parents: c.parents,
  committer: c.committer,
  message: c.message,
  creation_date: c.creationDate,
  meta_range_id: c.metaRangeId,
  metadata: c.metadata,
  generation: c.seq,
  version: 1,
});

export function lakefsRoutes(w: LakefsWorld): Route[] {
  const repoOf = (name: string) => w.repos.get(name);
  const withRepo = (name: string, fn: (repo: FakeRepo) => RouteResult): RouteResult => {
    const repo = repoOf(name);
    return repo ? fn(repo) : err(404, `repository not found: ${name}`);
  };
  const routes: Route[] = [
    {
      operation: "listRepositories",
      method: "GET",
      path: "/repositories",
      handle: ({ query }) => {
        const all = [...w.repos.values()].filter((r) => r.id.startsWith(query.get("prefix") ?? "")).sort((a, b) => a.id.localeCompare(b.id));
        const { pagination, slice } = paginate(all, (r) => r.id, query);
        const results = slice.map((r) => ({ id: r.id, creation_date: r.creationDate, default_branch: r.defaultBranch, storage_namespace: r.storageNamespace, read_only: false }));
        return { status: 200, body: { pagination, results } };
      },
    },
    {
      operation: "getBranch",
      method: "GET",
      path: "/repositories/{repository}/branches/{branch}",
      handle: ({ params }) =>
        withRepo(params.repository!, (repo) => {
          const head = repo.branches.get(params.branch!);
          return head ? { status: 200, body: { id: params.branch, commit_id: head } } : err(404, `branch not found: ${params.branch}`);
        }),
    },
    {
      operation: "createBranch",
      method: "POST",
      path: "/repositories/{repository}/branches",
      validate: validatorFor("lakefs", "BranchCreation"),
      handle: ({ params, body }) =>
        withRepo(params.repository!, (repo) => {
          const { name, source } = body as { name: string; source: string };
          if (repo.branches.has(name)) return err(409, `branch already exists: ${name}`);
          const from = resolveRef(repo, source);
          if (!from) return err(404, `source ref not found: ${source}`);
          repo.branches.set(name, from.id);
          return { status: 201, body: from.id, contentType: "text/html" };
        }),
    },
    {
      operation: "getCommit",
      method: "GET",
      path: "/repositories/{repository}/commits/{commitId}",
      handle: ({ params }) =>
        withRepo(params.repository!, (repo) => {
          const c = resolveRef(repo, params.commitId!);
          return c ? { status: 200, body: commitJson(c) } : err(404, `commit not found: ${params.commitId}`);
        }),
    },
    {
      operation: "logCommits",
      method: "GET",
      path: "/repositories/{repository}/refs/{ref}/commits",
      handle: ({ params, query }) =>
        withRepo(params.repository!, (repo) => {
          const head = resolveRef(repo, params.ref!);
          if (!head) return err(404, `ref not found: ${params.ref}`);
          let commits = history(repo, head.id, query.get("first_parent") === "true");
          const stop = query.get("stop_at") ? resolveRef(repo, query.get("stop_at")!) : undefined;
          if (stop) commits = commits.slice(0, commits.findIndex((c) => c.id === stop.id) + 1 || commits.length);
          const { pagination, slice } = paginate(commits, (c) => c.id, query);
          return { status: 200, body: { pagination, results: slice.map(commitJson) } };
        }),
    },
    {
      operation: "diffRefs",
      method: "GET",
      path: "/repositories/{repository}/refs/{leftRef}/diff/{rightRef}",
      handle: ({ params, query }) =>
        withRepo(params.repository!, (repo) => {
          const left = resolveRef(repo, params.leftRef!);
          const right = resolveRef(repo, params.rightRef!);
          if (!left || !right) return err(404, `ref not found: ${left ? params.rightRef : params.leftRef}`);
          // three_dot (the default) compares the right side with the common ancestor, as lakeFS does.
          const from = query.get("type") === "two_dot" ? left : (mergeBase(repo, left.id, right.id) ?? left);
          const prefix = query.get("prefix") ?? "";
          const changes = diffFiles(from.files, right.files).filter((c) => c.path.startsWith(prefix));
          const { pagination, slice } = paginate(changes, (c) => c.path, query);
          const results = slice.map((c) => ({ type: c.type, path: c.path, path_type: "object", size_bytes: c.value?.length ?? 0 }));
          return { status: 200, body: { pagination, results } };
        }),
    },
    ...writeRoutes(w, withRepo),
  ];
  return routes.map((r) => ({ ...r, handle: (ctx) => (w.ensure?.(ctx), r.handle(ctx)) }));
}
