import { randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/policy/actor";
import type { RoleName } from "@/lib/policy/permissions";
import type { RequestContext } from "@/lib/http/context";

// Every test makes its own rows with unique names, so tests never share mutable fixtures.
export const unique = (prefix = "t") => `${prefix}-${Date.now().toString(36)}-${randomBytes(3).toString("hex")}`;

export async function makeTeam(name = unique("team")) {
  return db().team.create({ data: { slug: name.toLowerCase().replace(/[^a-z0-9-]/g, "-").slice(0, 48), name } });
}

export async function makeUser(roles: RoleName[], teamIds: string[] = [], name = unique("user")) {
  return db().user.create({
    data: {
      email: `${name}@example.test`,
      name,
      roles: { create: roles.map((role) => ({ role })) },
      memberships: { create: teamIds.map((teamId) => ({ teamId })) },
    },
  });
}

export function actorOf(user: { id: string; email: string; name: string }, roles: RoleName[], teamIds: string[] = []): Actor {
  return { kind: "user", userId: user.id, email: user.email, name: user.name, roles, teamIds };
}

/** A signed-in actor with a fresh user behind it. */
export async function makeActor(roles: RoleName[], teamIds: string[] = []): Promise<Actor> {
  const u = await makeUser(roles, teamIds);
  return actorOf(u, roles, teamIds);
}

export function ctxOf(actor: Actor): RequestContext & { actor: Actor } {
  return { actor, requestId: unique("req") };
}
