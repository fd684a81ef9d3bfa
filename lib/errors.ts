// The one error type of the portal. Services throw it; lib/http/problem.ts maps it
// to an HTTP status and an application/problem+json body in one place.
export type ErrorCode =
  | "validation"
  | "bad_request"
  | "not_found"
  | "forbidden"
  | "conflict"
  | "unauthenticated"
  | "payload_too_large"
  | "unavailable";

export interface FieldError {
  /** Dotted path of the offending field, e.g. "scores.impact". Empty for the whole body. */
  path: string;
  message: string;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly errors: FieldError[];
  /** Extra members for the problem body (e.g. allowed next states on a 409). */
  readonly extra: Record<string, unknown>;

  constructor(code: ErrorCode, message: string, opts: { errors?: FieldError[]; extra?: Record<string, unknown> } = {}) {
    super(message);
    this.name = "AppError";
    this.code = code;
    this.errors = opts.errors ?? [];
    this.extra = opts.extra ?? {};
  }
}

export const notFound = (what: string) => new AppError("not_found", `${what} was not found.`);
export const forbidden = (message = "You do not have permission to do this.") => new AppError("forbidden", message);
export const conflict = (message: string, extra?: Record<string, unknown>) => new AppError("conflict", message, { extra });
export const unauthenticated = (message = "Sign in or send a valid API token (Authorization: Bearer ...).") =>
  new AppError("unauthenticated", message);

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}
