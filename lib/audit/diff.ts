type Plain = Record<string, unknown>;

/** JSON-safe copy: Dates become ISO strings, BigInts strings, undefined is dropped. */
export function toJsonSafe(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value ?? null, (_k, v: unknown) => (typeof v === "bigint" ? v.toString() : v)));
}

/**
 * The before/after difference of a change: only the fields that changed, so the
 * audit page shows what happened, not two whole records.
 */
export function diffOf(before: Plain | null | undefined, after: Plain | null | undefined): { before: Plain | null; after: Plain | null } {
  const b = (toJsonSafe(before) as Plain | null) ?? null;
  const a = (toJsonSafe(after) as Plain | null) ?? null;
  if (!b || !a) return { before: b, after: a };
  const changedBefore: Plain = {};
  const changedAfter: Plain = {};
  for (const key of new Set([...Object.keys(b), ...Object.keys(a)])) {
    if (JSON.stringify(b[key]) !== JSON.stringify(a[key])) {
      changedBefore[key] = b[key] ?? null;
      changedAfter[key] = a[key] ?? null;
    }
  }
  return { before: changedBefore, after: changedAfter };
}
