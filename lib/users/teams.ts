import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { recordAudit } from "@/lib/audit/record";
import type { RequestContext } from "@/lib/http/context";
import type { Actor } from "@/lib/policy/actor";
import { requirePermission } from "@/lib/policy/require";
import type { CreateTeamInput, TeamView } from "@/lib/users/schemas";

export async function listTeams(actor: Actor): Promise<TeamView[]> {
  requirePermission(actor, "team.read");
  const teams = await db().team.findMany({ orderBy: { name: "asc" }, include: { _count: { select: { memberships: true } } } });
  return teams.map((t) => ({ id: t.id, slug: t.slug, name: t.name, description: t.description, memberCount: t._count.memberships }));
}

export async function createTeam(ctx: RequestContext & { actor: Actor }, input: CreateTeamInput): Promise<TeamView> {
  requirePermission(ctx.actor, "team.manage");
  return db().$transaction(async (tx) => {
    if (await tx.team.findUnique({ where: { slug: input.slug }, select: { id: true } }))
      throw new AppError("conflict", `A team with the slug "${input.slug}" already exists.`);
    const team = await tx.team.create({ data: input });
    await recordAudit(tx, ctx, { action: "team.created", entityType: "team", entityId: team.id, before: null, after: input });
    return { id: team.id, slug: team.slug, name: team.name, description: team.description, memberCount: 0 };
  });
}
