import "server-only";
import type { Tx } from "@/lib/db";
import { notFound } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/policy/actor";
import { requirePermission, teamFilter } from "@/lib/policy/require";

/** The Prisma where-clause of the use cases an actor may read (team scope goes into the query). */
export function visibleWhere(actor: Actor): Prisma.UseCaseWhereInput {
  const teams = teamFilter(actor, requirePermission(actor, "usecase.read"));
  return teams === null ? {} : { teamId: { in: teams } };
}

/** Team ids to restrict raw SQL to, or null for no restriction. */
export function visibleTeams(actor: Actor, permission: "usecase.read" | "portfolio.read" = "usecase.read"): string[] | null {
  return teamFilter(actor, requirePermission(actor, permission));
}

/**
 * Locks and loads a use case the actor may see, inside a transaction; one they may
 * not see answers 404 exactly like one that does not exist.
 */
export async function lockVisible(tx: Tx, actor: Actor, id: string) {
  const where = visibleWhere(actor);
  await tx.$executeRaw`SELECT 1 FROM use_cases WHERE id = ${id}::uuid FOR UPDATE`;
  const uc = await tx.useCase.findFirst({ where: { id, ...where } });
  if (!uc) throw notFound("The use case");
  return uc;
}

/** The newest published rubric, with its criteria in order; null before any is published. */
export async function currentRubric(tx: Tx) {
  return tx.rubric.findFirst({
    where: { publishedAt: { not: null } },
    orderBy: { version: "desc" },
    include: { criteria: { orderBy: { position: "asc" } } },
  });
}
