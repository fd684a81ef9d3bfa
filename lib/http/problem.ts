import { z } from "zod";
import { AppError, type ErrorCode, type FieldError } from "@/lib/errors";

// Stable problem types: clients may switch on `type`, so never rename these.
const STATUS: Record<ErrorCode, { status: number; title: string }> = {
  validation: { status: 422, title: "Validation failed" },
  bad_request: { status: 400, title: "Bad request" },
  unauthenticated: { status: 401, title: "Authentication required" },
  forbidden: { status: 403, title: "Forbidden" },
  not_found: { status: 404, title: "Not found" },
  conflict: { status: 409, title: "Conflict" },
  payload_too_large: { status: 413, title: "Payload too large" },
  unavailable: { status: 503, title: "Service unavailable" },
};

export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    requestId: z.string().optional(),
    errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  })
  .meta({ id: "Problem" });
export type Problem = z.infer<typeof problemSchema>;

export function statusOf(code: ErrorCode): number {
  return STATUS[code].status;
}

export function problemBody(err: AppError, requestId?: string): Problem & Record<string, unknown> {
  const { status, title } = STATUS[err.code];
  return {
    type: `https://coe-portal.local/problems/${err.code.replace(/_/g, "-")}`,
    title,
    status,
    detail: err.message,
    ...(requestId ? { requestId } : {}),
    ...(err.errors.length ? { errors: err.errors } : {}),
    ...err.extra,
  };
}

export function problemResponse(err: AppError, requestId?: string, headers: Record<string, string> = {}): Response {
  const body = problemBody(err, requestId);
  return new Response(JSON.stringify(body), {
    status: body.status,
    headers: {
      "content-type": "application/problem+json",
      ...(requestId ? { "x-request-id": requestId } : {}),
      ...headers,
    },
  });
}

/** Turns zod issues into field errors a person can act on. */
export function zodFieldErrors(error: z.ZodError): FieldError[] {
  return error.issues.map((issue) => ({ path: issue.path.map(String).join("."), message: issue.message }));
}

export function validationError(error: z.ZodError, what = "The request"): AppError {
  const errors = zodFieldErrors(error);
  const fields = [...new Set(errors.map((e) => e.path || "(body)"))].join(", ");
  return new AppError("validation", `${what} has invalid fields: ${fields}.`, { errors });
}
