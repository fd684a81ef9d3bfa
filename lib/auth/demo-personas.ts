import "server-only";
import { db } from "@/lib/db";
import type { RoleName } from "@/lib/policy/permissions";

export interface DemoPersona {
  email: string;
  name: string;
  roles: RoleName[];
  teams: string[];
}

/** Seeded users whose e-mail ends in @demo.local; only listed in demo mode. */
export async function listDemoPersonas(): Promise<DemoPersona[]> {
  const users = await db().user.findMany({
    where: { email: { endsWith: "@demo.local" }, active: true },
    orderBy: { email: "asc" },
    select: { email: true, name: true, roles: { select: { role: true } }, memberships: { select: { team: { select: { name: true } } } } },
  });
  return users.map((u) => ({ email: u.email, name: u.name, roles: u.roles.map((r) => r.role), teams: u.memberships.map((m) => m.team.name) }));
}
