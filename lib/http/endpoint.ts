import type { z } from "zod";
import type { Permission } from "@/lib/policy/permissions";

/**
 * One API endpoint described once: the route handler validates with these schemas,
 * the OpenAPI document is generated from them, and the authorization matrix test
 * walks the list of them (lib/api/endpoints.ts).
 */
export interface Endpoint<
  B extends z.ZodType = z.ZodType,
  Q extends z.ZodType = z.ZodType,
  P extends z.ZodType = z.ZodType,
> {
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  /** OpenAPI-style path, e.g. /api/v1/tokens/{id}. */
  path: string;
  summary: string;
  tag: string;
  /** public: no sign-in; otherwise a session or a token is required. */
  auth: "public" | "actor";
  /** Checked by handle() before anything else (role and token scope); the service checks record scope. Required unless auth is "public". */
  permission?: Permission;
  body?: B;
  query?: Q;
  params?: P;
  response?: z.ZodType;
  successStatus?: number;
  /** Overrides the body size limit (bytes), e.g. for batch lineage import. */
  maxBodyBytes?: number;
}

export function defineEndpoint<B extends z.ZodType, Q extends z.ZodType, P extends z.ZodType>(e: Endpoint<B, Q, P>): Endpoint<B, Q, P> {
  return e;
}
