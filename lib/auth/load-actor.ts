import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/policy/actor";
import type { TokenScope } from "@/lib/policy/permissions";
import { hashToken, looksLikeToken } from "@/lib/auth/tokens-crypto";
import { unauthenticated } from "@/lib/errors";

const userSelect = {
  id: true,
  email: true,
  name: true,
  active: true,
  roles: { select: { role: true } },
  memberships: { select: { teamId: true } },
} as const;

/** Roles and teams are read on every request, so a change by an admin applies at once. */
export async function loadUserActor(userId: string): Promise<Actor | null> {
  const user = await db().user.findUnique({ where: { id: userId }, select: userSelect });
  if (!user || !user.active) return null;
  return {
    kind: "user",
    userId: user.id,
    email: user.email,
    name: user.name,
    roles: user.roles.map((r) => r.role),
    teamIds: user.memberships.map((m) => m.teamId),
  };
}

// last_used_at is a hint, not an audit record: write it at most once a minute per token
// so a pipeline sending thousands of requests does not turn every read into a write.
const LAST_USED_RESOLUTION_MS = 60_000;

export async function loadTokenActor(token: string): Promise<Actor> {
  if (!looksLikeToken(token)) throw unauthenticated("The API token is malformed. Tokens look like coe_xxxxxxxx_...; create one on the API tokens page.");
  const row = await db().apiToken.findUnique({
    where: { hash: hashToken(token) },
    select: { id: true, scopes: true, expiresAt: true, revokedAt: true, lastUsedAt: true, user: { select: userSelect } },
  });
  if (!row) throw unauthenticated("The API token is not recognised.");
  if (row.revokedAt) throw unauthenticated("The API token was revoked.");
  const now = Date.now();
  if (row.expiresAt && row.expiresAt.getTime() <= now) throw unauthenticated("The API token has expired; create a new one.");
  if (!row.user.active) throw unauthenticated("The API token's owner is deactivated.");
  if (!row.lastUsedAt || now - row.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
    await db().apiToken.update({ where: { id: row.id }, data: { lastUsedAt: new Date(now) } });
  }
  return {
    kind: "token",
    tokenId: row.id,
    scopes: row.scopes as TokenScope[],
    userId: row.user.id,
    email: row.user.email,
    name: row.user.name,
    roles: row.user.roles.map((r) => r.role),
    teamIds: row.user.memberships.map((m) => m.teamId),
  };
}
