// Regenerates the typed integration clients' types and the fakes' validation schemas from the
// published specs in ../shared/specs. Run: npm run gen:clients (commit the output).
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseYaml } from "@redocly/openapi-core";

const root = path.resolve(import.meta.dirname, "..");
const specs = path.resolve(root, "../shared/specs");

const TYPES = [
  ["lakefs/swagger.yml", "lib/integrations/lakefs/schema.d.ts"],
  ["airflow/airflow2-v1-openapi.yaml", "lib/integrations/airflow/schema-v1.d.ts"],
  ["airflow/airflow3-v2-openapi.yaml", "lib/integrations/airflow/schema-v2.d.ts"],
] as const;

// Schemas the fake servers validate requests (and tests validate the fakes' answers) against.
const SCHEMAS: Record<string, { spec: string; roots: string[] }> = {
  lakefs: {
    spec: "lakefs/swagger.yml",
    roots: ["Merge", "RevertCreation", "TagCreation", "BranchCreation", "ResetCreation", "CommitCreation", "Commit", "CommitList", "Ref", "RefList", "DiffList", "MergeResult", "RepositoryList", "Error"],
  },
  airflowV1: { spec: "airflow/airflow2-v1-openapi.yaml", roots: ["DAGRun", "Error"] },
  airflowV2: { spec: "airflow/airflow3-v2-openapi.yaml", roots: ["TriggerDAGRunPostBody", "DAGRunResponse", "HTTPExceptionResponse"] },
};

for (const [spec, out] of TYPES) {
  const bin = path.join(root, "node_modules/.bin/openapi-typescript");
  execFileSync(bin, [path.join(specs, spec), "-o", path.join(root, out), "--default-non-nullable", "false"], { stdio: "inherit" });
}

type Json = Record<string, unknown>;
const out: Record<string, { definitions: Json }> = {};
for (const [system, { spec, roots }] of Object.entries(SCHEMAS)) {
  const doc = parseYaml(readFileSync(path.join(specs, spec), "utf8")) as { components: { schemas: Record<string, Json> } };
  const all = doc.components.schemas;
  const definitions: Json = {};
  const visit = (name: string) => {
    if (definitions[name]) return;
    const schema = all[name];
    if (!schema) throw new Error(`${spec}: no schema ${name}`);
    const text = JSON.stringify(schema).replaceAll("#/components/schemas/", "#/definitions/");
    definitions[name] = JSON.parse(text);
    for (const m of text.matchAll(/#\/definitions\/([A-Za-z0-9_.-]+)/g)) visit(m[1]!);
  };
  roots.forEach(visit);
  out[system] = { definitions };
}
writeFileSync(path.join(root, "lib/integrations/testing/spec-schemas.json"), JSON.stringify(out, null, 1) + "\n");
console.log("wrote lib/integrations/testing/spec-schemas.json");
