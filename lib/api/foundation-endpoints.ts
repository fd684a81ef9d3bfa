import { z } from "zod";
import { defineEndpoint } from "@/lib/http/endpoint";
import { pageSchema } from "@/lib/http/cursor";
import { auditEventSchema, listAuditQuery } from "@/lib/audit/list";
import { createdTokenSchema, createTokenSchema, idParams, listTokensQuery, tokenSchema } from "@/lib/tokens/schemas";
import { createTeamSchema, listUsersQuery, setAccessSchema, setRolesSchema, setTeamsSchema, teamSchema, userSchema } from "@/lib/users/schemas";

export const meEndpoint = defineEndpoint({
  method: "GET", path: "/api/v1/me", tag: "Identity", auth: "actor", permission: "me.read",
  summary: "The caller: user, roles, teams and, for a token, its scopes",
  response: userSchema.extend({ via: z.enum(["user", "token"]), scopes: z.array(z.string()).nullable() }),
});
export const listTokensEndpoint = defineEndpoint({
  method: "GET", path: "/api/v1/tokens", tag: "API tokens", auth: "actor", permission: "token.read",
  summary: "List API tokens (own; admins may list anyone's)", query: listTokensQuery, response: pageSchema(tokenSchema),
});
export const createTokenEndpoint = defineEndpoint({
  method: "POST", path: "/api/v1/tokens", tag: "API tokens", auth: "actor", permission: "token.manage",
  summary: "Create an API token; the secret is in this response only", body: createTokenSchema, response: createdTokenSchema, successStatus: 201,
});
export const revokeTokenEndpoint = defineEndpoint({
  method: "DELETE", path: "/api/v1/tokens/{id}", tag: "API tokens", auth: "actor", permission: "token.manage",
  summary: "Revoke an API token", params: idParams, response: tokenSchema,
});
export const listUsersEndpoint = defineEndpoint({
  method: "GET", path: "/api/v1/users", tag: "Identity", auth: "actor", permission: "user.read",
  summary: "List users with roles and teams", query: listUsersQuery, response: pageSchema(userSchema),
});
export const setRolesEndpoint = defineEndpoint({
  method: "PUT", path: "/api/v1/users/{id}/roles", tag: "Identity", auth: "actor", permission: "user.manage",
  summary: "Replace a user's roles", params: idParams, body: setRolesSchema, response: userSchema,
});
export const setTeamsEndpoint = defineEndpoint({
  method: "PUT", path: "/api/v1/users/{id}/teams", tag: "Identity", auth: "actor", permission: "user.manage",
  summary: "Replace a user's team memberships", params: idParams, body: setTeamsSchema, response: userSchema,
});
export const setAccessEndpoint = defineEndpoint({
  method: "PUT", path: "/api/v1/users/{id}/access", tag: "Identity", auth: "actor", permission: "user.manage",
  summary: "Replace a user's roles and team memberships in one change", params: idParams, body: setAccessSchema, response: userSchema,
});
export const listTeamsEndpoint = defineEndpoint({
  method: "GET", path: "/api/v1/teams", tag: "Identity", auth: "actor", permission: "team.read",
  summary: "List teams", response: z.object({ items: z.array(teamSchema) }),
});
export const createTeamEndpoint = defineEndpoint({
  method: "POST", path: "/api/v1/teams", tag: "Identity", auth: "actor", permission: "team.manage",
  summary: "Create a team", body: createTeamSchema, response: teamSchema, successStatus: 201,
});
export const listAuditEndpoint = defineEndpoint({
  method: "GET", path: "/api/v1/audit", tag: "Audit", auth: "actor", permission: "audit.read",
  summary: "Audit events, newest first, with filters", query: listAuditQuery, response: pageSchema(auditEventSchema),
});
export const healthEndpoint = defineEndpoint({
  method: "GET", path: "/api/health", tag: "Operations", auth: "public", summary: "The process is up",
  response: z.object({ status: z.literal("ok") }),
});
export const readyEndpoint = defineEndpoint({
  method: "GET", path: "/api/ready", tag: "Operations", auth: "public", summary: "The database is reachable and migrations are applied",
  response: z.object({ status: z.enum(["ready", "not_ready"]), pendingMigrations: z.array(z.string()) }),
});
export const openapiEndpoint = defineEndpoint({
  method: "GET", path: "/api/v1/openapi.json", tag: "Operations", auth: "public", summary: "This API's OpenAPI 3.1 document",
});
