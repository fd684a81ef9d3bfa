import "server-only";
import { db, preparedStatement, type Tx } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { recordAudit } from "@/lib/audit/record";
import type { RequestContext } from "@/lib/http/context";
import { decodeCursor, encodeCursor, type Page } from "@/lib/http/cursor";
import type { Actor } from "@/lib/policy/actor";
import { requirePermission } from "@/lib/policy/require";
import type { SetAccessInput, SetRolesInput, SetTeamsInput, UserView } from "@/lib/users/schemas";

const select = {
  id: true, email: true, name: true, active: true,
  roles: { select: { role: true }, orderBy: { role: "asc" } },
  memberships: { select: { team: { select: { id: true, slug: true, name: true } } } },
} as const;

type Row = { id: string; email: string; name: string; active: boolean; roles: { role: UserView["roles"][number] }[]; memberships: { team: { id: string; slug: string; name: string } }[] };

const view = (u: Row): UserView => ({
  id: u.id, email: u.email, name: u.name, active: u.active,
  roles: u.roles.map((r) => r.role),
  teams: u.memberships.map((m) => m.team).sort((a, b) => a.name.localeCompare(b.name)),
});

const TEAMS_BY_ID = preparedStatement("teams_by_id", "SELECT id::text, slug, name FROM teams WHERE id = ANY ($1::uuid[])");

/**
 * The caller as the request's actor shows them: that actor was read from the database at
 * the start of this request (lib/auth/load-actor: active, roles in the role enum's order,
 * teams), so only the teams' names are read here, in one statement.
 */
export async function getMe(actor: Actor): Promise<UserView & { via: Actor["kind"]; scopes: string[] | null }> {
  requirePermission(actor, "me.read");
  const teams = actor.teamIds.length
    ? await db().$queryRawUnsafe<UserView["teams"]>(TEAMS_BY_ID, actor.teamIds)
    : [];
  return {
    id: actor.userId, email: actor.email, name: actor.name, active: true, roles: actor.roles,
    teams: teams.sort((a, b) => a.name.localeCompare(b.name)),
    via: actor.kind, scopes: actor.kind === "token" ? (actor.scopes ?? []) : null,
  };
}

export async function listUsers(actor: Actor, q: { q?: string; cursor?: string; limit: number }): Promise<Page<UserView>> {
  requirePermission(actor, "user.read");
  const after = q.cursor ? decodeCursor(q.cursor) : null;
  const rows = await db().user.findMany({
    where: {
      ...(q.q ? { OR: [{ name: { contains: q.q, mode: "insensitive" } }, { email: { contains: q.q, mode: "insensitive" } }] } : {}),
      ...(after ? { OR: [{ name: { gt: String(after.k) } }, { name: String(after.k), id: { gt: after.id } }] } : {}),
    },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    take: q.limit + 1,
    select,
  });
  const items = rows.slice(0, q.limit).map(view);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > q.limit && last ? encodeCursor({ k: last.name, id: last.id }) : null };
}

async function loadUser(tx: Tx, id: string): Promise<Row> {
  const u = await tx.user.findUnique({ where: { id }, select });
  if (!u) throw notFound("The user");
  return u;
}

function assertKeepsOwnAdmin(ctx: RequestContext & { actor: Actor }, userId: string, roles: string[]): void {
  if (userId === ctx.actor.userId && !roles.includes("admin"))
    throw new AppError("conflict", "You cannot remove your own admin role; ask another admin to do it.");
}

async function replaceRoles(tx: Tx, userId: string, roles: SetRolesInput["roles"]): Promise<void> {
  await tx.userRole.deleteMany({ where: { userId, role: { notIn: roles } } });
  await tx.userRole.createMany({ data: roles.map((role) => ({ userId, role })), skipDuplicates: true });
}

async function replaceTeams(tx: Tx, userId: string, teamIds: string[]): Promise<void> {
  const found = await tx.team.findMany({ where: { id: { in: teamIds } }, select: { id: true } });
  const missing = teamIds.filter((id) => !found.some((t) => t.id === id));
  if (missing.length)
    throw new AppError("validation", "Some teams do not exist.", { errors: missing.map((id) => ({ path: `teamIds.${teamIds.indexOf(id)}`, message: `No team ${id}` })) });
  await tx.teamMembership.deleteMany({ where: { userId, teamId: { notIn: teamIds } } });
  await tx.teamMembership.createMany({ data: teamIds.map((teamId) => ({ userId, teamId })), skipDuplicates: true });
}

export async function setUserRoles(ctx: RequestContext & { actor: Actor }, userId: string, input: SetRolesInput): Promise<UserView> {
  requirePermission(ctx.actor, "user.manage");
  const roles = [...new Set(input.roles)].sort();
  assertKeepsOwnAdmin(ctx, userId, roles);
  return db().$transaction(async (tx) => {
    const before = view(await loadUser(tx, userId));
    await replaceRoles(tx, userId, roles);
    const after = view(await loadUser(tx, userId));
    await recordAudit(tx, ctx, { action: "user.roles_changed", entityType: "user", entityId: userId, before: { roles: before.roles }, after: { roles: after.roles } });
    return after;
  });
}

export async function setUserTeams(ctx: RequestContext & { actor: Actor }, userId: string, input: SetTeamsInput): Promise<UserView> {
  requirePermission(ctx.actor, "user.manage");
  const teamIds = [...new Set(input.teamIds)];
  return db().$transaction(async (tx) => {
    const before = view(await loadUser(tx, userId));
    await replaceTeams(tx, userId, teamIds);
    const after = view(await loadUser(tx, userId));
    await recordAudit(tx, ctx, { action: "user.teams_changed", entityType: "user", entityId: userId, before: { teams: before.teams.map((t) => t.slug) }, after: { teams: after.teams.map((t) => t.slug) } });
    return after;
  });
}

/** Roles and teams in one transaction: a bad team id leaves the roles untouched too. */
export async function setUserAccess(ctx: RequestContext & { actor: Actor }, userId: string, input: SetAccessInput): Promise<UserView> {
  requirePermission(ctx.actor, "user.manage");
  const roles = [...new Set(input.roles)].sort();
  const teamIds = [...new Set(input.teamIds)];
  assertKeepsOwnAdmin(ctx, userId, roles);
  return db().$transaction(async (tx) => {
    const before = view(await loadUser(tx, userId));
    await replaceRoles(tx, userId, roles);
    await replaceTeams(tx, userId, teamIds);
    const after = view(await loadUser(tx, userId));
    await recordAudit(tx, ctx, {
      action: "user.access_changed", entityType: "user", entityId: userId,
      before: { roles: before.roles, teams: before.teams.map((t) => t.slug) },
      after: { roles: after.roles, teams: after.teams.map((t) => t.slug) },
    });
    return after;
  });
}
