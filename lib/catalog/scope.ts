import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/policy/actor";
import { requirePermission, teamFilter } from "@/lib/policy/require";

/**
 * The teams whose assets the actor may read: null means all. Team-scoped readers see
 * only their teams' assets; an unowned asset is visible to them too only if it has no
 * owner at all (assets first seen through lineage before anyone claimed them).
 */
export function readableTeams(actor: Actor): string[] | null {
  return teamFilter(actor, requirePermission(actor, "catalog.read"));
}

/** A Prisma `where` fragment for assets the actor may read. */
export function assetWhere(teams: string[] | null): Prisma.AssetWhereInput {
  return teams === null ? {} : { OR: [{ ownerTeamId: { in: teams } }, { ownerTeamId: null }] };
}

/** The same rule as SQL over an assets alias, for raw queries (lineage walks, search). */
export function assetVisibleSql(alias: string, teams: string[] | null): Prisma.Sql {
  if (teams === null) return Prisma.sql`TRUE`;
  const a = Prisma.raw(`"${alias}"`);
  if (teams.length === 0) return Prisma.sql`${a}.owner_team_id IS NULL`;
  return Prisma.sql`(${a}.owner_team_id IS NULL OR ${a}.owner_team_id = ANY(${teams}::uuid[]))`;
}
