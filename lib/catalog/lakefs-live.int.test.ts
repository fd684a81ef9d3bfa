import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setUpPrivateDatabase } from "@/lib/test/private-database";
import { ctxOf, makeActor, makeTeam, unique } from "@/lib/test/factories";
import { registerAsset } from "@/lib/catalog/assets";
import { registerVersion } from "@/lib/catalog/versions";
import { lakefsLiveView } from "@/lib/catalog/lakefs-live";
import { createEnvironment } from "@/lib/environments/environments";
import { saveIntegration } from "@/lib/environments/integrations";
import { LakefsFake } from "@/lib/integrations/testing/lakefs-fake";
import { refusedUrl } from "@/lib/integrations/testing/ports";
import { SPECS } from "@/lib/integrations/testing/prism";
import { startPrismAtPath } from "@/lib/integrations/testing/prism-at-path";
import type { PrismMock } from "@/lib/integrations/testing/prism";
import type { Actor } from "@/lib/policy/actor";

// The dataset version page's live lakeFS panel, end to end below the page: integration config
// from the database, the typed client, a stateful lakeFS fake for content and faults, and Prism
// serving the published spec for conformance. A database of its own, because "no lakeFS
// integration configured" is a fact about the whole database.
process.env.ENCRYPTION_KEY ??= "test-encryption-key-0123456789abcdef";
setUpPrivateDatabase("lakefs-live");

const lakefs = new LakefsFake();
let prism: PrismMock;
let admin: Actor;
let owner: Actor;
let envKey: string;
const repo = unique("retail");
let commits: { first: string; second: string };
let ids: { asset: string; first: string; second: string; branchOnly: string; otherAsset: string; notLakefs: string };

async function useLakefs(baseUrl: string, creds: { accessKeyId: string; secretAccessKey: string } = lakefs.config) {
  await saveIntegration(ctxOf(admin), envKey, "lakefs", { baseUrl, accessKeyId: creds.accessKeyId, secret: creds.secretAccessKey });
}

beforeAll(async () => {
  [prism] = await Promise.all([startPrismAtPath(SPECS.lakefs, "/api/v1"), lakefs.start(0)]);
  admin = await makeActor(["admin"]);
  const team = await makeTeam();
  owner = await makeActor(["product_owner"], [team.id]);
  envKey = unique("dev").slice(0, 30).toLowerCase();
  await createEnvironment(ctxOf(admin), { key: envKey, name: envKey, rank: 10, lakefsRepository: repo, lakefsBranch: "main", mlflowAlias: "dev", airflowDagId: "deploy", protected: false });
  lakefs.createRepository(repo, "main");
  const first = lakefs.commit(repo, "main", { message: "Load orders for January", files: { "tables/orders/part-0.parquet": "jan", "tables/customers/part-0.parquet": "c" }, metadata: { pipeline: "orders_daily" }, committer: "etl-bot" });
  const second = lakefs.commit(repo, "main", { message: "Backfill February", files: { "tables/orders/part-0.parquet": "jan-fixed", "tables/orders/part-1.parquet": "feb", "tables/customers/part-1.parquet": "c2" } });
  commits = { first, second };
  const ctx = ctxOf(owner);
  const asset = (await registerAsset(ctx, { kind: "dataset", namespace: `lakefs://${repo}`, name: "tables/orders", ownerTeamId: team.id })).asset;
  const at = (version: string, commitId?: string) => registerVersion(ctx, asset.id, { version, lakefs: { repository: repo, ref: commitId ?? "main", commitId, path: "tables/orders/" } }).then((r) => r.version.id);
  const v1 = await at("jan", first);
  const v2 = await at("feb", second);
  const branchOnly = await at("head-only");
  const other = (await registerAsset(ctx, { kind: "dataset", namespace: "s3://warehouse", name: unique("plain"), ownerTeamId: team.id })).asset;
  const plain = (await registerVersion(ctx, other.id, { version: "1" })).version.id;
  ids = { asset: asset.id, first: v1, second: v2, branchOnly, otherAsset: other.id, notLakefs: plain };
});
afterAll(async () => {
  await Promise.all([lakefs.stop(), prism?.stop()]);
});

describe("a dataset version's lakeFS commit, read live", () => {
  it("says no lakeFS integration is configured, and needs no lakeFS for versions outside it or not pinned", async () => {
    expect(await lakefsLiveView(owner, ids.asset, ids.second)).toEqual({ state: "not_configured", repository: repo });
    expect(await lakefsLiveView(owner, ids.asset, ids.branchOnly)).toEqual({ state: "not_pinned", repository: repo, ref: "main" });
    expect(await lakefsLiveView(owner, ids.otherAsset, ids.notLakefs)).toEqual({ state: "not_in_lakefs" });
  });

  it("shows the commit's message, author, time and metadata, and what changed under the dataset's path since the previous version", async () => {
    await useLakefs(lakefs.url);
    const view = await lakefsLiveView(owner, ids.asset, ids.second);
    expect(view).toMatchObject({
      state: "ok", repository: repo, environment: envKey,
      commit: { id: commits.second, message: "Backfill February", committer: "data-engineer", metadata: {} },
      previous: { versionId: ids.first, version: "jan", commitId: commits.first },
      diff: { state: "ok", hasMore: false, entries: [{ type: "changed", path: "tables/orders/part-0.parquet" }, { type: "added", path: "tables/orders/part-1.parquet" }] },
    });
    if (view.state !== "ok") throw new Error("unreachable");
    expect(Date.parse(view.commit.createdAt!)).toBeGreaterThan(Date.now() - 3_600_000);

    const first = await lakefsLiveView(owner, ids.asset, ids.first);
    expect(first).toMatchObject({ state: "ok", commit: { message: "Load orders for January", committer: "etl-bot", metadata: { pipeline: "orders_daily" } }, previous: null, diff: { state: "none" } });
  });

  it("names a lakeFS that answers 500 twice, a refused connection and rejected credentials, instead of failing the page", async () => {
    lakefs.inject("getCommit", { kind: "status", status: 500, body: { message: "database is locked" } }, 2);
    const down = await lakefsLiveView(owner, ids.asset, ids.second);
    expect(down).toMatchObject({ state: "error", kind: "server_error", commitId: commits.second, endpoint: lakefs.url });
    expect(down.state === "error" && down.message).toMatch(/500/);

    await useLakefs(await refusedUrl());
    expect(await lakefsLiveView(owner, ids.asset, ids.second)).toMatchObject({ state: "error", kind: "unreachable" });

    await useLakefs(lakefs.url, { ...lakefs.config, secretAccessKey: "wrong" });
    expect(await lakefsLiveView(owner, ids.asset, ids.second)).toMatchObject({ state: "error", kind: "unauthorized" });
  });

  it("sends only requests the published lakeFS spec accepts and reads its answers (Prism), an unreadable time shown as unknown", async () => {
    await useLakefs(prism.url, { accessKeyId: "AKIAEXAMPLE", secretAccessKey: "secret" });
    const view = await lakefsLiveView(owner, ids.asset, ids.second);
    expect(view).toMatchObject({ state: "ok", commit: { id: expect.any(String), message: expect.any(String), createdAt: null }, diff: { state: "ok" } });
  });

  it("answers a version of another team's asset exactly like a missing one", async () => {
    const stranger = await makeActor(["product_owner"], [(await makeTeam()).id]);
    await expect(lakefsLiveView(stranger, ids.asset, ids.second)).rejects.toMatchObject({ code: "not_found" });
    await expect(lakefsLiveView(owner, ids.asset, crypto.randomUUID())).rejects.toMatchObject({ code: "not_found" });
  });
});
