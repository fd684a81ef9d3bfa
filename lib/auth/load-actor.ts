import "server-only";
import { db, preparedStatement } from "@/lib/db";
import type { Actor } from "@/lib/policy/actor";
import type { RoleName, TokenScope } from "@/lib/policy/permissions";
import { hashToken, looksLikeToken } from "@/lib/auth/tokens-crypto";
import { unauthenticated } from "@/lib/errors";

// Every authenticated request starts here, so the actor is read in ONE statement: the
// user with roles and teams as arrays (and, for a token, the token row joined in front).
// Prisma's nested select took three round trips plus its query compiler and result
// hydration, several times what the SQL itself costs. Nothing is cached: roles, teams,
// deactivation and revocation apply on the very next request, in every process.

interface UserRow { user_id: string; email: string; name: string; active: boolean; roles: RoleName[]; team_ids: string[] }
interface TokenRow extends UserRow { token_id: string; scopes: string[]; expires_at: Date | null; revoked_at: Date | null; last_used_at: Date | null }

const USER_COLUMNS = `u.id::text AS user_id, u.email, u.name, u.active,
  ARRAY(SELECT r.role::text FROM user_roles r WHERE r.user_id = u.id ORDER BY r.role) AS roles,
  ARRAY(SELECT m.team_id::text FROM team_memberships m WHERE m.user_id = u.id ORDER BY m.team_id) AS team_ids`;

const actorOf = (u: UserRow) => ({ userId: u.user_id, email: u.email, name: u.name, roles: u.roles, teamIds: u.team_ids });

/** Roles and teams are read on every request, so a change by an admin applies at once. */
const USER_LOOKUP = preparedStatement("actor_of_user", `SELECT ${USER_COLUMNS} FROM users u WHERE u.id = $1::uuid`);

export async function loadUserActor(userId: string): Promise<Actor | null> {
  const [user] = await db().$queryRawUnsafe<UserRow[]>(USER_LOOKUP, userId);
  if (!user || !user.active) return null;
  return { kind: "user", ...actorOf(user) };
}

// last_used_at is a hint, not an audit record: write it at most once a minute per token
// so a pipeline sending thousands of requests does not turn every read into a write.
const LAST_USED_RESOLUTION_MS = 60_000;

const TOKEN_LOOKUP = preparedStatement("actor_of_token", `SELECT t.id::text AS token_id, t.scopes, t.expires_at, t.revoked_at, t.last_used_at, ${USER_COLUMNS}
  FROM api_tokens t JOIN users u ON u.id = t.user_id WHERE t.hash = $1`);

export async function loadTokenActor(token: string): Promise<Actor> {
  if (!looksLikeToken(token)) throw unauthenticated("The API token is malformed. Tokens look like coe_xxxxxxxx_...; create one on the API tokens page.");
  const [row] = await db().$queryRawUnsafe<TokenRow[]>(TOKEN_LOOKUP, hashToken(token));
  if (!row) throw unauthenticated("The API token is not recognised.");
  if (row.revoked_at) throw unauthenticated("The API token was revoked.");
  const now = Date.now();
  if (row.expires_at && row.expires_at.getTime() <= now) throw unauthenticated("The API token has expired; create a new one.");
  if (!row.active) throw unauthenticated("The API token's owner is deactivated.");
  if (!row.last_used_at || now - row.last_used_at.getTime() > LAST_USED_RESOLUTION_MS) {
    await db().apiToken.update({ where: { id: row.token_id }, data: { lastUsedAt: new Date(now) } });
  }
  return { kind: "token", tokenId: row.token_id, scopes: row.scopes as TokenScope[], ...actorOf(row) };
}
