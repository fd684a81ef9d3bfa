import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { GET } from "@/app/api/v1/assets/[id]/versions/[versionId]/route";
import { registerAsset } from "@/lib/catalog/assets";
import { registerVersion } from "@/lib/catalog/versions";
import { ingestLineage } from "@/lib/lineage/ingest";
import { lineageRiskOfModelVersion } from "@/lib/lineage/lineage-risk";
import { createApiToken } from "@/lib/tokens/tokens";
import { ctxOf, makeActor, makeTeam, unique } from "@/lib/test/factories";

// Risk travels along lineage: a model version shows the highest tier of the use cases its
// training data feeds, however far downstream they are linked.

async function useCase(teamId: string, ownerId: string, tier: "high" | "limited" | "minimal" | "prohibited", state: "submitted" | "retired" = "submitted") {
  return db().useCase.create({ data: { title: unique(`${tier} use case`), problem: "p", businessOwner: "b", teamId, ownerId, tier, screenedTier: tier, state } });
}
const run = (ns: string, job: string, from: string, to: string) => ({
  eventType: "COMPLETE", eventTime: "2026-01-01T00:00:00Z", producer: "https://example.test/p", schemaURL: "https://openlineage.io/spec/2-0-2/OpenLineage.json",
  run: { runId: crypto.randomUUID() }, job: { namespace: ns, name: job }, inputs: [{ namespace: ns, name: from }], outputs: [{ namespace: ns, name: to }],
});

/** raw -> (job clean) -> features, with a cycle features -> (job backfill) -> raw; a model trained on raw. */
async function world() {
  const [mine, theirs] = [await makeTeam(), await makeTeam()];
  const owner = await makeActor(["product_owner"], [mine.id]);
  const other = await makeActor(["product_owner"], [theirs.id]);
  const admin = await makeActor(["admin"]);
  const ns = unique("ns");
  await ingestLineage(ctxOf(admin), [run(ns, "clean", "raw", "features"), run(ns, "backfill", "features", "raw")]);
  const asset = (name: string) => db().asset.findFirstOrThrow({ where: { namespace: ns, name } });
  const [raw, features] = [await asset("raw"), await asset("features")];
  await db().asset.update({ where: { id: raw.id }, data: { ownerTeamId: mine.id } });
  await registerVersion(ctxOf(owner), raw.id, { version: "v1" });
  const model = (await registerAsset(ctxOf(owner), { kind: "model", namespace: ns, name: "scorer" })).asset;
  const mv = (await registerVersion(ctxOf(owner), model.id, { version: "1", inputs: [{ namespace: ns, name: "raw", version: "v1" }] })).version;
  return { mine, theirs, owner, other, admin, ns, raw, features, model, mv };
}

describe("risk through lineage", () => {
  it("gives a model version the highest tier of the use cases its training data feeds, listing those the reader may read", async () => {
    const w = await world();
    const limited = await useCase(w.mine.id, w.owner.userId, "limited");
    const high = await useCase(w.theirs.id, w.other.userId, "high");
    const retired = await useCase(w.mine.id, w.owner.userId, "prohibited", "retired");
    await db().assetUseCase.createMany({ data: [{ assetId: w.raw.id, useCaseId: limited.id }, { assetId: w.features.id, useCaseId: high.id }, { assetId: w.raw.id, useCaseId: retired.id }] });

    const seenByOwner = await GET(new Request(`http://127.0.0.1/api/v1/assets/${w.model.id}/versions/${w.mv.id}`, { headers: { authorization: `Bearer ${(await createApiToken(ctxOf(w.owner), { name: unique("t"), scopes: ["read"] })).token}` } }), { params: Promise.resolve({ id: w.model.id, versionId: w.mv.id }) });
    expect(seenByOwner.status).toBe(200);
    const body = await seenByOwner.json();
    // The other team's high-risk use case counts, but only as a number for this reader.
    expect(body.lineageRisk).toEqual({
      tier: "high",
      useCases: [{ useCaseId: limited.id, title: limited.title, tier: "limited", inputAssetId: w.raw.id, inputName: "raw", viaAssetId: w.raw.id, viaName: "raw" }],
      hiddenUseCases: 1, truncated: false,
    });
    expect(body).toMatchObject({ id: w.mv.id, kind: "model", inputs: [{ assetId: w.raw.id }] });

    const seenByAdmin = await lineageRiskOfModelVersion(w.admin, w.mv.id);
    expect(seenByAdmin.useCases.map((u) => [u.title, u.viaName])).toEqual([[high.title, "features"], [limited.title, "raw"]]);
    expect(seenByAdmin.hiddenUseCases).toBe(0);
  });

  it("has no tier when the training data feeds no use case, and answers a version of another team's model like a missing one", async () => {
    const w = await world();
    expect(await lineageRiskOfModelVersion(w.owner, w.mv.id)).toEqual({ tier: null, useCases: [], hiddenUseCases: 0, truncated: false });
    const token = (await createApiToken(ctxOf(w.other), { name: unique("t"), scopes: ["read"] })).token;
    const res = await GET(new Request(`http://127.0.0.1/api/v1/assets/${w.model.id}/versions/${w.mv.id}`, { headers: { authorization: `Bearer ${token}` } }), { params: Promise.resolve({ id: w.model.id, versionId: w.mv.id }) });
    expect(res.status).toBe(404);
  });
});
