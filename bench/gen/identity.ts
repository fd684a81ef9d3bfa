import type pg from "pg";
import { generateToken } from "@/lib/auth/tokens-crypto";
import { insertRows } from "../lib/insert";
import { rng, seededUuid } from "../lib/rng";
import type { Scale } from "../lib/scale";

// Teams, users with roles and memberships, and the API tokens the scenarios
// authenticate with: an admin (sees everything) and a product owner (team-scoped,
// so the team filter is measured too).

export interface Identity {
  teamIds: string[];
  userIds: string[];
  admin: { userId: string; email: string; token: string };
  owner: { userId: string; email: string; token: string; teamIds: string[] };
  approver: { userId: string; token: string };
}

const ROLES = ["product_owner", "reviewer", "approver", "executive", "admin"] as const;
const ALL_SCOPES = ["read", "use-cases:write", "catalog:write", "lineage:write", "promotions:write", "admin"];

export async function loadIdentity(client: pg.ClientBase, scale: Scale, seed: number): Promise<Identity> {
  const r = rng(seed, "identity");
  const teamIds = Array.from({ length: scale.teams }, (_, i) => seededUuid(seed, `team:${i}`));
  await insertRows(client, "teams", [{ name: "id", type: "uuid[]" }, { name: "slug", type: "text[]" }, { name: "name", type: "text[]" }],
    teamIds.map((id, i) => [id, `bench-team-${i}`, `Bench team ${i}`]));

  const userIds = Array.from({ length: scale.users }, (_, i) => seededUuid(seed, `user:${i}`));
  await insertRows(client, "users", [{ name: "id", type: "uuid[]" }, { name: "email", type: "text[]" }, { name: "name", type: "text[]" }, { name: "updated_at", type: "timestamptz[]" }],
    userIds.map((id, i) => [id, `bench.user${i}@bench.local`, `Bench User ${i}`, new Date()]));
  const roles: unknown[][] = [];
  const members: unknown[][] = [];
  userIds.forEach((id, i) => {
    roles.push([id, i === 0 ? "admin" : i === 1 ? "product_owner" : i === 2 ? "approver" : ROLES[r.int(0, ROLES.length)]]);
    const teams = i === 1 ? teamIds.slice(0, 2) : r.sample(teamIds, r.int(1, 3));
    for (const t of teams) members.push([id, t]);
  });
  await insertRows(client, "user_roles", [{ name: "user_id", type: "uuid[]" }, { name: "role", type: "text[]", cast: '"Role"' }], roles);
  await insertRows(client, "team_memberships", [{ name: "user_id", type: "uuid[]" }, { name: "team_id", type: "uuid[]" }], members);

  const admin = { userId: userIds[0]!, email: "bench.user0@bench.local", token: await insertToken(client, userIds[0]!, "bench admin") };
  const owner = { userId: userIds[1]!, email: "bench.user1@bench.local", token: await insertToken(client, userIds[1]!, "bench owner"), teamIds: teamIds.slice(0, 2) };
  const approver = { userId: userIds[2]!, token: await insertToken(client, userIds[2]!, "bench approver") };
  return { teamIds, userIds, admin, owner, approver };
}

/** A token row written directly: the bench database is its own, and the secret is needed in clear. */
async function insertToken(client: pg.ClientBase, userId: string, name: string): Promise<string> {
  const { token, prefix, hash } = generateToken();
  await client.query(
    `INSERT INTO api_tokens (id, name, prefix, hash, scopes, user_id, created_by_id) VALUES (gen_random_uuid(), $1, $2, $3, $4, $5, $5)`,
    [name, prefix, hash, ALL_SCOPES, userId],
  );
  return token;
}
