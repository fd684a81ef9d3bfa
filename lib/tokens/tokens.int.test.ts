import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { loadTokenActor } from "@/lib/auth/load-actor";
import { createApiToken, listApiTokens, revokeApiToken } from "@/lib/tokens/tokens";
import { ctxOf, makeActor } from "@/lib/test/factories";

describe("API tokens", () => {
  it("stores only the hash, authenticates with the secret once shown, and refuses it after revocation", async () => {
    const owner = await makeActor(["product_owner"]);
    const created = await createApiToken(ctxOf(owner), { name: "ci", scopes: ["read"] });
    const row = await db().apiToken.findUniqueOrThrow({ where: { id: created.id } });
    expect(row.hash).not.toContain(created.token);
    expect(JSON.stringify(row)).not.toContain(created.token.split("_").slice(2).join("_"));
    const asToken = await loadTokenActor(created.token);
    expect(asToken).toMatchObject({ kind: "token", userId: owner.userId, scopes: ["read"] });
    await revokeApiToken(ctxOf(owner), created.id);
    await expect(loadTokenActor(created.token)).rejects.toThrow(/revoked/);
  });

  it("answers not found when a non-admin revokes someone else's token, and changes nothing", async () => {
    const owner = await makeActor(["reviewer"]);
    const other = await makeActor(["product_owner"]);
    const created = await createApiToken(ctxOf(owner), { name: "mine", scopes: ["read"] });
    await expect(revokeApiToken(ctxOf(other), created.id)).rejects.toMatchObject({ code: "not_found" });
    expect((await db().apiToken.findUniqueOrThrow({ where: { id: created.id } })).revokedAt).toBeNull();
  });

  it("writes an audit event in the same transaction as each change", async () => {
    const owner = await makeActor(["approver"]);
    const created = await createApiToken(ctxOf(owner), { name: "audited", scopes: ["read"] });
    await revokeApiToken(ctxOf(owner), created.id);
    const events = await db().auditEvent.findMany({ where: { entityId: created.id }, orderBy: { seq: "asc" } });
    expect(events.map((e) => e.action)).toEqual(["token.created", "token.revoked"]);
  });

  it("refuses an expired token", async () => {
    const owner = await makeActor(["reviewer"]);
    const created = await createApiToken(ctxOf(owner), { name: "short", scopes: ["read"], expiresInDays: 1 });
    await db().apiToken.update({ where: { id: created.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    await expect(loadTokenActor(created.token)).rejects.toBeInstanceOf(AppError);
  });

  it("lists only the caller's own tokens for non-admins", async () => {
    const a = await makeActor(["reviewer"]);
    const b = await makeActor(["reviewer"]);
    await createApiToken(ctxOf(a), { name: "a1", scopes: ["read"] });
    await createApiToken(ctxOf(b), { name: "b1", scopes: ["read"] });
    const page = await listApiTokens(a, { limit: 50, userId: b.userId });
    expect(page.items.map((t) => t.name)).toEqual(["a1"]);
  });
});
