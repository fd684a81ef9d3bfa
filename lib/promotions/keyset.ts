import { AppError } from "@/lib/errors";
import { decodeCursor, encodeCursor } from "@/lib/http/cursor";

// Keyset positions of this area's lists, checked before they reach SQL: a cursor edited by
// hand (a date that is not one, an id that is not a uuid) answers 422 naming the cursor,
// never a database error.

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function invalid(): AppError {
  return new AppError("validation", "The cursor is not valid; start again from the first page.", { errors: [{ path: "cursor", message: "Invalid cursor" }] });
}

/** A position in a list sorted by a timestamp, then id. */
export function timeAfter(cursor: string | undefined): { at: Date; id: string } | null {
  if (!cursor) return null;
  const c = decodeCursor(cursor);
  const at = new Date(String(c.k));
  if (typeof c.k !== "string" || Number.isNaN(at.getTime()) || !UUID.test(c.id)) throw invalid();
  return { at, id: c.id };
}

/** A position in a list sorted by a name, then id. */
export function nameAfter(cursor: string | undefined): { name: string; id: string } | null {
  if (!cursor) return null;
  const c = decodeCursor(cursor);
  if (typeof c.k !== "string" || !UUID.test(c.id)) throw invalid();
  return { name: c.k, id: c.id };
}

export const timeCursor = (at: Date, id: string) => encodeCursor({ k: at.toISOString(), id });
export const nameCursor = (name: string, id: string) => encodeCursor({ k: name, id });
