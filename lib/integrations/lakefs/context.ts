import createClient, { type Client } from "openapi-fetch";
import type { RetryPolicy } from "../core/backoff";
import type { CallRecorder } from "../core/call-record";
import { IntegrationHttp } from "../core/http-client";
import { IntegrationError, describeFailure } from "../core/integration-error";
import type { paths } from "./schema";
import type { LakefsConfig } from "./types";

export interface ClientOptions {
  timeoutMs?: number;
  retry?: Partial<RetryPolicy>;
  onCall?: CallRecorder;
  random?: () => number;
  signal?: AbortSignal;
}

export interface LakefsContext {
  http: IntegrationHttp;
  api: Client<paths>;
}

export function lakefsContext(config: LakefsConfig, options: ClientOptions = {}): LakefsContext {
  const baseUrl = config.endpoint.replace(/\/+$/, "") + (config.apiPath ?? "/api/v1");
  const basic = Buffer.from(`${config.accessKeyId}:${config.secretAccessKey}`).toString("base64");
  const http = new IntegrationHttp({ system: "lakefs", baseUrl, authHeaders: () => ({ authorization: `Basic ${basic}` }), ...options });
  return { http, api: createClient<paths>({ baseUrl: http.baseUrl }) };
}

/** The body of a 2xx answer; a missing one is a broken server, not a success. */
export function body<T>(op: string, result: { data?: T }): T {
  if (result.data === undefined || result.data === null || typeof result.data !== "object") {
    throw new IntegrationError({
      system: "lakefs",
      operation: op,
      kind: "invalid_response",
      message: describeFailure({ system: "lakefs", operation: op, kind: "invalid_response", detail: "empty or non-object body", endpoint: "", attempts: 1 }),
    });
  }
  return result.data;
}

/** Asserts the fields the portal relies on, so a malformed answer fails loudly instead of storing undefined. */
export function requireFields<T extends object>(op: string, value: T, fields: (keyof T)[]): T {
  const missing = fields.filter((f) => value[f] === undefined || value[f] === null);
  if (missing.length === 0) return value;
  throw new IntegrationError({
    system: "lakefs",
    operation: op,
    kind: "invalid_response",
    message: describeFailure({ system: "lakefs", operation: op, kind: "invalid_response", detail: `missing ${missing.join(", ")}`, endpoint: "", attempts: 1 }),
  });
}
