import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

// The data model of prisma/schema as Prisma itself reads it, offline: `prisma
// generate` runs its bundled WebAssembly schema parser (no engine download) and
// hands the DMMF to every generator. We add a tiny generator of our own, run only
// it (`--generator`), and let it write the DMMF's datamodel to a file.

export interface DmmfField {
  name: string;
  dbName?: string | null;
  kind: "scalar" | "enum" | "object" | "unsupported";
  type: string;
  isList: boolean;
  isRequired: boolean;
  nativeType?: [string, string[]] | null;
  relationFromFields?: string[];
  relationToFields?: string[];
  relationOnDelete?: string;
}
export interface DmmfModel {
  name: string;
  dbName: string | null;
  fields: DmmfField[];
  primaryKey: { name: string | null; fields: string[] } | null;
}
export interface DmmfIndex {
  model: string;
  type: "id" | "unique" | "normal" | "fulltext";
  dbName?: string | null;
  algorithm?: string;
  fields: { name: string; sortOrder?: "asc" | "desc" }[];
}
export interface Datamodel {
  models: DmmfModel[];
  enums: { name: string; dbName?: string | null; values: { name: string; dbName?: string | null }[] }[];
  indexes: DmmfIndex[];
}

const GENERATOR = `import readline from "node:readline";
import { writeFileSync } from "node:fs";
const respond = (msg) => process.stderr.write(JSON.stringify(msg) + "\\n");
readline.createInterface({ input: process.stdin }).on("line", (line) => {
  const req = JSON.parse(line);
  if (req.method === "getManifest") respond({ jsonrpc: "2.0", id: req.id, result: { manifest: { prettyName: "datamodel", requiresEngines: [] } } });
  if (req.method === "generate") {
    writeFileSync(req.params.generator.output.value, JSON.stringify(req.params.dmmf.datamodel));
    respond({ jsonrpc: "2.0", id: req.id, result: null });
  }
});
`;

/**
 * `Unsupported("tsvector")` fields are left out of the DMMF, but migrations create
 * their columns and indexes may use them: read them from the schema source.
 */
function unsupportedFields(schemaDir: string): (DmmfField & { model: string })[] {
  const found: (DmmfField & { model: string })[] = [];
  for (const file of readdirSync(schemaDir).filter((f) => f.endsWith(".prisma"))) {
    const source = readFileSync(path.join(schemaDir, file), "utf8");
    for (const block of source.matchAll(/^model\s+(\w+)\s*\{([\s\S]*?)^\}/gm)) {
      for (const line of block[2]!.split("\n")) {
        const m = /^\s*(\w+)\s+Unsupported\("([^"]+)"\)(\[\])?(\?)?(.*)$/.exec(line);
        if (!m) continue;
        const mapped = /@map\("([^"]+)"\)/.exec(m[5]!);
        found.push({ model: block[1]!, name: m[1]!, dbName: mapped?.[1] ?? null, kind: "unsupported", type: m[2]!, isList: !!m[3], isRequired: !m[4] });
      }
    }
  }
  return found;
}

/** Reads prisma/schema (or `schemaDir`) into Prisma's datamodel, with Unsupported fields added back. */
export function loadDatamodel(schemaDir = path.join(process.cwd(), "prisma", "schema")): Datamodel {
  const work = mkdtempSync(path.join(os.tmpdir(), "coe-datamodel-"));
  try {
    const schemaCopy = path.join(work, "schema");
    spawnSync("cp", ["-r", schemaDir, schemaCopy]);
    const out = path.join(work, "datamodel.json");
    writeFileSync(path.join(work, "generator.mjs"), GENERATOR);
    writeFileSync(path.join(schemaCopy, "zz-datamodel-generator.prisma"), `generator datamodel {\n  provider = "node ${path.join(work, "generator.mjs")}"\n  output   = "${out}"\n}\n`);
    const prisma = path.join(process.cwd(), "node_modules", ".bin", "prisma");
    const r = spawnSync(prisma, ["generate", "--schema", schemaCopy, "--generator", "datamodel"], {
      encoding: "utf8",
      env: { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: "/bin/true", PRISMA_HIDE_UPDATE_MESSAGE: "1" },
    });
    if (r.status !== 0) throw new Error(`prisma generate could not read the schema:\n${r.stdout}${r.stderr}`);
    const datamodel = JSON.parse(readFileSync(out, "utf8")) as Datamodel;
    for (const f of unsupportedFields(schemaDir)) {
      datamodel.models.find((m) => m.name === f.model)?.fields.push(f);
    }
    return datamodel;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
