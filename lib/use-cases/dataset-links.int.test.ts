import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { getAsset, registerAsset } from "@/lib/catalog/assets";
import { ctxOf, makeActor, makeTeam, unique } from "@/lib/test/factories";
import { createApiToken } from "@/lib/tokens/tokens";
import * as useCasesRoute from "@/app/api/v1/use-cases/route";
import * as useCaseRoute from "@/app/api/v1/use-cases/[id]/route";
import * as transitionsRoute from "@/app/api/v1/use-cases/[id]/transitions/route";
import * as assetsRoute from "@/app/api/v1/assets/route";
import { createUseCase, updateUseCase } from "@/lib/use-cases/intake";
import { getUseCase } from "@/lib/use-cases/read";
import { transitionUseCase } from "@/lib/use-cases/transition";
import { call, ensureRubric, fullIntake, tokenFor } from "@/lib/use-cases/test-kit";

// The intake's "data needed" as real links to catalog datasets (asset_use_cases).
async function dataset(teamId: string | null, kind: "dataset" | "model" = "dataset") {
  const admin = await makeActor(["admin"]);
  return (await registerAsset(ctxOf(admin), { kind, namespace: "lakefs://test", name: unique(kind === "dataset" ? "orders" : "model"), ...(teamId ? { ownerTeamId: teamId } : {}) })).asset;
}

describe("linking catalog datasets as the data a use case needs", () => {
  beforeAll(async () => {
    await ensureRubric();
  });

  it("links datasets at creation, replaces the set on save, leaves the catalog's model links alone, and shows both ways", async () => {
    const team = await makeTeam();
    const owner = await makeActor(["product_owner"], [team.id]);
    const [orders, stores, sales] = [await dataset(team.id), await dataset(team.id), await dataset(null)];
    const uc = await createUseCase(ctxOf(owner), fullIntake(team.id, { datasetIds: [orders.id, stores.id, orders.id] }));
    expect(uc.assets.map((a) => a.id)).toEqual([orders.id, stores.id]);
    expect((await getAsset(owner, orders.id)).useCaseIds).toEqual([uc.id]);

    // CI registers a model for the use case: that link is the catalog's and survives intake edits.
    const model = (await registerAsset(ctxOf(await makeActor(["admin"])), { kind: "model", namespace: "mlflow", name: unique("m"), ownerTeamId: team.id, useCaseIds: [uc.id] })).asset;
    const after = await updateUseCase(ctxOf(owner), uc.id, { datasetIds: [stores.id, sales.id] });
    expect(after.assets.map((a) => [a.kind, a.id])).toEqual([["dataset", stores.id], ["model", model.id], ["dataset", sales.id]]);
    expect((await getAsset(owner, orders.id)).useCaseIds).toEqual([]);
    const audit = await db().auditEvent.findFirstOrThrow({ where: { entityId: uc.id, action: "use_case.updated" }, orderBy: { seq: "desc" } });
    expect(audit.diff).toMatchObject({ before: { datasetIds: [orders.id, stores.id] }, after: { datasetIds: [stores.id, sales.id] } });

    // The same set again (autosave) writes no link and audits no link change.
    await updateUseCase(ctxOf(owner), uc.id, { datasetIds: [stores.id, sales.id], title: "Renamed for the test" });
    const again = await db().auditEvent.findFirstOrThrow({ where: { entityId: uc.id, action: "use_case.updated" }, orderBy: { seq: "desc" } });
    expect((again.diff as { after: object }).after).toEqual({ title: "Renamed for the test" });
  });

  it("answers 422 naming each entry that is missing, not a dataset or outside the owner's catalog scope, and writes nothing", async () => {
    const team = await makeTeam();
    const { actor: owner, token } = await tokenFor(["product_owner"], [team.id]);
    const [mine, model, foreign] = [await dataset(team.id), await dataset(team.id, "model"), await dataset((await makeTeam()).id)];
    const uc = await createUseCase(ctxOf(owner), fullIntake(team.id, { datasetIds: [mine.id] }));
    const audits = await db().auditEvent.count({ where: { entityId: uc.id } });
    const before = await db().useCase.findUniqueOrThrow({ where: { id: uc.id } });

    const res = await call(useCaseRoute.PATCH, { method: "PATCH", token, params: { id: uc.id }, body: { datasetIds: [mine.id, randomUUID(), model.id, foreign.id], title: "Should not be saved" } });
    expect(res.status).toBe(422);
    expect(res.body.errors).toEqual([
      { path: "datasetIds.1", message: "No such catalog dataset" },
      { path: "datasetIds.2", message: `lakefs://test/${model.name} is a model, not a dataset` },
      { path: "datasetIds.3", message: "No such catalog dataset" },
    ]);
    expect((await getUseCase(owner, uc.id)).assets.map((a) => a.id)).toEqual([mine.id]);
    expect(await db().useCase.findUniqueOrThrow({ where: { id: uc.id } })).toEqual(before);
    expect(await db().auditEvent.count({ where: { entityId: uc.id } })).toBe(audits);

    const created = await call(useCasesRoute.POST, { token, body: fullIntake(team.id, { datasetIds: ["not-a-uuid"] }) });
    expect(created.status).toBe(422);
    expect(created.body.errors).toEqual([{ path: "datasetIds.0", message: "Must be the id of a catalog dataset" }]);
    expect(await db().useCase.count({ where: { teamId: team.id } })).toBe(1);
  });

  it("lets a linked dataset stand in for the description at submission, and refuses an intake with neither (422 on dataNeeded)", async () => {
    const team = await makeTeam();
    const { actor: owner, token } = await tokenFor(["product_owner"], [team.id]);
    const orders = await dataset(team.id);
    const linkedOnly = await createUseCase(ctxOf(owner), fullIntake(team.id, { dataNeeded: "", datasetIds: [orders.id] }));
    expect((await transitionUseCase(ctxOf(owner), linkedOnly.id, { transition: "submit" })).state).toBe("submitted");

    const neither = await createUseCase(ctxOf(owner), fullIntake(team.id, { dataNeeded: "" }));
    const res = await call(transitionsRoute.POST, { token, params: { id: neither.id }, body: { transition: "submit" } });
    expect(res.status).toBe(422);
    expect(res.body.errors).toEqual([{ path: "dataNeeded", message: "Link a catalog dataset or describe the data needed" }]);
    expect((await db().useCase.findUniqueOrThrow({ where: { id: neither.id } })).state).toBe("draft");
  });

  it("names a linked dataset only to readers who may see it in the catalog", async () => {
    const team = await makeTeam();
    const owner = await makeActor(["product_owner"], [team.id]);
    const foreign = await dataset((await makeTeam()).id);
    const admin = await makeActor(["admin"], [team.id]);
    const uc = await createUseCase(ctxOf(admin), fullIntake(team.id, { datasetIds: [foreign.id] }));
    expect(await getUseCase(owner, uc.id)).toMatchObject({ assets: [], hiddenAssets: 1 });
    expect(await getUseCase(await makeActor(["reviewer"]), uc.id)).toMatchObject({ assets: [{ id: foreign.id, kind: "dataset" }], hiddenAssets: 0 });
  });

  it("refuses a catalog registration that links a use case that does not exist (422, nothing registered)", async () => {
    const { token } = await createApiToken(ctxOf(await makeActor(["admin"])), { name: "ci", scopes: ["catalog:write"] });
    const name = unique("ghost-link");
    const res = await call(assetsRoute.POST, { token, body: { kind: "model", namespace: "mlflow", name, useCaseIds: [randomUUID()] } });
    expect(res.status).toBe(422);
    expect(res.body.errors).toEqual([{ path: "useCaseIds.0", message: "No such use case" }]);
    expect(await db().asset.count({ where: { name } })).toBe(0);
  });
});
