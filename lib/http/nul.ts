import { AppError } from "@/lib/errors";

// PostgreSQL cannot store U+0000 in text or jsonb ("invalid byte sequence" /
// "unsupported Unicode escape sequence"), so a NUL anywhere in the input would fail
// deep in a query as a 500. It is refused at the boundary instead, naming the field.

/** The dotted path of the first string (or object key) containing U+0000, or null. */
export function nulPath(value: unknown, at = ""): string | null {
  if (typeof value === "string") return value.includes("\u0000") ? at : null;
  if (value === null || typeof value !== "object") return null;
  for (const [k, v] of Array.isArray(value) ? value.entries() : Object.entries(value)) {
    const p = at === "" ? String(k) : `${at}.${k}`;
    if (typeof k === "string" && k.includes("\u0000")) return p;
    const found = nulPath(v, p);
    if (found !== null) return found;
  }
  return null;
}

export function rejectNul(value: unknown, what: string): void {
  const at = nulPath(value);
  if (at === null) return;
  throw new AppError("validation", `${what} contains a NUL character (\\u0000), which cannot be stored; remove it.`, {
    errors: [{ path: at, message: "Must not contain the NUL character (\\u0000)" }],
  });
}
