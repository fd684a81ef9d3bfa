import { createHash } from "node:crypto";

/** JSON with sorted keys, so a value hashes the same after a round trip through jsonb. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj).filter((k) => obj[k] !== undefined).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`).join(",")}}`;
}

export const GENESIS_HASH = "0".repeat(64);

export interface HashedFields {
  createdAt: string;
  actorType: string;
  actorId: string | null;
  actorLabel: string;
  action: string;
  entityType: string;
  entityId: string;
  diff: unknown;
  requestId: string | null;
}

/** hash = sha256(prevHash + canonical JSON of the event): each event seals the one before. */
export function eventHash(prevHash: string, fields: HashedFields): string {
  return createHash("sha256").update(prevHash).update(canonicalJson(fields)).digest("hex");
}
