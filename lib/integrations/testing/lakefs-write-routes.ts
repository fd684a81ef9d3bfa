import type { Route, RouteResult } from "./fake-server";
import { err, type LakefsWorld } from "./lakefs-routes";
import { ancestors, applyChanges, diffFiles, mergeBase, newCommit, paginate, resolveRef, type FakeRepo } from "./lakefs-state";
import { validatorFor } from "./spec-validation";

type WithRepo = (name: string, fn: (repo: FakeRepo) => RouteResult) => RouteResult;

export function writeRoutes(w: LakefsWorld, withRepo: WithRepo): Route[] {
  return [
    {
      operation: "mergeIntoBranch",
      method: "POST",
      path: "/repositories/{repository}/refs/{sourceRef}/merge/{destinationBranch}",
      validate: validatorFor("lakefs", "Merge"),
      handle: ({ params, body }) =>
        withRepo(params.repository!, (repo) => {
          const m = (body ?? {}) as { message?: string; metadata?: Record<string, string>; strategy?: string; allow_empty?: boolean; force?: boolean };
          const { sourceRef, destinationBranch } = params as { sourceRef: string; destinationBranch: string };
          const source = resolveRef(repo, sourceRef);
          const destHead = repo.branches.get(destinationBranch);
          if (!source || !destHead) return err(404, `not found: ${source ? `branch ${destinationBranch}` : `ref ${sourceRef}`}`);
          const dest = repo.commits.get(destHead)!;
          if (ancestors(repo, destHead).has(source.id) && !m.allow_empty && !m.force) return err(400, "no changes");
          const base = mergeBase(repo, source.id, destHead)!;
          const theirs = diffFiles(base.files, source.files);
          const ours = new Map(diffFiles(base.files, dest.files).map((c) => [c.path, c.value]));
          const clashes = theirs.filter((c) => ours.has(c.path) && ours.get(c.path) !== c.value);
          if (clashes.length && !m.strategy) return err(409, `conflict found: ${clashes.map((c) => c.path).join(", ")}`);
          const refusal = w.preMergeHook?.({ repository: repo.id, sourceRef, destinationBranch });
          if (refusal) return err(412, `pre-merge hook aborted: ${refusal}`);
          const applied = m.strategy === "dest-wins" ? theirs.filter((c) => !ours.has(c.path)) : theirs;
          const message = m.message || `Merge '${sourceRef}' into '${destinationBranch}'`;
          const merged = newCommit(repo, [destHead, source.id], applyChanges(dest.files, applied), message, m.metadata ?? {});
          repo.branches.set(destinationBranch, merged.id);
          w.merges.push({ repository: repo.id, sourceRef, destinationBranch, commitId: merged.id });
          return { status: 200, body: { reference: merged.id } };
        }),
    },
    {
      operation: "revertBranch",
      method: "POST",
      path: "/repositories/{repository}/branches/{branch}/revert",
      validate: validatorFor("lakefs", "RevertCreation"),
      handle: ({ params, body }) =>
        withRepo(params.repository!, (repo) => {
          const r = body as { ref: string; parent_number: number; commit_overrides?: { message?: string; metadata?: Record<string, string> } };
          const head = repo.branches.get(params.branch!);
          const target = resolveRef(repo, r.ref);
          if (!head || !target) return err(404, `not found: ${head ? `ref ${r.ref}` : `branch ${params.branch}`}`);
          const parent = repo.commits.get(target.parents[r.parent_number - 1] ?? "");
          if (!parent) return err(400, `commit ${target.id} has no parent number ${r.parent_number}`);
          const undo = diffFiles(target.files, parent.files);
          const current = repo.commits.get(head)!;
          const clash = undo.find((c) => current.files.get(c.path) !== target.files.get(c.path));
          if (clash) return err(409, `conflict: ${clash.path} changed after ${target.id}`);
          const message = r.commit_overrides?.message ?? `Revert ${r.ref}`;
          const reverted = newCommit(repo, [head], applyChanges(current.files, undo), message, r.commit_overrides?.metadata ?? {});
          repo.branches.set(params.branch!, reverted.id);
          w.reverts.push({ repository: repo.id, branch: params.branch!, ref: r.ref, commitId: reverted.id });
          return { status: 204 };
        }),
    },
    {
      operation: "hardResetBranch",
      method: "PUT",
      path: "/repositories/{repository}/branches/{branch}/hard_reset",
      handle: ({ params, query }) =>
        withRepo(params.repository!, (repo) => {
          const target = resolveRef(repo, query.get("ref") ?? "");
          if (!repo.branches.has(params.branch!) || !target) return err(404, `not found: branch ${params.branch} or ref ${query.get("ref")}`);
          repo.branches.set(params.branch!, target.id);
          return { status: 204 };
        }),
    },
    ...tagRoutes(withRepo),
  ];
}

function tagRoutes(withRepo: WithRepo): Route[] {
  return [
    {
      operation: "listTags",
      method: "GET",
      path: "/repositories/{repository}/tags",
      handle: ({ params, query }) =>
        withRepo(params.repository!, (repo) => {
          const tags = [...repo.tags].map(([id, commit_id]) => ({ id, commit_id })).sort((a, b) => a.id.localeCompare(b.id));
          const { pagination, slice } = paginate(tags, (t) => t.id, query);
          return { status: 200, body: { pagination, results: slice } };
        }),
    },
    {
      operation: "createTag",
      method: "POST",
      path: "/repositories/{repository}/tags",
      validate: validatorFor("lakefs", "TagCreation"),
      handle: ({ params, body }) =>
        withRepo(params.repository!, (repo) => {
          const t = body as { id: string; ref: string };
          const target = resolveRef(repo, t.ref);
          if (!target) return err(404, `ref not found: ${t.ref}`);
          if (repo.tags.has(t.id)) return err(409, `tag already exists: ${t.id}`);
          repo.tags.set(t.id, target.id);
          return { status: 201, body: { id: t.id, commit_id: target.id } };
        }),
    },
    {
      operation: "getTag",
      method: "GET",
      path: "/repositories/{repository}/tags/{tag}",
      handle: ({ params }) =>
        withRepo(params.repository!, (repo) => {
          const id = repo.tags.get(params.tag!);
          return id ? { status: 200, body: { id: params.tag, commit_id: id } } : err(404, `tag not found: ${params.tag}`);
        }),
    },
    {
      operation: "deleteTag",
      method: "DELETE",
      path: "/repositories/{repository}/tags/{tag}",
      handle: ({ params }) => withRepo(params.repository!, (repo) => (repo.tags.delete(params.tag!) ? { status: 204 } : err(404, `tag not found: ${params.tag}`))),
    },
  ];
}
