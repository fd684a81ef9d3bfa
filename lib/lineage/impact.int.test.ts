import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { registerAsset } from "@/lib/catalog/assets";
import { registerVersion } from "@/lib/catalog/versions";
import { recordDeployment } from "@/lib/catalog/deployments";
import { ingestLineage } from "@/lib/lineage/ingest";
import { impactAnalysis, impactListPage } from "@/lib/lineage/impact";
import { impactCsv } from "@/lib/lineage/impact-csv";
import { impactListQuery, impactQuery, type ImpactQuery } from "@/lib/lineage/impact-schemas";
import type { Actor } from "@/lib/policy/actor";
import { allValidEvents, uniquify } from "@/lib/lineage/test-events";
import { ctxOf, makeActor, makeTeam, unique } from "@/lib/test/factories";
import { createUseCase } from "@/lib/use-cases/intake";
import { fullIntake } from "@/lib/use-cases/test-kit";

const csvOf = async (actor: Actor, q: ImpactQuery) => new Response((await impactCsv(actor, q)).body).text();

const ev = (ns: string, type: string, inputs: string[], outputs: string[]) => ({
  eventType: type, eventTime: "2026-03-01T10:00:00Z", producer: "https://example.test/p", schemaURL: "https://openlineage.io/spec/2-0-2/OpenLineage.json",
  run: { runId: randomUUID() }, job: { namespace: ns, name: "build_features" },
  inputs: inputs.map((name) => ({ namespace: "lakefs://retail", name })), outputs: outputs.map((name) => ({ namespace: "lakefs://retail", name })),
});

describe("impact analysis", () => {
  it("reaches the production deployment of a model trained downstream, and the use case it serves", async () => {
    const team = await makeTeam();
    const ci = await makeActor(["admin"], [team.id]);
    const [raw, features] = [unique("raw"), unique("features")];
    await ingestLineage(ctxOf(ci), ev(unique("airflow"), "COMPLETE", [`main/${raw}`], [`main/${features}`]));
    const fs = await db().asset.findFirstOrThrow({ where: { namespace: "lakefs://retail", name: features } });
    await registerAsset(ctxOf(ci), { kind: "dataset", namespace: "lakefs://retail", name: features });
    await registerVersion(ctxOf(ci), fs.id, { version: "c1", lakefs: { repository: "retail", ref: "main", commitId: "d".repeat(64) } });
    // A real use case: asset_use_cases has a foreign key to it.
    const useCaseId = (await createUseCase(ctxOf(ci), fullIntake(team.id))).id;
    const model = (await registerAsset(ctxOf(ci), { kind: "model", namespace: "mlflow", name: unique("demand"), useCaseIds: [useCaseId] })).asset;
    const mv = (await registerVersion(ctxOf(ci), model.id, { version: "7", inputs: [{ datasetVersionId: (await db().datasetVersion.findFirstOrThrow({ where: { assetId: fs.id } })).id }] })).version;
    await db().$transaction((tx) => recordDeployment(tx, { modelVersionId: mv.id, environment: "prod" }));

    const root = await db().asset.findFirstOrThrow({ where: { namespace: "lakefs://retail", name: raw } });
    const impact = await impactAnalysis(ci, impactQuery.parse({ nodeId: root.id }));
    expect(impact.assets.items.map((a) => a.kind)).toEqual(expect.arrayContaining(["job", "dataset", "model", "deployment"]));
    expect(impact.modelVersions.items.map((m) => m.version)).toEqual(["7"]);
    expect(impact.deployments.items).toMatchObject([{ environment: "prod", version: "7" }]);
    expect(impact.useCases.items.map((u) => u.useCaseId)).toEqual([useCaseId]);
    expect(impact.summary).toMatchObject({ modelVersions: 1, deployments: 1, deploymentsByEnvironment: [{ environment: "prod", count: 1 }], useCases: 1 });
    expect(impact.summary.assets).toBe(impact.assets.items.length);
    const csv = await csvOf(ci, impactQuery.parse({ nodeId: root.id, format: "csv" }));
    expect(csv).toContain('"deployment","deployment","","' + model.name + '","7","prod"');
    expect(csv).toContain(useCaseId);
  });

  it("follows one column through the Spark column-lineage events", async () => {
    const ci = await makeActor(["admin"]);
    const salt = unique("cll");
    const { events } = uniquify(allValidEvents().filter((e) => JSON.stringify(e).includes("columnLineage") && JSON.stringify(e).includes("cll_test")), salt);
    await ingestLineage(ctxOf(ci), events);
    const source = await db().asset.findFirstOrThrow({ where: { namespace: `${salt}.file`, name: "/tmp/cll_test/cll_source1" } });
    const impact = await impactAnalysis(ci, impactQuery.parse({ nodeId: source.id, column: "a" }));
    const target = impact.assets.items.find((a) => a.name === "/tmp/cll_test/tbl1");
    expect(target?.columns).toEqual(expect.arrayContaining(["ident"]));
    const none = await impactAnalysis(ci, impactQuery.parse({ nodeId: source.id, column: "no_such_column" }));
    expect(none.assets.items.filter((a) => a.kind === "dataset")).toEqual([]);
  });

  it("treats another team's assets downstream as absent, and what lies only beyond them", async () => {
    const [mine, theirs] = [await makeTeam(), await makeTeam()];
    const owner = await makeActor(["product_owner"], [mine.id]);
    const admin = await makeActor(["admin"]);
    const ns = unique("ns");
    const run = (job: string, from: string, to: string) => ({ ...ev(ns, "COMPLETE", [], []), job: { namespace: ns, name: job }, inputs: [{ namespace: ns, name: from }], outputs: [{ namespace: ns, name: to }] });
    await ingestLineage(ctxOf(admin), [run("a", "raw", "theirs"), run("b", "theirs", "beyond"), run("c", "raw", "mine")]);
    await db().asset.updateMany({ where: { namespace: ns, name: "theirs" }, data: { ownerTeamId: theirs.id } });
    await db().asset.updateMany({ where: { namespace: ns, name: { in: ["raw", "mine", "beyond"] } }, data: { ownerTeamId: mine.id } });
    const raw = await db().asset.findFirstOrThrow({ where: { namespace: ns, name: "raw" } });
    const seen = (await impactAnalysis(owner, impactQuery.parse({ nodeId: raw.id }))).assets.items.map((a) => a.name).sort();
    expect(seen).toEqual(["a", "c", "mine"]);
    const all = (await impactAnalysis(admin, impactQuery.parse({ nodeId: raw.id }))).assets.items.map((a) => a.name).sort();
    expect(all).toEqual(["a", "b", "beyond", "c", "mine", "theirs"]);
  });
  it("counts the whole affected set and pages each list with keysets, nearest first, to the end", async () => {
    const admin = await makeActor(["admin"]);
    const ns = unique("fan");
    // raw feeds 7 jobs, each writes its own dataset: 14 assets downstream, 7 at 1 hop and 7 at 2.
    const runs = Array.from({ length: 7 }, (_, i) => ({ ...ev(ns, "COMPLETE", [], []), job: { namespace: ns, name: `job${i}` }, inputs: [{ namespace: ns, name: "raw" }], outputs: [{ namespace: ns, name: `out${i}` }] }));
    await ingestLineage(ctxOf(admin), runs);
    const raw = await db().asset.findFirstOrThrow({ where: { namespace: ns, name: "raw" } });
    const first = await impactAnalysis(admin, impactQuery.parse({ nodeId: raw.id, limit: 4 }));
    expect(first.summary.assets).toBe(14);
    expect(first.summary.assetsByKind).toEqual([{ kind: "dataset", count: 7 }, { kind: "job", count: 7 }]);
    expect(first.truncated).toBe(false);
    expect(first.assets.items.map((a) => a.name)).toEqual(["job0", "job1", "job2", "job3"]);
    const seen = first.assets.items.map((a) => `${a.depth}:${a.name}`);
    let cursor = first.assets.nextCursor;
    while (cursor) {
      const page = await impactListPage(admin, impactListQuery.parse({ nodeId: raw.id, list: "assets", cursor, limit: 4 }));
      if (page.list !== "assets") throw new Error("wrong list");
      seen.push(...page.items.map((a) => `${a.depth}:${a.name}`));
      cursor = page.nextCursor;
    }
    expect(seen).toEqual([...Array.from({ length: 7 }, (_, i) => `1:job${i}`), ...Array.from({ length: 7 }, (_, i) => `2:out${i}`)]);
    // Past the walk's cap: the nearest assets are kept and counted, and the answer says so.
    const capped = await impactAnalysis(admin, impactQuery.parse({ nodeId: raw.id, limit: 50 }), 5);
    expect(capped.truncated).toBe(true);
    expect(capped.summary.assets).toBe(5);
    expect(capped.assets.items.map((a) => a.depth)).toEqual([1, 1, 1, 1, 1]);
    expect(capped.summary.assetsByKind).toEqual([{ kind: "job", count: 5 }]);
    // A cursor of one list is refused by another, and a forged one is a 422, not a 500.
    await expect(impactListPage(admin, impactListQuery.parse({ nodeId: raw.id, list: "deployments", cursor: first.assets.nextCursor! }))).rejects.toMatchObject({ code: "validation" });
    await expect(impactListPage(admin, impactListQuery.parse({ nodeId: raw.id, list: "assets", cursor: "not-a-cursor" }))).rejects.toMatchObject({ code: "validation" });
  });

  it("streams every row as CSV, past the page's cap", async () => {
    const admin = await makeActor(["admin"]);
    const ns = unique("csv");
    const runs = Array.from({ length: 3 }, (_, i) => ({ ...ev(ns, "COMPLETE", [], []), job: { namespace: ns, name: `=job${i}` }, inputs: [{ namespace: ns, name: "raw" }], outputs: [{ namespace: ns, name: `out${i}` }] }));
    await ingestLineage(ctxOf(admin), runs);
    const raw = await db().asset.findFirstOrThrow({ where: { namespace: ns, name: "raw" } });
    const lines = (await csvOf(admin, impactQuery.parse({ nodeId: raw.id, format: "csv", limit: 1 }))).trim().split("\r\n");
    expect(lines[0]).toBe('"category","kind","namespace","name","version","environment","columns","depth","owner_team","use_case_ids","risk_tier"');
    expect(lines.slice(1).map((l) => l.split(",")[3])).toEqual(["\"'=job0\"", "\"'=job1\"", "\"'=job2\"", '"out0"', '"out1"', '"out2"']);
  });
});
