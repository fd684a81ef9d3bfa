import { z } from "zod";
import { ROLES } from "@/lib/policy/permissions";

export const roleSchema = z.enum(ROLES, { message: `must be one of: ${ROLES.join(", ")}` });

export const setRolesSchema = z.object({ roles: z.array(roleSchema).max(ROLES.length) }).strict().meta({ id: "SetRolesInput" });
export type SetRolesInput = z.infer<typeof setRolesSchema>;

export const setTeamsSchema = z.object({ teamIds: z.array(z.uuid()).max(50) }).strict().meta({ id: "SetTeamsInput" });
export type SetTeamsInput = z.infer<typeof setTeamsSchema>;

// Roles and teams together, so the admin dialog's one "Save" is one transaction and one audit event.
export const setAccessSchema = setRolesSchema.extend(setTeamsSchema.shape).strict().meta({ id: "SetAccessInput" });
export type SetAccessInput = z.infer<typeof setAccessSchema>;

export const createTeamSchema = z
  .object({
    slug: z.string().trim().regex(/^[a-z0-9][a-z0-9-]{1,48}$/, "Use 2-49 lowercase letters, digits and dashes"),
    name: z.string().trim().min(1).max(100),
    description: z.string().max(1000).default(""),
  })
  .strict()
  .meta({ id: "CreateTeamInput" });
export type CreateTeamInput = z.infer<typeof createTeamSchema>;

export const userSchema = z
  .object({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    active: z.boolean(),
    roles: z.array(roleSchema),
    teams: z.array(z.object({ id: z.string(), slug: z.string(), name: z.string() })),
  })
  .meta({ id: "User" });
export type UserView = z.infer<typeof userSchema>;

export const teamSchema = z
  .object({ id: z.string(), slug: z.string(), name: z.string(), description: z.string(), memberCount: z.number() })
  .meta({ id: "Team" });
export type TeamView = z.infer<typeof teamSchema>;

export const listUsersQuery = z.object({
  q: z.string().trim().max(100).optional(),
  cursor: z.string().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
