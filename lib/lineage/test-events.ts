import { randomUUID } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

// Test helpers over the shared OpenLineage events (../shared/specs beside the clone).

export const EVENTS_DIR = path.resolve(import.meta.dirname, "../../../shared/specs/openlineage/events");
export const VALID_DIRS = ["airflow-providers-openlineage-1.14.0", "openlineage-repo-examples", "spark-1.19.0-column-lineage", "spark-1.23.0-dataproc-bigquery", "spark-1.23.0-dataproc-hive"];

export function eventFiles(dir: string): string[] {
  return readdirSync(path.join(EVENTS_DIR, dir)).filter((f) => f.endsWith(".json")).sort();
}
export function readEvent(dir: string, file: string): unknown {
  return JSON.parse(readFileSync(path.join(EVENTS_DIR, dir, file), "utf8"));
}
export function allValidEvents(): unknown[] {
  return VALID_DIRS.flatMap((d) => eventFiles(d).map((f) => readEvent(d, f)));
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

/**
 * Makes shared events this test's own: every UUID replaced consistently by a fresh one and
 * every namespace prefixed with the salt, so tests never collide on run ids or datasets.
 * Returns the events and the map from new UUIDs back to the originals.
 */
export function uniquify(events: unknown[], salt: string): { events: unknown[]; back: Map<string, string> } {
  const fwd = new Map<string, string>();
  const back = new Map<string, string>();
  const text = JSON.stringify(events).replace(UUID, (u) => {
    const key = u.toLowerCase();
    if (!fwd.has(key)) { const n = randomUUID(); fwd.set(key, n); back.set(n, key); }
    return fwd.get(key)!;
  });
  const out = JSON.parse(text.replace(/"namespace":"/g, `"namespace":"${salt}.`)) as unknown[];
  return { events: out, back };
}
