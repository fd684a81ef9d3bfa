import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { validateEvent } from "@/lib/lineage/validate";

const EVENTS = path.resolve(import.meta.dirname, "../../../shared/specs/openlineage/events");
const load = (dir: string, f: string) => JSON.parse(readFileSync(path.join(EVENTS, dir, f), "utf8"));
const files = (dir: string) => readdirSync(path.join(EVENTS, dir)).filter((f) => f.endsWith(".json"));

describe("OpenLineage validation", () => {
  for (const dir of ["airflow-providers-openlineage-1.14.0", "openlineage-repo-examples", "spark-1.19.0-column-lineage", "spark-1.23.0-dataproc-bigquery", "spark-1.23.0-dataproc-hive"]) {
    for (const f of files(dir)) it(`accepts the real event ${dir}/${f}`, () => expect(validateEvent(load(dir, f))).toEqual([]));
  }
  for (const f of files("invalid")) it(`refuses invalid/${f} with the path of the error`, () => {
    const errors = validateEvent(load("invalid", f));
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.every((e) => e.instancePath.startsWith("/") && e.schemaPath.includes(".json#/"))).toBe(true);
  });
  for (const f of files("templated")) it(`refuses templated/${f}`, () => {
    const body = load("templated", f);
    for (const e of Array.isArray(body) ? body : [body]) expect(validateEvent(e).length).toBeGreaterThan(0);
  });
});
