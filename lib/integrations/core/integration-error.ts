import { AppError, type ErrorCode } from "@/lib/errors";

export type IntegrationSystem = "lakefs" | "mlflow" | "airflow";

export const SYSTEM_LABEL: Record<IntegrationSystem, string> = {
  lakefs: "lakeFS",
  mlflow: "MLflow",
  airflow: "Airflow",
};

/** What went wrong, in terms a caller can branch on without reading status codes. */
export type IntegrationErrorKind =
  | "unauthorized"
  | "forbidden"
  | "not_found"
  | "bad_request"
  | "conflict"
  | "precondition_failed"
  | "rate_limited"
  | "server_error"
  | "timeout"
  | "unreachable"
  | "invalid_response";

export interface IntegrationErrorInit {
  system: IntegrationSystem;
  operation: string;
  kind: IntegrationErrorKind;
  status?: number;
  /** The outside system's own explanation, when it gave one. */
  detail?: string;
  attempts?: number;
  message: string;
}

/** Every failure of an outside system, with the system, operation and an actionable message. */
export class IntegrationError extends Error {
  readonly system: IntegrationSystem;
  readonly operation: string;
  readonly kind: IntegrationErrorKind;
  readonly status: number | undefined;
  readonly detail: string | undefined;
  readonly attempts: number;

  constructor(init: IntegrationErrorInit) {
    super(init.message);
    this.name = "IntegrationError";
    this.system = init.system;
    this.operation = init.operation;
    this.kind = init.kind;
    this.status = init.status;
    this.detail = init.detail;
    this.attempts = init.attempts ?? 1;
  }

  /** Transient failures: worth trying again later (a queue retry), unlike 4xx answers. */
  get transient(): boolean {
    return this.kind === "server_error" || this.kind === "timeout" || this.kind === "unreachable" || this.kind === "rate_limited";
  }

  /** The portal's own error for an API answer: the outside system's trouble is ours to report as 503/409/404. */
  toAppError(): AppError {
    const code: ErrorCode =
      this.kind === "not_found"
        ? "not_found"
        : this.kind === "conflict" || this.kind === "precondition_failed"
          ? "conflict"
          : this.kind === "bad_request"
            ? "bad_request"
            : "unavailable";
    return new AppError(code, this.message, { extra: { system: this.system, operation: this.operation, kind: this.kind } });
  }
}

export function isIntegrationError(e: unknown): e is IntegrationError {
  return e instanceof IntegrationError;
}

export function kindOfStatus(status: number): IntegrationErrorKind {
  if (status === 401) return "unauthorized";
  if (status === 403) return "forbidden";
  if (status === 404) return "not_found";
  if (status === 409) return "conflict";
  if (status === 412) return "precondition_failed";
  if (status === 429) return "rate_limited";
  if (status >= 500) return "server_error";
  return "bad_request";
}

interface MessageFacts {
  system: IntegrationSystem;
  operation: string;
  kind: IntegrationErrorKind;
  status?: number;
  detail?: string;
  resource?: string;
  endpoint: string;
  attempts: number;
  timeoutMs?: number;
}

/** One sentence a person can act on: what failed, where, and what to check. */
export function describeFailure(f: MessageFacts): string {
  const sys = SYSTEM_LABEL[f.system];
  const op = `"${f.operation}"`;
  const said = f.detail ? ` ${sys} said: ${f.detail}` : "";
  const tries = f.attempts > 1 ? ` after ${f.attempts} attempts` : "";
  switch (f.kind) {
    case "unauthorized":
      return `${sys} rejected the credentials (401) on ${op}: check the credentials configured for ${f.endpoint}.${said}`;
    case "forbidden":
      return `${sys} refused ${op} (403): the configured credentials lack the permission it needs.${said}`;
    case "not_found":
      return `${sys} has no ${f.resource ?? "such resource"} (404 on ${op}).${said}`;
    case "conflict":
      return `${sys} refused ${op} with a conflict (409)${f.resource ? ` on ${f.resource}` : ""}.${said}`;
    case "precondition_failed":
      return `${sys} refused ${op}: a precondition failed (412)${f.resource ? ` on ${f.resource}` : ""}.${said}`;
    case "rate_limited":
      return `${sys} is rate limiting the portal (429 on ${op}); try again later.${said}`;
    case "bad_request":
      return `${sys} rejected the request ${op} (${f.status ?? "4xx"}).${said}`;
    case "server_error":
      return `${sys} failed on ${op} with ${f.status ?? "a server error"}${tries}; the system may be down or overloaded.${said}`;
    case "timeout":
      return `${sys} did not answer ${op} within ${f.timeoutMs ?? "the allowed"} ms${tries}: check that ${f.endpoint} is healthy.`;
    case "unreachable":
      return `${sys} is unreachable at ${f.endpoint} (${f.detail ?? "connection failed"})${tries}: check the endpoint URL and that the server is running.`;
    case "invalid_response":
      return `${sys} answered ${op} with a body the portal cannot read (${f.detail ?? "unexpected shape"}).`;
  }
}
