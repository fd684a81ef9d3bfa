import { AppError } from "@/lib/errors";

// PostgreSQL cannot store U+0000 in text or jsonb ("invalid byte sequence" /
// "unsupported Unicode escape sequence"), so a NUL anywhere in the input would fail
// deep in a query as a 500. It is refused at the boundary instead, naming the field.

const unstorable = (s: string) => s.includes("\u0000") || !s.isWellFormed();

/**
 * The dotted path of the first string (or object key) PostgreSQL cannot store: one
 * holding U+0000, or a lone UTF-16 surrogate (which jsonb refuses as an invalid escape).
 */
export function nulPath(value: unknown, at = ""): string | null {
  if (typeof value === "string") return unstorable(value) ? at : null;
  if (value === null || typeof value !== "object") return null;
  for (const [k, v] of Array.isArray(value) ? value.entries() : Object.entries(value)) {
    const p = at === "" ? String(k) : `${at}.${k}`;
    if (typeof k === "string" && unstorable(k)) return p;
    const found = nulPath(v, p);
    if (found !== null) return found;
  }
  return null;
}

export function rejectNul(value: unknown, what: string): void {
  const at = nulPath(value);
  if (at === null) return;
  throw new AppError("validation", `${what} contains a NUL character (\\u0000) or a lone surrogate (invalid Unicode), which cannot be stored; remove it.`, {
    errors: [{ path: at, message: "Must not contain the NUL character (\\u0000) or invalid Unicode" }],
  });
}
