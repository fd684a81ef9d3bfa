import "server-only";
import type { z } from "zod";
import { AppError, isAppError, unauthenticated } from "@/lib/errors";
import { actorFromRequest } from "@/lib/auth/session-actor";
import { env } from "@/lib/env";
import { log } from "@/lib/log";
import type { Actor } from "@/lib/policy/actor";
import { requirePermission } from "@/lib/policy/require";
import type { Endpoint } from "@/lib/http/endpoint";
import type { RequestContext } from "@/lib/http/context";
import { problemResponse, validationError } from "@/lib/http/problem";
import { readJsonBody } from "@/lib/http/read-body";
import { requestIdOf } from "@/lib/http/request-id";
import { isDatabaseBusy, isDatabaseDown } from "@/lib/http/db-errors";
import { rejectNul } from "@/lib/http/nul";

type Infer<T> = NonNullable<T> extends z.ZodType ? z.infer<NonNullable<T>> : undefined;

export interface HandlerInput<E extends Endpoint> {
  req: Request;
  /** Public endpoints serve no portal identity (actor null); a machine caller's own credential is checked by `authenticate`. */
  ctx: RequestContext & { actor: E["auth"] extends "public" ? null : Actor };
  body: Infer<E["body"]>;
  query: Infer<E["query"]>;
  params: Infer<E["params"]>;
}

type RouteContext = { params: Promise<Record<string, string | string[]>> };

/** For machine callers that are not portal users, such as a webhook with a shared secret. */
export interface HandleOptions {
  /** Checks the caller's own credential from the request's headers, before the body is read; throws to refuse. */
  authenticate?: (req: Request) => void | Promise<void>;
  /**
   * Told of each request refused before the handler ran (credential, body, schema), so an
   * endpoint that must record every call (the lakeFS webhook) can audit those too. The handler
   * records its own decisions.
   */
  onRefusal?: (error: unknown, info: { req: Request; requestId: string }) => Promise<void>;
}

/**
 * Wraps a service call as a Next.js route handler: request id, actor, body size,
 * JSON and schema validation, and one mapping of errors to problem+json. Handlers
 * return a plain value (sent as JSON) or a Response.
 */
export function handle<E extends Endpoint>(endpoint: E, fn: (input: HandlerInput<E>) => Promise<unknown>, options: HandleOptions = {}) {
  return async (req: Request, route: RouteContext): Promise<Response> => {
    const requestId = requestIdOf(req);
    const started = performance.now();
    let actor: Actor | null = null;
    let response: Response;
    let inHandler = false;
    try {
      await options.authenticate?.(req);
      // Only endpoints for portal users look for one (a Bearer token or the session cookie).
      if (endpoint.auth === "actor") actor = await actorFromRequest(req);
      if (endpoint.auth === "actor" && !actor) throw unauthenticated();
      // The role-level check comes before input validation, so a caller who may not use
      // the endpoint at all learns 403, not details of its schema. Record-level scope
      // (team, owner) is checked again by the service with the record in hand.
      if (endpoint.permission && actor) requirePermission(actor, endpoint.permission);
      const params = parse(endpoint.params, await route.params, "The path");
      const query = parse(endpoint.query, Object.fromEntries(new URL(req.url).searchParams), "The query string");
      const body = endpoint.body ? parse(endpoint.body, await readJsonBody(req, endpoint.maxBodyBytes ?? env().MAX_BODY_BYTES), "The body") : undefined;
      inHandler = true;
      const result = await fn({ req, ctx: { actor: actor as Actor, requestId }, body, query, params } as HandlerInput<E>);
      response =
        result instanceof Response
          ? result
          : new Response(result === undefined ? null : JSON.stringify(result), {
              status: result === undefined ? 204 : (endpoint.successStatus ?? 200),
              headers: result === undefined ? {} : { "content-type": "application/json" },
            });
      response.headers.set("x-request-id", requestId);
    } catch (e) {
      response = errorResponse(e, requestId, endpoint);
      if (!inHandler && options.onRefusal) {
        // A failed record of the refusal must not turn the refusal into a 500; it is logged.
        await options.onRefusal(e, { req, requestId }).catch((err: unknown) => log.error({ requestId, err, path: endpoint.path }, "recording a refused request failed"));
      }
    }
    log.info({ requestId, method: req.method, path: endpoint.path, status: response.status, ms: Math.round(performance.now() - started), actor: actor?.userId, via: actor?.kind }, "request");
    return response;
  };
}

function parse(schema: z.ZodType | undefined, value: unknown, what: string): unknown {
  if (!schema) return undefined;
  rejectNul(value, what);
  const r = schema.safeParse(value);
  if (!r.success) throw validationError(r.error, what);
  return r.data;
}

export function errorResponse(e: unknown, requestId: string, endpoint?: Pick<Endpoint, "method" | "path">): Response {
  if (isAppError(e)) return problemResponse(e, requestId);
  if (isDatabaseDown(e)) {
    return problemResponse(new AppError("unavailable", "The database is unreachable; try again shortly."), requestId, { "retry-after": "5" });
  }
  if (isDatabaseBusy(e)) {
    log.warn({ requestId, method: endpoint?.method, path: endpoint?.path }, "no database connection free within the transaction's wait");
    return problemResponse(new AppError("unavailable", "The portal is too busy to take this change right now; nothing was saved. Try again in a moment."), requestId, { "retry-after": "2" });
  }
  log.error({ requestId, err: e, method: endpoint?.method, path: endpoint?.path }, "unhandled error");
  return new Response(
    JSON.stringify({ type: "https://coe-portal.local/problems/internal", title: "Internal error", status: 500, detail: `Something went wrong on our side; quote request id ${requestId} when reporting it.`, requestId }),
    { status: 500, headers: { "content-type": "application/problem+json", "x-request-id": requestId } },
  );
}
