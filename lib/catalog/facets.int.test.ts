import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { registerAsset } from "@/lib/catalog/assets";
import { assetFacets, FACET_SAMPLE } from "@/lib/catalog/facets";
import { searchAssets } from "@/lib/catalog/search";
import { ctxOf, makeActor, makeTeam, unique } from "@/lib/test/factories";
import { call, tokenFor } from "@/lib/use-cases/test-kit";
import * as facetsRoute from "@/app/api/v1/assets/facets/route";
import type { AssetFacets } from "@/lib/catalog/schemas";

const counts = (list: AssetFacets["kind"]) => Object.fromEntries(list.map((f) => [f.value, f.count]));

/** The truth the maintained counts must equal: a count over the team's assets themselves. */
async function directCounts(teamId: string) {
  const rows = await db().$queryRaw<{ facet: string; value: string; count: bigint }[]>`
    SELECT 'kind' AS facet, kind::text AS value, count(*) AS count FROM assets WHERE owner_team_id = ${teamId}::uuid GROUP BY kind
    UNION ALL SELECT 'namespace', namespace, count(*) FROM assets WHERE owner_team_id = ${teamId}::uuid GROUP BY namespace
    UNION ALL SELECT 'tag', tag, count(*) FROM assets, LATERAL (SELECT DISTINCT tag FROM unnest(tags) AS tag) t WHERE owner_team_id = ${teamId}::uuid GROUP BY tag`;
  const out: Record<string, Record<string, number>> = { kind: {}, namespace: {}, tag: {} };
  for (const r of rows) out[r.facet]![r.value] = Number(r.count);
  return out;
}

describe("catalog facet counts", () => {
  it("keeps a team's counts without a text query equal to a direct count as assets are registered, retagged, claimed and deleted", async () => {
    const team = await makeTeam();
    const owner = await makeActor(["product_owner"], [team.id]);
    const [ns1, ns2, pii, gold] = [unique("lakefs://facets"), unique("mlflow"), unique("pii"), unique("gold")];
    const a = (await registerAsset(ctxOf(owner), { kind: "dataset", namespace: ns1, name: unique("orders"), tags: [pii, gold] })).asset;
    await registerAsset(ctxOf(owner), { kind: "dataset", namespace: ns1, name: unique("stores"), tags: [pii] });
    await registerAsset(ctxOf(owner), { kind: "model", namespace: ns2, name: unique("churn"), tags: [gold] });
    // An unowned asset (first seen through lineage) claimed by registering it.
    const seen = await db().asset.create({ data: { kind: "dataset", namespace: ns1, name: unique("seen"), tags: [pii] } });
    await registerAsset(ctxOf(owner), { kind: "dataset", namespace: ns1, name: seen.name });

    let f = await assetFacets(owner, { ownerTeamId: team.id });
    expect(f).toMatchObject({ counted: 4, approximate: false });
    expect(counts(f.kind)).toEqual({ dataset: 3, model: 1 });
    expect(counts(f.namespace)).toEqual({ [ns1]: 3, [ns2]: 1 });
    expect(counts(f.tag)).toEqual({ [pii]: 3, [gold]: 2 });
    expect(f.owner).toEqual([{ value: team.id, label: team.name, count: 4 }]);

    await registerAsset(ctxOf(owner), { kind: "dataset", namespace: ns1, name: a.name, tags: [gold] });
    await db().asset.deleteMany({ where: { namespace: ns2, ownerTeamId: team.id } });
    f = await assetFacets(owner, { ownerTeamId: team.id });
    const truth = await directCounts(team.id);
    expect(counts(f.kind)).toEqual(truth.kind);
    expect(counts(f.namespace)).toEqual(truth.namespace);
    expect(counts(f.tag)).toEqual(truth.tag);
    expect(counts(f.tag)).toEqual({ [pii]: 2, [gold]: 1 });

    const models = await assetFacets(owner, { ownerTeamId: team.id, kind: "model" });
    expect(models).toMatchObject({ counted: 0, kind: [], tag: [] });
  });

  it("never counts another team's assets for a team-scoped reader, with or without a text query", async () => {
    const [mine, theirs] = [await makeTeam(), await makeTeam()];
    const reader = await makeActor(["product_owner"], [mine.id]);
    const word = unique("secretive").replace(/-/g, "");
    await registerAsset(ctxOf(await makeActor(["product_owner"], [theirs.id])), { kind: "dataset", namespace: "lakefs://hidden", name: `${word}_orders`, tags: [word] });
    await registerAsset(ctxOf(reader), { kind: "dataset", namespace: "lakefs://open", name: `${word}_stores` });

    expect(await assetFacets(reader, { ownerTeamId: theirs.id })).toMatchObject({ counted: 0, kind: [], owner: [] });
    const searched = await assetFacets(reader, { q: word });
    expect(searched.counted).toBe(1);
    expect(searched.owner.map((o) => o.value)).toEqual([mine.id]);
    expect(await assetFacets(reader, { tag: word })).toMatchObject({ counted: 0, tag: [] });

    const admin = await makeActor(["admin"]);
    expect((await assetFacets(admin, { q: word })).counted).toBe(2);
    expect(await assetFacets(admin, { ownerTeamId: theirs.id })).toMatchObject({ counted: 1, approximate: false });
  });

  it("filters to unowned assets by owner \"none\", the value the Unowned facet links to, in the list and the counts", async () => {
    const word = unique("strayword").replace(/-/g, "");
    const team = await makeTeam();
    await db().asset.create({ data: { kind: "dataset", namespace: "lakefs://stray", name: `${word}_seen` } });
    await registerAsset(ctxOf(await makeActor(["product_owner"], [team.id])), { kind: "dataset", namespace: "lakefs://stray", name: `${word}_owned` });
    const admin = await makeActor(["admin"]);
    const all = await assetFacets(admin, { q: word });
    expect(all.owner.find((o) => o.label === "Unowned")).toEqual({ value: "none", label: "Unowned", count: 1 });
    const unowned = await searchAssets(admin, { q: word, ownerTeamId: "none", limit: 25 });
    expect(unowned.items.map((a) => a.name)).toEqual([`${word}_seen`]);
    expect(await assetFacets(admin, { q: word, ownerTeamId: "none" })).toMatchObject({ counted: 1, owner: [{ value: "none", count: 1 }] });
    // Without a text query the maintained counts answer, and agree.
    const maintained = await assetFacets(admin, { ownerTeamId: "none" });
    expect(maintained.owner).toEqual([expect.objectContaining({ value: "none", label: "Unowned" })]);
    expect(maintained.counted).toBeGreaterThanOrEqual(1); // other files add unowned assets meanwhile: no exact total here
    const bad = await call(facetsRoute.GET, { path: "/api/v1/assets/facets?ownerTeamId=nobody", token: (await tokenFor(["admin"])).token });
    expect(bad.status).toBe(422);
  });

  it(`counts a text query over the first ${FACET_SAMPLE} matches and says when more match`, async () => {
    const team = await makeTeam();
    const word = unique("bulkword").replace(/-/g, "");
    const ns = unique("lakefs://bulk");
    await db().$executeRaw`
      INSERT INTO assets (kind, namespace, name, tags, owner_team_id)
      SELECT CASE WHEN i <= 20 THEN 'model'::"AssetKind" ELSE 'dataset'::"AssetKind" END, ${ns}, ${word} || '_' || i, ARRAY[${word}], ${team.id}::uuid
      FROM generate_series(1, ${FACET_SAMPLE + 5}) AS i`;
    const admin = await makeActor(["admin"]);

    const many = await assetFacets(admin, { q: word });
    expect(many).toMatchObject({ counted: FACET_SAMPLE, approximate: true });
    expect(many.kind.reduce((s, k) => s + k.count, 0)).toBe(FACET_SAMPLE);
    // Fewer matches than the sample: exact.
    expect(await assetFacets(admin, { q: word, kind: "model" })).toMatchObject({ counted: 20, approximate: false, kind: [{ value: "model", count: 20 }] });
    // The same assets without a text query come from the maintained counts: exact at any size.
    const exact = await assetFacets(admin, { ownerTeamId: team.id });
    expect(exact).toMatchObject({ counted: FACET_SAMPLE + 5, approximate: false });
    expect(counts(exact.kind)).toEqual({ dataset: FACET_SAMPLE - 15, model: 20 });
    expect(counts(exact.tag)).toEqual({ [word]: FACET_SAMPLE + 5 });
  });

  it("answers the facets over the API and refuses bad filters with a 422 that names them", async () => {
    const { token, actor } = await tokenFor(["product_owner"], [(await makeTeam()).id]);
    const name = unique("apifacet");
    await registerAsset(ctxOf(actor), { kind: "feature_set", namespace: "feast", name });
    const ok = await call(facetsRoute.GET, { token, path: `/api/v1/assets/facets?${new URLSearchParams({ q: name })}` });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ counted: 1, approximate: false, kind: [{ value: "feature_set", label: "feature_set", count: 1 }] });
    const bad = await call(facetsRoute.GET, { token, path: "/api/v1/assets/facets?kind=table&ownerTeamId=nope" });
    expect(bad.status).toBe(422);
    expect(bad.body.errors?.map((e) => e.path).sort()).toEqual(["kind", "ownerTeamId"]);
  });

  it("answers a page of search results with each asset's owner name and use-case links in one statement", async () => {
    const team = await makeTeam();
    const owner = await makeActor(["product_owner"], [team.id]);
    const word = unique("pagedword").replace(/-/g, "");
    for (const n of ["a", "b", "c"]) await registerAsset(ctxOf(owner), { kind: "dataset", namespace: "lakefs://paged", name: `${word}_${n}` });
    const first = await searchAssets(owner, { q: word, limit: 2 });
    expect(first.items).toHaveLength(2);
    expect(first.items[0]).toMatchObject({ ownerTeamId: team.id, ownerTeamName: team.name, useCaseIds: [] });
    const second = await searchAssets(owner, { q: word, limit: 2, cursor: first.nextCursor! });
    expect([...first.items, ...second.items].map((i) => i.name).sort()).toEqual([`${word}_a`, `${word}_b`, `${word}_c`]);
    expect(second.nextCursor).toBeNull();
    const badCursor = Buffer.from(JSON.stringify({ k: 1, id: "not-a-uuid" })).toString("base64url");
    await expect(searchAssets(owner, { q: word, limit: 2, cursor: badCursor })).rejects.toMatchObject({ code: "validation" });
  });
});
