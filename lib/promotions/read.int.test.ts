import { describe, expect, it } from "vitest";
import { listPromotions } from "@/lib/promotions/read";
import { listPromotionsQuery } from "@/lib/promotions/schemas";
import { requestPromotion } from "@/lib/promotions/request";
import { makeEnvironment, makeModel } from "@/lib/promotions/test-fixtures";
import { ctxOf, makeActor } from "@/lib/test/factories";

// The promotion list: one statement per page, newest first, keyset-paged, scoped to the
// caller's teams for a product owner.
const request = (envKey: string, modelVersionId: string, submit = true) => ({ modelVersionId, environment: envKey, strategy: "direct" as const, strategyConfig: {}, justification: "Ready for this environment.", submit });

describe("promotion list", () => {
  it("pages newest first by state and environment with the model, environment and requester of each, and scopes a product owner to their teams", async () => {
    const { env } = await makeEnvironment();
    const mine = await makeModel([{ auc: 0.9 }, { auc: 0.91 }, { auc: 0.92 }, { auc: 0.93 }]);
    const ids: string[] = [];
    for (const v of mine.versionIds.slice(0, 3)) ids.push(await requestPromotion(ctxOf(mine.owner), request(env.key, v)));
    const other = await makeModel([{ auc: 0.9 }]);
    const theirs = await requestPromotion(ctxOf(other.owner), request(env.key, other.versionIds[0]!));
    const draft = await requestPromotion(ctxOf(mine.owner), request(env.key, mine.versionIds[3]!, false));

    const admin = await makeActor(["admin"]);
    const q = (extra: Record<string, unknown>) => listPromotionsQuery.parse({ environment: env.key, state: "pending_approval", limit: 2, ...extra });
    const first = await listPromotions(admin, q({}));
    expect(first.items.map((p) => p.id)).toEqual([theirs, ids[2]]);
    expect(first.items[1]).toMatchObject({
      state: "pending_approval", strategy: "direct", environment: { key: env.key, name: env.name },
      model: { assetId: mine.model.id, name: mine.model.name, versionId: mine.versionIds[2], version: "3" },
      requestedBy: { id: mine.owner.userId, name: mine.owner.name }, failureStep: null, usedFakes: null,
    });
    const second = await listPromotions(admin, q({ cursor: first.nextCursor }));
    expect(second.items.map((p) => p.id)).toEqual([ids[1], ids[0]]);
    expect(second.nextCursor).toBeNull();
    expect((await listPromotions(admin, listPromotionsQuery.parse({ environment: env.key, state: "draft" }))).items.map((p) => p.id)).toEqual([draft]);

    // A product owner sees their own team's promotions only.
    const owner = await listPromotions(mine.owner, listPromotionsQuery.parse({ environment: env.key }));
    expect(owner.items.map((p) => p.id).sort()).toEqual([...ids, draft].sort());
  });

  it("refuses a cursor edited by hand with a validation error naming the cursor", async () => {
    const admin = await makeActor(["admin"]);
    const edited = Buffer.from(JSON.stringify({ k: "last tuesday", id: "00000000-0000-0000-0000-000000000000" })).toString("base64url");
    await expect(listPromotions(admin, listPromotionsQuery.parse({ cursor: edited }))).rejects.toMatchObject({ code: "validation", errors: [{ path: "cursor", message: "Invalid cursor" }] });
  });
});
