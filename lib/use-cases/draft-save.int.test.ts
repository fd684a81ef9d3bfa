import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { registerAsset } from "@/lib/catalog/assets";
import { ctxOf, makeActor, makeTeam, unique } from "@/lib/test/factories";
import * as useCaseRoute from "@/app/api/v1/use-cases/[id]/route";
import * as transitionsRoute from "@/app/api/v1/use-cases/[id]/transitions/route";
import { createUseCase } from "@/lib/use-cases/intake";
import { call, ensureRubric, fullIntake, tokenFor } from "@/lib/use-cases/test-kit";

// Autosave of a draft: an emptied field arrives as null and is saved as empty, so it
// does not come back after a reload; submission still requires it.
describe("saving a draft with emptied fields", () => {
  beforeAll(async () => {
    await ensureRubric();
  });

  it("empties every optional field sent as null (text to \"\", the rest to NULL), audits it, and then refuses to submit naming them", async () => {
    const team = await makeTeam();
    const { actor: owner, token } = await tokenFor(["product_owner"], [team.id]);
    const uc = await createUseCase(ctxOf(owner), fullIntake(team.id));
    const emptied = {
      intendedUsers: null, valueType: null, valueLow: null, valueHigh: null, valueConfidence: null, successMetrics: null,
      dataNeeded: null, dataReadiness: null, feasibility: null, complexity: null, targetDate: null,
    };
    const res = await call(useCaseRoute.PATCH, { method: "PATCH", token, params: { id: uc.id }, body: { ...emptied, datasetIds: [], riskAnswers: {} } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ ...emptied, intendedUsers: "", successMetrics: "", dataNeeded: "" });
    expect(await db().useCase.findUniqueOrThrow({ where: { id: uc.id } })).toMatchObject({ dataNeeded: "", successMetrics: "", valueLow: null, feasibility: null, targetDate: null, title: uc.title });
    const audit = await db().auditEvent.findFirstOrThrow({ where: { entityId: uc.id, action: "use_case.updated" }, orderBy: { seq: "desc" } });
    expect(audit.diff).toMatchObject({ before: { dataNeeded: "CRM events, billing history", valueLow: 200 }, after: { dataNeeded: "", valueLow: null } });

    const submit = await call(transitionsRoute.POST, { token, params: { id: uc.id }, body: { transition: "submit" } });
    expect(submit.status).toBe(422);
    expect(submit.body.errors?.map((e) => e.path).sort()).toEqual(
      ["intendedUsers", "valueType", "valueLow", "valueHigh", "valueConfidence", "successMetrics", "dataNeeded", "dataReadiness", "feasibility", "complexity"].sort(),
    );
  });

  it("clears the description alone while a linked dataset still names the data, so the draft submits", async () => {
    const team = await makeTeam();
    const { actor: owner, token } = await tokenFor(["product_owner"], [team.id]);
    const orders = (await registerAsset(ctxOf(await makeActor(["admin"])), { kind: "dataset", namespace: "lakefs://test", name: unique("orders"), ownerTeamId: team.id })).asset;
    const uc = await createUseCase(ctxOf(owner), fullIntake(team.id, { datasetIds: [orders.id] }));
    const res = await call(useCaseRoute.PATCH, { method: "PATCH", token, params: { id: uc.id }, body: { dataNeeded: null } });
    expect(res.status).toBe(200);
    expect(res.body.dataNeeded).toBe("");
    expect((await call(transitionsRoute.POST, { token, params: { id: uc.id }, body: { transition: "submit" } })).body.state).toBe("submitted");
  });

  it("refuses null for the fields a draft is known by (422 naming each), and writes nothing", async () => {
    const team = await makeTeam();
    const { actor: owner, token } = await tokenFor(["product_owner"], [team.id]);
    const uc = await createUseCase(ctxOf(owner), fullIntake(team.id));
    const before = await db().useCase.findUniqueOrThrow({ where: { id: uc.id } });
    const res = await call(useCaseRoute.PATCH, { method: "PATCH", token, params: { id: uc.id }, body: { title: null, businessOwner: null, dataNeeded: null } });
    expect(res.status).toBe(422);
    expect(res.body.errors?.map((e) => e.path)).toEqual(["title", "businessOwner"]);
    expect(await db().useCase.findUniqueOrThrow({ where: { id: uc.id } })).toEqual(before);
  });
});
