import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { loadTokenActor, loadUserActor } from "@/lib/auth/load-actor";
import { createApiToken, revokeApiToken } from "@/lib/tokens/tokens";
import { GET as getMe } from "@/app/api/v1/me/route";
import { ctxOf, makeActor, makeTeam, makeUser, unique } from "@/lib/test/factories";

// The actor is read in one statement on every request and never cached, so what an admin
// changes (roles, teams, deactivation, revocation) applies to the very next request.

describe("loading the actor of a request", () => {
  it("reads a token's scopes and its owner's roles (in the role enum's order) and teams", async () => {
    const [a, b] = [await makeTeam(), await makeTeam()];
    const user = await makeUser(["reviewer", "approver"], [b.id, a.id]);
    const token = (await createApiToken(ctxOf(await loadUserActor(user.id).then((x) => x!)), { name: "ci", scopes: ["read", "lineage:write"] })).token;
    const actor = await loadTokenActor(token);
    expect(actor).toEqual({
      kind: "token", tokenId: expect.any(String), scopes: ["read", "lineage:write"],
      userId: user.id, email: user.email, name: user.name,
      roles: ["reviewer", "approver"], teamIds: [a.id, b.id].sort(),
    });
  });

  it("applies a role change, a team change, a deactivation and a revocation on the next lookup", async () => {
    const team = await makeTeam();
    const owner = await makeActor(["product_owner"]);
    const created = await createApiToken(ctxOf(owner), { name: "pipeline", scopes: ["read"] });
    expect(await loadTokenActor(created.token)).toMatchObject({ roles: ["product_owner"], teamIds: [] });

    await db().userRole.create({ data: { userId: owner.userId, role: "reviewer" } });
    await db().teamMembership.create({ data: { userId: owner.userId, teamId: team.id } });
    expect(await loadTokenActor(created.token)).toMatchObject({ roles: ["product_owner", "reviewer"], teamIds: [team.id] });
    expect(await loadUserActor(owner.userId)).toMatchObject({ kind: "user", roles: ["product_owner", "reviewer"], teamIds: [team.id] });

    await db().user.update({ where: { id: owner.userId }, data: { active: false } });
    await expect(loadTokenActor(created.token)).rejects.toMatchObject({ code: "unauthenticated", message: expect.stringMatching(/deactivated/) });
    expect(await loadUserActor(owner.userId)).toBeNull();

    await db().user.update({ where: { id: owner.userId }, data: { active: true } });
    await revokeApiToken(ctxOf(owner), created.id);
    await expect(loadTokenActor(created.token)).rejects.toMatchObject({ code: "unauthenticated", message: expect.stringMatching(/revoked/) });
  });

  it("refuses an unknown token and answers null for an unknown user", async () => {
    await expect(loadTokenActor(`coe_abcdefgh_${"A".repeat(43)}`)).rejects.toMatchObject({ code: "unauthenticated", message: expect.stringMatching(/not recognised/) });
    expect(await loadUserActor("00000000-0000-4000-8000-000000000000")).toBeNull();
  });

  it("records last use at most once a minute", async () => {
    const owner = await makeActor(["reviewer"]);
    const created = await createApiToken(ctxOf(owner), { name: "hint", scopes: ["read"] });
    await loadTokenActor(created.token);
    const first = (await db().apiToken.findUniqueOrThrow({ where: { id: created.id } })).lastUsedAt;
    expect(first).not.toBeNull();
    await loadTokenActor(created.token);
    expect((await db().apiToken.findUniqueOrThrow({ where: { id: created.id } })).lastUsedAt).toEqual(first);
    await db().apiToken.update({ where: { id: created.id }, data: { lastUsedAt: new Date(Date.now() - 61_000) } });
    await loadTokenActor(created.token);
    expect((await db().apiToken.findUniqueOrThrow({ where: { id: created.id } })).lastUsedAt!.getTime()).toBeGreaterThan(Date.now() - 10_000);
  });
});

describe("GET /api/v1/me", () => {
  const me = (token: string) => getMe(new Request("http://127.0.0.1/api/v1/me", { headers: { authorization: `Bearer ${token}` } }), { params: Promise.resolve({}) });

  it("answers the token's owner with roles, teams by name and scopes, and 401 once the token is revoked", async () => {
    const [zeta, alpha] = [await makeTeam(unique("Zeta")), await makeTeam(unique("Alpha"))];
    const user = await makeUser(["approver", "product_owner"], [zeta.id, alpha.id]);
    const owner = (await loadUserActor(user.id))!;
    const created = await createApiToken(ctxOf(owner), { name: "me", scopes: ["read"] });
    const res = await me(created.token);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      id: user.id, email: user.email, name: user.name, active: true, roles: ["product_owner", "approver"],
      teams: [alpha, zeta].map((t) => ({ id: t.id, slug: t.slug, name: t.name })), via: "token", scopes: ["read"],
    });
    await revokeApiToken(ctxOf(owner), created.id);
    expect((await me(created.token)).status).toBe(401);
  });
});
