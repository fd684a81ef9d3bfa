import { z } from "zod";
import { AppError } from "@/lib/errors";

/** A keyset position: the sort key and the id that breaks ties. Opaque to clients. */
export interface Cursor {
  k: string | number;
  id: string;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

const cursorSchema = z.object({ k: z.union([z.string(), z.number()]), id: z.string() });

export function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify(c)).toString("base64url");
}

export function decodeCursor(s: string): Cursor {
  try {
    return cursorSchema.parse(JSON.parse(Buffer.from(s, "base64url").toString("utf8")));
  } catch {
    throw new AppError("validation", "The cursor is not valid; start again from the first page.", { errors: [{ path: "cursor", message: "Invalid cursor" }] });
  }
}

export function pageSchema<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}
