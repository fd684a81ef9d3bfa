import { randomUUID } from "node:crypto";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { encode } from "next-auth/jwt";
import pg from "pg";
import { generateToken } from "@/lib/auth/tokens-crypto";
import { PERMISSIONS, ROLES, TOKEN_SCOPES, type Permission, type RoleName, type TokenScope } from "@/lib/policy/permissions";
import { e2eDatabaseUrl } from "../support/app-env";
import { NEXTAUTH_SECRET } from "../support/ports";
import { routesOnDisk } from "./route-inventory";

// Every API route × every kind of caller, generated from the API's own OpenAPI
// document (itself generated from lib/api/endpoints.ts) and checked against the
// route files on disk: a route without a registered endpoint and policy fails here.

interface Operation {
  method: string;
  path: string;
  permission?: Permission;
  isPublic: boolean;
}

const ALL_SCOPES = Object.keys(TOKEN_SCOPES) as TokenScope[];

async function operations(request: APIRequestContext): Promise<Operation[]> {
  const res = await request.get("/api/v1/openapi.json");
  expect(res.status()).toBe(200);
  const doc = (await res.json()) as { paths: Record<string, Record<string, { security?: unknown[]; "x-permission"?: Permission }>> };
  return Object.entries(doc.paths).flatMap(([p, ops]) =>
    Object.entries(ops).map(([method, op]) => ({ method: method.toUpperCase(), path: p, permission: op["x-permission"], isPublic: (op.security ?? []).length === 0 })),
  );
}

/** Fills path parameters with ids that exist nowhere: an allowed caller gets 404/422, never 401/403. */
const concrete = (p: string) => p.replace(/\{[^}]+\}/g, () => randomUUID());

async function call(request: APIRequestContext, op: Operation, headers: Record<string, string>): Promise<number> {
  const res = await request.fetch(concrete(op.path), {
    method: op.method,
    headers: { ...headers, ...(op.method === "GET" || op.method === "DELETE" ? {} : { "content-type": "application/json" }) },
    data: op.method === "GET" || op.method === "DELETE" ? undefined : {},
    maxRedirects: 0,
  });
  return res.status();
}

interface Caller {
  userId: string;
  token: string;
}

const db = new pg.Client({ connectionString: e2eDatabaseUrl() });
const byRole = new Map<RoleName, Caller>();
let revoked: string;
let expired: string;
let admin: Caller;
const suffix = randomUUID().slice(0, 8);

async function makeCaller(role: RoleName, scopes: TokenScope[], opts: { revoked?: boolean; expired?: boolean } = {}): Promise<Caller> {
  const email = `authz-${role}-${randomUUID().slice(0, 8)}-${suffix}@example.test`;
  const { rows } = await db.query<{ id: string }>(`INSERT INTO users (email, name, updated_at) VALUES ($1, $1, now()) RETURNING id`, [email]);
  const userId = rows[0]!.id;
  await db.query(`INSERT INTO user_roles (user_id, role) VALUES ($1, $2)`, [userId, role]);
  const t = generateToken();
  await db.query(
    `INSERT INTO api_tokens (name, prefix, hash, scopes, user_id, created_by_id, revoked_at, expires_at) VALUES ('authz', $1, $2, $3, $4, $4, $5, $6)`,
    [t.prefix, t.hash, scopes, userId, opts.revoked ? new Date() : null, opts.expired ? new Date(Date.now() - 60_000) : null],
  );
  return { userId, token: t.token };
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const sessionCookie = async (userId: string, maxAge: number) =>
  `next-auth.session-token=${await encode({ token: { sub: userId, uid: userId }, secret: NEXTAUTH_SECRET, maxAge })}`;

test.beforeAll(async () => {
  await db.connect();
  for (const role of ROLES) byRole.set(role, await makeCaller(role, ALL_SCOPES));
  admin = byRole.get("admin")!;
  revoked = (await makeCaller("admin", ALL_SCOPES, { revoked: true })).token;
  expired = (await makeCaller("admin", ALL_SCOPES, { expired: true })).token;
});
test.afterAll(async () => {
  await db.end();
});

test("every API route on disk is registered with a policy in the OpenAPI document", async ({ request }) => {
  const ops = await operations(request);
  const documented = new Set(ops.map((o) => `${o.method} ${o.path}`));
  const unregistered = routesOnDisk().filter((r) => !documented.has(`${r.method} ${r.path}`));
  expect(unregistered, "route files missing from lib/api/endpoints.ts").toEqual([]);
  const withoutPolicy = ops.filter((o) => !o.isPublic && !o.permission).map((o) => `${o.method} ${o.path}`);
  expect(withoutPolicy, "protected endpoints without a permission").toEqual([]);
});

test("callers without valid credentials get 401 on every protected route", async ({ request }) => {
  const expiredSession = await sessionCookie(admin.userId, -60);
  const validSession = await sessionCookie(admin.userId, 3600);
  for (const op of (await operations(request)).filter((o) => !o.isPublic)) {
    const label = `${op.method} ${op.path}`;
    expect(await call(request, op, {}), `${label} with no credentials`).toBe(401);
    expect(await call(request, op, bearer(revoked)), `${label} with a revoked token`).toBe(401);
    expect(await call(request, op, bearer(expired)), `${label} with an expired token`).toBe(401);
    expect(await call(request, op, bearer("coe_abcdefgh_" + "x".repeat(43))), `${label} with an unknown token`).toBe(401);
    expect(await call(request, op, { cookie: expiredSession }), `${label} with an expired session`).toBe(401);
    // The same session, not expired, passes authentication: the 401s above are about expiry.
    expect(await call(request, op, { cookie: validSession }), `${label} with a live admin session`).not.toBe(401);
  }
});

test("each role gets exactly what the permission table grants, on every protected route", async ({ request }) => {
  for (const op of (await operations(request)).filter((o) => !o.isPublic && o.permission)) {
    const grants: Partial<Record<RoleName, string>> = PERMISSIONS[op.permission!].grants;
    for (const role of ROLES) {
      const status = await call(request, op, bearer(byRole.get(role)!.token));
      const label = `${role} → ${op.method} ${op.path} (${op.permission})`;
      if (grants[role]) expect([401, 403], label).not.toContain(status);
      else expect(status, label).toBe(403);
    }
  }
});

test("a token without the scope a route needs gets 403, even when its owner's role allows it", async ({ request }) => {
  for (const op of (await operations(request)).filter((o) => !o.isPublic && o.permission)) {
    const def = PERMISSIONS[op.permission!];
    const role = ROLES.find((r) => (def.grants as Partial<Record<RoleName, string>>)[r])!;
    const narrow = await makeCaller(role, ALL_SCOPES.filter((s) => s !== def.tokenScope));
    expect(await call(request, op, bearer(narrow.token)), `${op.method} ${op.path} without scope ${def.tokenScope}`).toBe(403);
  }
});
