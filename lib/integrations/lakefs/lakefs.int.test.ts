import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LakefsFake } from "../testing/lakefs-fake";
import { specProblems } from "../testing/spec-validation";
import { createLakefsClient, LakefsConflictError, LakefsPreMergeHookError } from "./client";

const fake = new LakefsFake();
const client = () => createLakefsClient(fake.config, { retry: { baseDelayMs: 5 } });
let n = 0;
const uniqueRepo = () => `repo-${Date.now().toString(36)}-${++n}`;

/** main with one data commit, and a feature branch with one more on top. */
function seed() {
  const repo = uniqueRepo();
  fake.createRepository(repo);
  const base = fake.commit(repo, "main", { message: "load sales", files: { "sales/2026.parquet": "v1", "sales/schema.json": "s1" }, metadata: { source: "airflow" } });
  fake.createBranch(repo, "feature", "main");
  const change = fake.commit(repo, "feature", { message: "refresh sales", files: { "sales/2026.parquet": "v2", "sales/new.parquet": "n1" } });
  return { repo, base, change };
}

beforeAll(() => fake.start());
afterAll(() => fake.stop());

describe("lakeFS client against the stateful fake", () => {
  it("reads a branch, a commit with its metadata and the commit log", async () => {
    const { repo, base, change } = seed();
    const lakefs = client();
    expect(await lakefs.getBranch(repo, "feature")).toEqual({ id: "feature", commitId: change });
    const commit = await lakefs.getCommit(repo, base);
    expect(commit).toMatchObject({ id: base, message: "load sales", committer: "data-engineer", metadata: { source: "airflow" } });
    expect(Math.abs(commit.createdAt.getTime() - Date.now())).toBeLessThan(60_000);
    const log = await lakefs.logCommits(repo, "feature");
    expect(log.results.map((c) => c.message)).toEqual(["refresh sales", "load sales", "Repository created"]);
    const repos = await lakefs.listRepositories({ prefix: repo });
    expect(repos.results).toEqual([expect.objectContaining({ id: repo, defaultBranch: "main" })]);
  });

  it("diffs two refs", async () => {
    const { repo, base, change } = seed();
    const diff = await client().diffRefs(repo, base, change);
    expect(diff.results).toEqual([
      { type: "changed", path: "sales/2026.parquet", pathType: "object", sizeBytes: 2 },
      { type: "added", path: "sales/new.parquet", pathType: "object", sizeBytes: 2 },
    ]);
    expect(diff.hasMore).toBe(false);
  });

  it("merges a branch: the destination moves to the merge commit, which carries the metadata", async () => {
    const { repo } = seed();
    const lakefs = client();
    const merged = await lakefs.merge(repo, "feature", "main", { message: "promote", metadata: { promotion_id: "p-1" } });
    expect(fake.head(repo, "main")).toBe(merged.commitId);
    expect(fake.files(repo, "main")["sales/2026.parquet"]).toBe("v2");
    expect(fake.merges.filter((m) => m.repository === repo)).toHaveLength(1);
    const found = await lakefs.findCommitByMetadata(repo, "main", "promotion_id", "p-1");
    expect(found?.id).toBe(merged.commitId);
    expect(await lakefs.findCommitByMetadata(repo, "main", "promotion_id", "p-2")).toBeNull();
  });

  it("maps a 409 merge conflict to LakefsConflictError and leaves the branch alone", async () => {
    const { repo } = seed();
    fake.commit(repo, "main", { message: "hotfix", files: { "sales/2026.parquet": "hotfix" } });
    const before = fake.head(repo, "main");
    const error = await client().merge(repo, "feature", "main").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LakefsConflictError);
    expect(error).toMatchObject({ kind: "conflict", status: 409, system: "lakefs", operation: "merge branch" });
    expect((error as Error).message).toContain("sales/2026.parquet");
    expect(fake.head(repo, "main")).toBe(before);
  });

  it("maps a 412 pre-merge hook refusal to LakefsPreMergeHookError with the hook's reason", async () => {
    const { repo } = seed();
    fake.preMergeHook = (m) => (m.repository === repo ? "no approved promotion covers this merge" : null);
    try {
      const error = await client().merge(repo, "feature", "main").catch((e: unknown) => e);
      expect(error).toBeInstanceOf(LakefsPreMergeHookError);
      expect(error).toMatchObject({ kind: "precondition_failed", status: 412, attempts: 1 });
      expect((error as Error).message).toContain("no approved promotion covers this merge");
    } finally {
      fake.preMergeHook = null;
    }
  });

  it("reverts a merge and hard-resets a branch", async () => {
    const { repo, base } = seed();
    const lakefs = client();
    const { commitId } = await lakefs.merge(repo, "feature", "main");
    await lakefs.revert(repo, "main", { ref: commitId, parentNumber: 1, message: "roll back p-1" });
    expect(fake.files(repo, "main")).toEqual({ "sales/2026.parquet": "v1", "sales/schema.json": "s1" });
    expect((await lakefs.logCommits(repo, "main", { amount: 1 })).results[0]?.message).toBe("roll back p-1");
    await lakefs.hardResetBranch(repo, "main", base);
    expect(fake.head(repo, "main")).toBe(base);
  });

  it("creates, lists, reads and deletes tags; re-creating the same tag is idempotent", async () => {
    const { repo, base, change } = seed();
    const lakefs = client();
    expect(await lakefs.createTag(repo, "v1", base)).toEqual({ id: "v1", commitId: base });
    expect(await lakefs.createTag(repo, "v1", base)).toEqual({ id: "v1", commitId: base });
    await expect(lakefs.createTag(repo, "v1", change)).rejects.toMatchObject({ kind: "conflict" });
    expect((await lakefs.listTags(repo)).results).toEqual([{ id: "v1", commitId: base }]);
    await lakefs.deleteTag(repo, "v1");
    await expect(lakefs.getTag(repo, "v1")).rejects.toMatchObject({ kind: "not_found", message: expect.stringContaining('tag "v1"') });
  });

  it("names the missing resource on a 404", async () => {
    const { repo } = seed();
    await expect(client().getBranch(repo, "nope")).rejects.toMatchObject({
      kind: "not_found",
      status: 404,
      message: expect.stringContaining(`branch "nope" in repository "${repo}"`),
    });
  });
});

describe("lakeFS fake fidelity", () => {
  const auth = () => ({ authorization: `Basic ${Buffer.from(`${fake.accessKeyId}:${fake.secretAccessKey}`).toString("base64")}` });

  it("answers with bodies that conform to the published spec", async () => {
    const { repo, base, change } = seed();
    const get = async (p: string) => (await fetch(`${fake.url}/api/v1${p}`, { headers: auth() })).json();
    expect(specProblems("lakefs", "Commit", await get(`/repositories/${repo}/commits/${base}`))).toEqual([]);
    expect(specProblems("lakefs", "CommitList", await get(`/repositories/${repo}/refs/main/commits`))).toEqual([]);
    expect(specProblems("lakefs", "DiffList", await get(`/repositories/${repo}/refs/${base}/diff/${change}`))).toEqual([]);
    expect(specProblems("lakefs", "RepositoryList", await get(`/repositories`))).toEqual([]);
    expect(specProblems("lakefs", "Ref", await get(`/repositories/${repo}/branches/main`))).toEqual([]);
  });

  it("refuses request bodies the spec does not allow, and wrong credentials", async () => {
    const { repo } = seed();
    const created = fake.count("createTag");
    const post = (body: unknown, headers = auth()) =>
      fetch(`${fake.url}/api/v1/repositories/${repo}/tags`, { method: "POST", headers: { ...headers, "content-type": "application/json" }, body: JSON.stringify(body) });
    const bad = await post({ id: "v1" });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { message: string }).message).toContain("ref");
    expect((await post({ id: "v1", ref: "main" }, { authorization: "Basic d3Jvbmc6d3Jvbmc=" })).status).toBe(401);
    expect(fake.count("createTag")).toBe(created);
  });
});
