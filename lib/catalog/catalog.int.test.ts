import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { registerAsset, getAsset } from "@/lib/catalog/assets";
import { listVersions, registerVersion } from "@/lib/catalog/versions";
import { searchAssets } from "@/lib/catalog/search";
import { assetFacets } from "@/lib/catalog/facets";
import { ctxOf, makeActor, makeTeam, unique } from "@/lib/test/factories";

describe("catalog registration", () => {
  it("registers an asset once by natural key and answers the same asset again", async () => {
    const team = await makeTeam();
    const ci = await makeActor(["product_owner"], [team.id]);
    const name = unique("orders");
    const first = await registerAsset(ctxOf(ci), { kind: "dataset", namespace: "lakefs://retail", name, tags: ["pii"] });
    const again = await registerAsset(ctxOf(ci), { kind: "dataset", namespace: "lakefs://retail", name, tags: ["pii"] });
    expect(first.created).toBe(true);
    expect(again.created).toBe(false);
    expect(again.asset.id).toBe(first.asset.id);
    expect(first.asset.ownerTeamId).toBe(team.id);
    const audits = await db().auditEvent.count({ where: { entityId: first.asset.id } });
    expect(audits).toBe(1);
  });

  it("hides another team's asset from a team-scoped reader exactly like a missing one", async () => {
    const [a, b] = [await makeTeam(), await makeTeam()];
    const owner = await makeActor(["product_owner"], [a.id]);
    const stranger = await makeActor(["product_owner"], [b.id]);
    const { asset } = await registerAsset(ctxOf(owner), { kind: "model", namespace: "mlflow", name: unique("churn") });
    await expect(getAsset(stranger, asset.id)).rejects.toMatchObject({ code: "not_found" });
    const reviewer = await makeActor(["reviewer"], [b.id]);
    expect((await getAsset(reviewer, asset.id)).id).toBe(asset.id);
  });

  it("registers dataset versions idempotently, refuses a changed body, and feeds column names to search", async () => {
    const team = await makeTeam();
    const ci = await makeActor(["product_owner"], [team.id]);
    const col = unique("col").replace(/-/g, "_");
    const { asset } = await registerAsset(ctxOf(ci), { kind: "dataset", namespace: "lakefs://retail", name: unique("sales") });
    const body = { version: "c1", lakefs: { repository: "retail", ref: "a".repeat(64), path: "sales/" }, schema: [{ name: col, type: "string" }] };
    const v1 = await registerVersion(ctxOf(ci), asset.id, body);
    expect(v1.created).toBe(true);
    expect(v1.version.lakefs?.commitId).toBe("a".repeat(64));
    expect((await registerVersion(ctxOf(ci), asset.id, body)).created).toBe(false);
    await expect(registerVersion(ctxOf(ci), asset.id, { ...body, schema: [] })).rejects.toMatchObject({ code: "conflict" });
    await expect(registerVersion(ctxOf(ci), asset.id, { version: "c2", params: { lr: 1 } })).rejects.toMatchObject({ code: "validation" });
    const found = await searchAssets(ci, { q: col, limit: 10 });
    expect(found.items.map((i) => i.id)).toEqual([asset.id]);
    expect((await assetFacets(ci, { q: col })).kind).toEqual([{ value: "dataset", label: "dataset", count: 1 }]);
  });

  it("links a model version to its input data commits and pages versions newest first", async () => {
    const team = await makeTeam();
    const ci = await makeActor(["product_owner"], [team.id]);
    const ds = (await registerAsset(ctxOf(ci), { kind: "dataset", namespace: "lakefs://risk", name: unique("loans") })).asset;
    await registerVersion(ctxOf(ci), ds.id, { version: "v1", lakefs: { repository: "risk", ref: "main", commitId: "b".repeat(64) } });
    const model = (await registerAsset(ctxOf(ci), { kind: "model", namespace: "mlflow", name: unique("pd") })).asset;
    for (const v of ["1", "2", "3"]) {
      await registerVersion(ctxOf(ci), model.id, { version: v, inputs: [{ namespace: "lakefs://risk", name: ds.name, version: "v1" }], code: { repository: "git@x:risk.git", commitSha: "abc1234" } });
    }
    const p1 = await listVersions(ci, model.id, { limit: 2 });
    expect(p1.items.map((v) => v.version)).toEqual(["3", "2"]);
    expect(p1.items[0]!.inputs[0]!.lakefsCommitId).toBe("b".repeat(64));
    const p2 = await listVersions(ci, model.id, { limit: 2, cursor: p1.nextCursor! });
    expect(p2.items.map((v) => v.version)).toEqual(["1"]);
    expect(await db().lineageEdge.count({ where: { sourceId: ds.id, targetId: model.id } })).toBe(1);
  });

  it("answers each model version's inputs with their dataset, version and data commit, and refuses a cursor it did not issue", async () => {
    const team = await makeTeam();
    const ci = await makeActor(["product_owner"], [team.id]);
    const [a, b] = [await registerAsset(ctxOf(ci), { kind: "dataset", namespace: "lakefs://risk", name: unique("bureau") }), await registerAsset(ctxOf(ci), { kind: "dataset", namespace: "lakefs://risk", name: unique("loans") })];
    const va = await registerVersion(ctxOf(ci), a.asset.id, { version: "2026-01", lakefs: { repository: "risk", ref: "main", commitId: "c".repeat(64) } });
    const vb = await registerVersion(ctxOf(ci), b.asset.id, { version: "2026-02", lakefs: { repository: "risk", ref: "d".repeat(64) } });
    const model = (await registerAsset(ctxOf(ci), { kind: "model", namespace: "mlflow", name: unique("pd") })).asset;
    await registerVersion(ctxOf(ci), model.id, { version: "1", metrics: { auc: 0.8 }, params: { depth: 6 }, inputs: [{ datasetVersionId: vb.version.id }, { datasetVersionId: va.version.id }] });
    await registerVersion(ctxOf(ci), model.id, { version: "2", mlflow: { name: "pd", version: "7" } });

    const page = await listVersions(ci, model.id, { limit: 25 });
    expect(page.items.map((v) => v.version)).toEqual(["2", "1"]);
    expect(page.items[0]).toMatchObject({ inputs: [], mlflow: { name: "pd", version: "7" }, metrics: {}, code: null });
    const inputs = [...page.items[1]!.inputs].sort((x, y) => x.name.localeCompare(y.name));
    expect(inputs).toEqual([
      { datasetVersionId: va.version.id, assetId: a.asset.id, namespace: "lakefs://risk", name: a.asset.name, version: "2026-01", lakefsCommitId: "c".repeat(64), lakefsRef: "main" },
      { datasetVersionId: vb.version.id, assetId: b.asset.id, namespace: "lakefs://risk", name: b.asset.name, version: "2026-02", lakefsCommitId: "d".repeat(64), lakefsRef: "d".repeat(64) },
    ].sort((x, y) => x.name.localeCompare(y.name)));
    expect(page.items[1]).toMatchObject({ metrics: { auc: 0.8 }, params: { depth: 6 } });
    const forged = Buffer.from(JSON.stringify({ k: "not a date", id: model.id })).toString("base64url");
    await expect(listVersions(ci, model.id, { limit: 1, cursor: forged })).rejects.toMatchObject({ code: "validation" });
  });
});
