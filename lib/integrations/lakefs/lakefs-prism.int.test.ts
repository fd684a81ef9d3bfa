import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { collectCalls } from "../core/call-record";
import { SPECS, startPrism, type PrismMock } from "../testing/prism";
import { createLakefsClient } from "./client";

// Shape conformance: every request the client sends must be one the published spec accepts
// (Prism answers 4xx otherwise), and every answer the spec allows must be readable by the client.
let prism: PrismMock;
const { calls, onCall } = collectCalls();
const lakefs = () =>
  createLakefsClient({ endpoint: prism.url, apiPath: "", accessKeyId: "AKIAEXAMPLE", secretAccessKey: "secret" }, { onCall, retry: { maxAttempts: 1 } });

beforeAll(async () => {
  prism = await startPrism(SPECS.lakefs);
});
afterAll(() => prism?.stop());

describe("lakeFS client against the spec (Prism mock)", () => {
  it("reads repositories, branches, commits, logs, diffs and tags", async () => {
    const c = lakefs();
    expect((await c.listRepositories({ amount: 10 })).results[0]).toMatchObject({ id: expect.any(String), createdAt: expect.any(Date) });
    expect(await c.getBranch("repo", "main")).toEqual({ id: expect.any(String), commitId: expect.any(String) });
    const commit = await c.getCommit("repo", "abc123");
    expect(commit).toMatchObject({ id: expect.any(String), message: expect.any(String), committer: expect.any(String), metadata: expect.any(Object) });
    expect(commit.createdAt).toBeInstanceOf(Date);
    expect((await c.logCommits("repo", "main", { amount: 5, firstParent: true })).results.length).toBeGreaterThan(0);
    expect((await c.diffRefs("repo", "a", "b", { type: "two_dot" })).results[0]).toMatchObject({ path: expect.any(String), type: expect.any(String) });
    expect((await c.listTags("repo")).results[0]).toEqual({ id: expect.any(String), commitId: expect.any(String) });
    expect(await c.getTag("repo", "v1")).toEqual({ id: expect.any(String), commitId: expect.any(String) });
  });

  it("sends merge, revert, hard reset, branch and tag writes the spec accepts", async () => {
    const c = lakefs();
    expect(await c.merge("repo", "feature", "main", { message: "promote", metadata: { promotion_id: "p1" }, strategy: "source-wins" })).toEqual({
      commitId: expect.any(String),
    });
    await c.revert("repo", "main", { ref: "abc", parentNumber: 1, message: "rollback", metadata: { promotion_id: "p1" } });
    await c.hardResetBranch("repo", "main", "abc");
    await c.createBranch("repo", "feature-2", "main");
    expect(await c.createTag("repo", "v2", "abc")).toEqual({ id: expect.any(String), commitId: expect.any(String) });
    await c.deleteTag("repo", "v2");
    expect(calls.filter((r) => r.status !== null && r.status >= 400)).toEqual([]);
  });
});
