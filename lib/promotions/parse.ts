import type { z } from "zod";
import { validationError } from "@/lib/http/problem";

/** Parses a service input with its schema; a bad one is a 422 naming each field, never a 500. */
export function parseInput<T extends z.ZodType>(schema: T, raw: unknown): z.infer<T> {
  const r = schema.safeParse(raw);
  if (!r.success) throw validationError(r.error);
  return r.data;
}
