import { createHash } from "node:crypto";

// The versioned world a lakeFS fake keeps: repositories, branches, tags and commits with files,
// enough to make merges, reverts and diffs behave like lakeFS (ids change, conflicts are real).

export interface FakeCommit {
  id: string;
  parents: string[];
  committer: string;
  message: string;
  creationDate: number;
  metadata: Record<string, string>;
  metaRangeId: string;
  files: Map<string, string>;
  seq: number;
}

export interface FakeRepo {
  id: string;
  defaultBranch: string;
  storageNamespace: string;
  creationDate: number;
  branches: Map<string, string>;
  tags: Map<string, string>;
  commits: Map<string, FakeCommit>;
}

export type Change = { path: string; type: "added" | "removed" | "changed"; value: string | null };

let seq = 0;
const sha = (s: string) => createHash("sha256").update(s).digest("hex");

export function newCommit(repo: FakeRepo, parents: string[], files: Map<string, string>, message: string, metadata: Record<string, string> = {}, committer = "portal"): FakeCommit {
  seq += 1;
  const sorted = JSON.stringify([...files].sort(([a], [b]) => a.localeCompare(b)));
  const commit: FakeCommit = {
    id: sha(`${repo.id}:${seq}:${message}:${parents.join(",")}`),
    parents,
    committer,
    message,
    creationDate: Math.floor(Date.now() / 1000),
    metadata,
    metaRangeId: sha(sorted),
    files,
    seq,
  };
  repo.commits.set(commit.id, commit);
  return commit;
}

/** A branch, a tag or a commit id (or a unique prefix of one, as lakeFS accepts). */
export function resolveRef(repo: FakeRepo, ref: string): FakeCommit | undefined {
  const id = repo.branches.get(ref) ?? repo.tags.get(ref) ?? ref;
  const exact = repo.commits.get(id);
  if (exact) return exact;
  if (ref.length < 6) return undefined;
  const hits = [...repo.commits.values()].filter((c) => c.id.startsWith(ref));
  return hits.length === 1 ? hits[0] : undefined;
}

export function ancestors(repo: FakeRepo, id: string): Set<string> {
  const seen = new Set<string>();
  const stack = [id];
  while (stack.length) {
    const cur = stack.pop()!;
    if (seen.has(cur)) continue;
    seen.add(cur);
    stack.push(...(repo.commits.get(cur)?.parents ?? []));
  }
  return seen;
}

/** Newest common ancestor of two commits. */
export function mergeBase(repo: FakeRepo, a: string, b: string): FakeCommit | undefined {
  const ofA = ancestors(repo, a);
  return [...ancestors(repo, b)]
    .filter((id) => ofA.has(id))
    .map((id) => repo.commits.get(id)!)
    .sort((x, y) => y.seq - x.seq)[0];
}

export function diffFiles(from: Map<string, string>, to: Map<string, string>): Change[] {
  const changes: Change[] = [];
  for (const [path, value] of to) {
    if (!from.has(path)) changes.push({ path, type: "added", value });
    else if (from.get(path) !== value) changes.push({ path, type: "changed", value });
  }
  for (const path of from.keys()) if (!to.has(path)) changes.push({ path, type: "removed", value: null });
  return changes.sort((x, y) => x.path.localeCompare(y.path));
}

export function applyChanges(files: Map<string, string>, changes: Change[]): Map<string, string> {
  const next = new Map(files);
  for (const c of changes) {
    if (c.value === null) next.delete(c.path);
    else next.set(c.path, c.value);
  }
  return next;
}

/** History reachable from `head`, newest first. */
export function history(repo: FakeRepo, head: string, firstParent = false): FakeCommit[] {
  if (!firstParent) return [...ancestors(repo, head)].map((id) => repo.commits.get(id)!).sort((x, y) => y.seq - x.seq);
  const out: FakeCommit[] = [];
  for (let c = repo.commits.get(head); c; c = c.parents[0] ? repo.commits.get(c.parents[0]) : undefined) out.push(c);
  return out;
}

export function paginate<T>(items: T[], keyOf: (t: T) => string, query: URLSearchParams) {
  const after = query.get("after") ?? "";
  const amount = Math.min(1000, Number(query.get("amount") ?? 100) || 100);
  const start = after ? items.findIndex((t) => keyOf(t) === after) + 1 : 0;
  const slice = items.slice(start, start + amount);
  const hasMore = start + amount < items.length;
  return {
    pagination: { has_more: hasMore, next_offset: hasMore && slice.length ? keyOf(slice[slice.length - 1]!) : "", results: slice.length, max_per_page: 1000 },
    slice,
  };
}
