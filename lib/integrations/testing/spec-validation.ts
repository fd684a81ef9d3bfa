import Ajv, { type ValidateFunction } from "ajv";
import addFormats from "ajv-formats";
import schemas from "./spec-schemas.json" with { type: "json" };

// Request and response schemas extracted from the published specs by `npm run gen:clients`.
export type SpecSystem = keyof typeof schemas;

let ajv: Ajv | undefined;
const cache = new Map<string, ValidateFunction>();

function instance(): Ajv {
  if (ajv) return ajv;
  // OpenAPI 3.0 schemas: `nullable` is understood by Ajv; `example`, `readOnly` and friends are ignored.
  ajv = new Ajv({ strict: false, allErrors: true, logger: false });
  addFormats(ajv);
  for (const f of ["int32", "int64", "float", "double", "binary", "byte"]) ajv.addFormat(f, true);
  for (const [system, doc] of Object.entries(schemas)) ajv.addSchema({ $id: system, ...(nullableRefs(doc) as object) });
  return ajv;
}

/** Problems of `value` against schema `name` of `system`'s spec, as "path: message" lines; empty when valid. */
export function specProblems(system: SpecSystem, name: string, value: unknown): string[] {
  const key = `${system}#${name}`;
  let validate = cache.get(key);
  if (!validate) {
    validate = instance().compile({ $ref: `${system}#/definitions/${name}` });
    cache.set(key, validate);
  }
  if (validate(value)) return [];
  return (validate.errors ?? []).map((e) => `${e.instancePath || "body"}: ${e.message ?? "is invalid"}`);
}

export const validatorFor = (system: SpecSystem, name: string) => (value: unknown) => specProblems(system, name, value ?? {});

/** OpenAPI 3.0 puts `nullable` beside a `$ref` (no `type`), which Ajv rejects: say it in JSON Schema. */
function nullableRefs(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(nullableRefs);
  if (!node || typeof node !== "object") return node;
  const entries = Object.entries(node).map(([k, v]) => [k, nullableRefs(v)] as const);
  const obj = Object.fromEntries(entries) as Record<string, unknown>;
  if (obj.nullable === true && obj.type === undefined) {
    const { nullable: _nullable, ...rest } = obj;
    return { anyOf: [rest, { type: "null" }] };
  }
  return obj;
}
