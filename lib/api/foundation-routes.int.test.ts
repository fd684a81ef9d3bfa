import { describe, expect, it } from "vitest";
import { DELETE as revokeToken } from "@/app/api/v1/tokens/[id]/route";
import { POST as createToken } from "@/app/api/v1/tokens/route";
import { PUT as putRoles } from "@/app/api/v1/users/[id]/roles/route";
import { PUT as putTeams } from "@/app/api/v1/users/[id]/teams/route";
import { PUT as putAccess } from "@/app/api/v1/users/[id]/access/route";
import { db } from "@/lib/db";
import type { RoleName, TokenScope } from "@/lib/policy/permissions";
import { createApiToken } from "@/lib/tokens/tokens";
import { actorOf, ctxOf, makeTeam, makeUser } from "@/lib/test/factories";

// Bad input on the token and role endpoints, through the real route handlers with real
// Request objects and Bearer tokens: each gets its precise status and problem body, and
// the database is unchanged afterwards.

type Handler = (req: Request, route: { params: Promise<Record<string, string>> }) => Promise<Response>;

async function callerWith(roles: RoleName[], scopes: TokenScope[] = ["read", "admin"]) {
  const user = await makeUser(roles);
  const { token, id } = await createApiToken(ctxOf(actorOf(user, roles)), { name: "test", scopes });
  return { user, token, tokenId: id };
}

async function call(handler: Handler, o: { method: string; path: string; token: string; body?: unknown; raw?: string; params?: Record<string, string> }) {
  const req = new Request(`http://127.0.0.1${o.path}`, {
    method: o.method,
    headers: { authorization: `Bearer ${o.token}`, "content-type": "application/json" },
    body: o.raw ?? (o.body === undefined ? undefined : JSON.stringify(o.body)),
  });
  const res = await handler(req, { params: Promise.resolve(o.params ?? {}) });
  const text = await res.text();
  return { status: res.status, type: res.headers.get("content-type"), body: (text ? JSON.parse(text) : null) as { type: string; status: number; detail: string; errors?: { path: string; message: string }[] } };
}

/** Everything these endpoints could change for the given users and tokens. */
async function snapshot(userIds: string[], entityIds: string[] = []) {
  const ids = [...userIds, ...entityIds];
  const [roles, memberships, tokens, audit] = await Promise.all([
    db().userRole.findMany({ where: { userId: { in: userIds } }, orderBy: [{ userId: "asc" }, { role: "asc" }] }),
    db().teamMembership.findMany({ where: { userId: { in: userIds } }, select: { userId: true, teamId: true }, orderBy: [{ userId: "asc" }, { teamId: "asc" }] }),
    db().apiToken.findMany({ where: { userId: { in: userIds } }, select: { id: true, revokedAt: true }, orderBy: { id: "asc" } }),
    db().auditEvent.count({ where: { OR: [{ entityId: { in: ids } }, { actorId: { in: ids } }] } }),
  ]);
  return { roles, memberships, tokens, audit };
}

const fieldPaths = (b: { errors?: { path: string }[] }) => (b.errors ?? []).map((e) => e.path).sort();

describe("POST /api/v1/tokens with bad input", () => {
  it("answers 400 to malformed JSON", async () => {
    const c = await callerWith(["reviewer"]);
    const before = await snapshot([c.user.id], [c.tokenId]);
    const r = await call(createToken, { method: "POST", path: "/api/v1/tokens", token: c.token, raw: '{"name": "x", "scopes": [' });
    expect(r.status).toBe(400);
    expect(r.type).toContain("application/problem+json");
    expect(r.body).toMatchObject({ type: "https://coe-portal.local/problems/bad-request", status: 400 });
    expect(r.body.detail).toMatch(/not valid JSON/);
    expect(await snapshot([c.user.id], [c.tokenId])).toEqual(before);
  });

  it("answers 422 naming each field of the wrong type", async () => {
    const c = await callerWith(["reviewer"]);
    const before = await snapshot([c.user.id], [c.tokenId]);
    const r = await call(createToken, { method: "POST", path: "/api/v1/tokens", token: c.token, body: { name: 42, scopes: "read", expiresInDays: "soon" } });
    expect(r.status).toBe(422);
    expect(r.body.type).toBe("https://coe-portal.local/problems/validation");
    expect(fieldPaths(r.body)).toEqual(["expiresInDays", "name", "scopes"]);
    expect(await snapshot([c.user.id], [c.tokenId])).toEqual(before);
  });

  it("answers 422 at the exact index of an unknown scope and to an unknown field", async () => {
    const c = await callerWith(["reviewer"]);
    const before = await snapshot([c.user.id], [c.tokenId]);
    const r = await call(createToken, { method: "POST", path: "/api/v1/tokens", token: c.token, body: { name: "x", scopes: ["read", "root"], owner: "me" } });
    expect(r.status).toBe(422);
    expect(fieldPaths(r.body)).toEqual(expect.arrayContaining(["scopes.1"]));
    expect(r.body.errors!.some((e) => e.path === "" || e.message.includes("owner"))).toBe(true);
    expect(await snapshot([c.user.id], [c.tokenId])).toEqual(before);
  });

  it("answers 403 when a non-admin creates a token for another user", async () => {
    const c = await callerWith(["product_owner"]);
    const victim = await makeUser(["reviewer"]);
    const before = await snapshot([c.user.id, victim.id], [c.tokenId]);
    const r = await call(createToken, { method: "POST", path: "/api/v1/tokens", token: c.token, body: { name: "x", scopes: ["read"], userId: victim.id } });
    expect(r.status).toBe(403);
    expect(r.body.type).toBe("https://coe-portal.local/problems/forbidden");
    expect(await snapshot([c.user.id, victim.id], [c.tokenId])).toEqual(before);
  });

  it("answers 413 to a body over the size limit", async () => {
    const c = await callerWith(["reviewer"]);
    const before = await snapshot([c.user.id], [c.tokenId]);
    const raw = JSON.stringify({ name: "x".repeat(1_100_000), scopes: ["read"] });
    const r = await call(createToken, { method: "POST", path: "/api/v1/tokens", token: c.token, raw });
    expect(r.status).toBe(413);
    expect(r.body.type).toBe("https://coe-portal.local/problems/payload-too-large");
    expect(await snapshot([c.user.id], [c.tokenId])).toEqual(before);
  });
});

describe("DELETE /api/v1/tokens/{id} with bad input", () => {
  it("answers 404 to a non-admin revoking someone else's token, exactly as for a missing one", async () => {
    const owner = await callerWith(["reviewer"]);
    const other = await callerWith(["product_owner"]);
    const before = await snapshot([owner.user.id, other.user.id], [owner.tokenId, other.tokenId]);
    const theirs = await call(revokeToken, { method: "DELETE", path: `/api/v1/tokens/${owner.tokenId}`, token: other.token, params: { id: owner.tokenId } });
    const missingId = "00000000-0000-4000-8000-000000000000";
    const missing = await call(revokeToken, { method: "DELETE", path: `/api/v1/tokens/${missingId}`, token: other.token, params: { id: missingId } });
    expect(theirs.status).toBe(404);
    expect({ ...theirs.body, requestId: undefined }).toEqual({ ...missing.body, requestId: undefined });
    expect(await snapshot([owner.user.id, other.user.id], [owner.tokenId, other.tokenId])).toEqual(before);
  });

  it("answers 422 naming the id when it is not a UUID", async () => {
    const c = await callerWith(["reviewer"]);
    const r = await call(revokeToken, { method: "DELETE", path: "/api/v1/tokens/nope", token: c.token, params: { id: "nope" } });
    expect(r.status).toBe(422);
    expect(fieldPaths(r.body)).toEqual(["id"]);
  });
});

describe("PUT /api/v1/users/{id}/roles and /teams with bad input", () => {
  it("answers 400 to malformed JSON", async () => {
    const admin = await callerWith(["admin"]);
    const target = await makeUser(["reviewer"]);
    const before = await snapshot([target.id]);
    const r = await call(putRoles, { method: "PUT", path: `/api/v1/users/${target.id}/roles`, token: admin.token, raw: "roles=admin", params: { id: target.id } });
    expect(r.status).toBe(400);
    expect(await snapshot([target.id])).toEqual(before);
  });

  it("answers 422 to roles of the wrong type and to an unknown role, at its index", async () => {
    const admin = await callerWith(["admin"]);
    const target = await makeUser(["reviewer"]);
    const before = await snapshot([target.id]);
    const wrongType = await call(putRoles, { method: "PUT", path: `/api/v1/users/${target.id}/roles`, token: admin.token, body: { roles: "admin" }, params: { id: target.id } });
    expect(wrongType.status).toBe(422);
    expect(fieldPaths(wrongType.body)).toEqual(["roles"]);
    const unknown = await call(putRoles, { method: "PUT", path: `/api/v1/users/${target.id}/roles`, token: admin.token, body: { roles: ["reviewer", "superuser"] }, params: { id: target.id } });
    expect(unknown.status).toBe(422);
    expect(fieldPaths(unknown.body)).toEqual(["roles.1"]);
    expect(unknown.body.errors![0]!.message).toMatch(/product_owner, reviewer, approver, executive, admin/);
    expect(await snapshot([target.id])).toEqual(before);
  });

  it("answers 422 naming a team that does not exist, and keeps the other memberships", async () => {
    const admin = await callerWith(["admin"]);
    const team = await makeTeam();
    const target = await makeUser(["product_owner"], [team.id]);
    const before = await snapshot([target.id]);
    const ghost = "00000000-0000-4000-8000-00000000beef";
    const r = await call(putTeams, { method: "PUT", path: `/api/v1/users/${target.id}/teams`, token: admin.token, body: { teamIds: [team.id, ghost] }, params: { id: target.id } });
    expect(r.status).toBe(422);
    expect(r.body.errors).toEqual([{ path: "teamIds.1", message: `No team ${ghost}` }]);
    expect(await snapshot([target.id])).toEqual(before);
  });

  it("answers 404 for a user that does not exist", async () => {
    const admin = await callerWith(["admin"]);
    const id = "00000000-0000-4000-8000-00000000f00d";
    const r = await call(putRoles, { method: "PUT", path: `/api/v1/users/${id}/roles`, token: admin.token, body: { roles: ["reviewer"] }, params: { id } });
    expect(r.status).toBe(404);
    expect(await db().userRole.count({ where: { userId: id } })).toBe(0);
  });

  it("answers 403 to a product owner, even holding a token with the admin scope", async () => {
    const owner = await callerWith(["product_owner"], ["read", "admin"]);
    const target = await makeUser(["reviewer"]);
    const before = await snapshot([target.id, owner.user.id], [owner.tokenId]);
    const roles = await call(putRoles, { method: "PUT", path: `/api/v1/users/${target.id}/roles`, token: owner.token, body: { roles: ["admin"] }, params: { id: target.id } });
    const teams = await call(putTeams, { method: "PUT", path: `/api/v1/users/${target.id}/teams`, token: owner.token, body: { teamIds: [] }, params: { id: target.id } });
    expect([roles.status, teams.status]).toEqual([403, 403]);
    expect(roles.body.type).toBe("https://coe-portal.local/problems/forbidden");
    expect(await snapshot([target.id, owner.user.id], [owner.tokenId])).toEqual(before);
  });

  it("answers 403 to an admin's token that lacks the admin scope", async () => {
    const admin = await callerWith(["admin"], ["read"]);
    const target = await makeUser(["reviewer"]);
    const before = await snapshot([target.id]);
    const r = await call(putRoles, { method: "PUT", path: `/api/v1/users/${target.id}/roles`, token: admin.token, body: { roles: ["approver"] }, params: { id: target.id } });
    expect(r.status).toBe(403);
    expect(r.body.detail).toMatch(/"admin" scope/);
    expect(await snapshot([target.id])).toEqual(before);
  });

  it("applies a valid change, so the refusals above are not the handler refusing everything", async () => {
    const admin = await callerWith(["admin"]);
    const target = await makeUser(["reviewer"]);
    const r = await call(putRoles, { method: "PUT", path: `/api/v1/users/${target.id}/roles`, token: admin.token, body: { roles: ["approver", "reviewer"] }, params: { id: target.id } });
    expect(r.status).toBe(200);
    expect((await snapshot([target.id])).roles.map((x) => x.role).sort()).toEqual(["approver", "reviewer"]);
    expect(await db().auditEvent.count({ where: { entityId: target.id, action: "user.roles_changed" } })).toBe(1);
  });
});

describe("PUT /api/v1/users/{id}/access (roles and teams in one change)", () => {
  it("refuses the whole change when one team does not exist: the roles stay as they were", async () => {
    const admin = await callerWith(["admin"]);
    const target = await makeUser(["reviewer"]);
    const team = await makeTeam();
    const before = await snapshot([target.id]);
    const ghost = "00000000-0000-4000-8000-000000000000";
    const r = await call(putAccess, { method: "PUT", path: `/api/v1/users/${target.id}/access`, token: admin.token, body: { roles: ["approver"], teamIds: [team.id, ghost] }, params: { id: target.id } });
    expect(r.status).toBe(422);
    expect(fieldPaths(r.body)).toEqual(["teamIds.1"]);
    expect(await snapshot([target.id])).toEqual(before);
  });

  it("applies roles and teams together with one audit event", async () => {
    const admin = await callerWith(["admin"]);
    const target = await makeUser(["reviewer"]);
    const team = await makeTeam();
    const r = await call(putAccess, { method: "PUT", path: `/api/v1/users/${target.id}/access`, token: admin.token, body: { roles: ["approver", "reviewer"], teamIds: [team.id] }, params: { id: target.id } });
    expect(r.status).toBe(200);
    const after = await snapshot([target.id]);
    expect(after.roles.map((x) => x.role).sort()).toEqual(["approver", "reviewer"]);
    expect(after.memberships.map((m) => m.teamId)).toEqual([team.id]);
    const events = await db().auditEvent.findMany({ where: { entityId: target.id }, select: { action: true } });
    expect(events.map((e) => e.action)).toEqual(["user.access_changed"]);
  });
});
