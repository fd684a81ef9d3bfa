import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/policy/actor";
import { requirePermission, teamFilter } from "@/lib/policy/require";

/** The teams the actor may file a use case for: their own, or all for an admin. */
export async function intakeTeams(actor: Actor): Promise<{ id: string; name: string }[]> {
  const teams = teamFilter(actor, requirePermission(actor, "usecase.create"));
  return db().team.findMany({ where: teams === null ? {} : { id: { in: teams } }, orderBy: { name: "asc" }, select: { id: true, name: true } });
}
