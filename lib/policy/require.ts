import { AppError, forbidden } from "@/lib/errors";
import type { Actor } from "@/lib/policy/actor";
import { PERMISSIONS, scopeFor, type Permission, type Scope } from "@/lib/policy/permissions";

/** What a record exposes to the policy: its team and its creator, when it has them. */
export interface Resource {
  teamId?: string | null;
  ownerId?: string | null;
}

/**
 * Every server entry point calls this. Returns the scope the actor holds so list
 * queries can narrow their WHERE; throws 403 when the role or the token scope is missing,
 * or when a given resource is outside that scope.
 */
export function requirePermission(actor: Actor, permission: Permission, resource?: Resource): Scope {
  const def = PERMISSIONS[permission];
  if (actor.kind === "token" && !actor.scopes?.includes(def.tokenScope)) {
    throw new AppError("forbidden", `This API token lacks the "${def.tokenScope}" scope needed to ${def.description.toLowerCase()}.`);
  }
  const scope = scopeFor(actor.roles, permission);
  if (!scope) throw forbidden(`Your roles do not allow you to ${def.description.toLowerCase()}.`);
  if (resource && !inScope(actor, scope, resource)) throw forbidden(`You may only ${def.description.toLowerCase()} within your ${scope === "own" ? "own records" : "teams"}.`);
  return scope;
}

export function can(actor: Actor, permission: Permission, resource?: Resource): boolean {
  try {
    requirePermission(actor, permission, resource);
    return true;
  } catch {
    return false;
  }
}

export function inScope(actor: Actor, scope: Scope, resource: Resource): boolean {
  if (scope === "all") return true;
  if (scope === "team") return !!resource.teamId && actor.teamIds.includes(resource.teamId);
  return resource.ownerId === actor.userId;
}

/**
 * The team filter for a list query: null means no restriction; otherwise the team ids
 * (possibly empty: then nothing matches). Use inside Prisma's `where`, never after loading.
 */
export function teamFilter(actor: Actor, scope: Scope): string[] | null {
  return scope === "all" ? null : actor.teamIds;
}
