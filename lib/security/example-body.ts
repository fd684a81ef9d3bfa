import { randomUUID } from "node:crypto";

// A minimal valid-looking JSON value for a JSON Schema from the OpenAPI document, and
// the paths of its string fields, so the bad-input sweep can aim at every text field
// of every request body, including endpoints added after it was written.

export type JsonSchema = {
  $ref?: string; type?: string | string[]; properties?: Record<string, JsonSchema>; required?: string[]; items?: JsonSchema;
  enum?: unknown[]; const?: unknown; format?: string; minimum?: number; minLength?: number; maxLength?: number; minItems?: number;
  anyOf?: JsonSchema[]; oneOf?: JsonSchema[]; allOf?: JsonSchema[]; default?: unknown; pattern?: string;
};

export function exampleOf(schema: JsonSchema, components: Record<string, JsonSchema>, depth = 0): unknown {
  if (depth > 6) return null;
  if (schema.$ref) return exampleOf(components[schema.$ref.split("/").pop()!] ?? {}, components, depth + 1);
  if (schema.const !== undefined) return schema.const;
  if (schema.enum) return schema.enum[0];
  const alt = schema.anyOf ?? schema.oneOf;
  if (alt) return exampleOf(alt.find((s) => s.type !== "null") ?? alt[0]!, components, depth + 1);
  if (schema.allOf) return Object.assign({}, ...schema.allOf.map((s) => exampleOf(s, components, depth + 1)));
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== "null") : schema.type;
  switch (type) {
    case "string":
      if (schema.format === "uuid") return randomUUID();
      if (schema.format === "email") return `sweep.${Date.now()}@example.com`;
      if (schema.format === "date-time") return new Date().toISOString();
      if (schema.format === "uri") return "https://example.com/x";
      return "sweep-" + "x".repeat(Math.max(0, (schema.minLength ?? 1) - 6));
    case "integer":
    case "number":
      return schema.minimum ?? 1;
    case "boolean":
      return false;
    case "array":
      return Array.from({ length: schema.minItems ?? 0 }, () => exampleOf(schema.items ?? {}, components, depth + 1));
    case "object": {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(schema.properties ?? {})) if ((schema.required ?? []).includes(k)) out[k] = exampleOf(v, components, depth + 1);
      return out;
    }
    default:
      return schema.properties ? exampleOf({ ...schema, type: "object" }, components, depth) : "sweep";
  }
}

/** Dotted paths of the string-typed properties (required or not) at the top two levels of an object schema. */
export function stringFields(schema: JsonSchema, components: Record<string, JsonSchema>, prefix = "", depth = 0): string[] {
  if (schema.$ref) return stringFields(components[schema.$ref.split("/").pop()!] ?? {}, components, prefix, depth);
  const out: string[] = [];
  for (const [k, v0] of Object.entries(schema.properties ?? {})) {
    const v = v0.$ref ? components[v0.$ref.split("/").pop()!] ?? {} : v0;
    const types = [v.type, ...(v.anyOf ?? []).map((s) => s.type)].flat();
    if (types.includes("string") && !v.enum && !v.format) out.push(prefix + k);
    else if (depth < 1 && (v.type === "object" || v.properties)) out.push(...stringFields(v, components, `${prefix}${k}.`, depth + 1));
  }
  return out;
}

export function setPath(value: unknown, dotted: string, to: unknown): unknown {
  const copy = structuredClone(value) as Record<string, unknown>;
  const keys = dotted.split(".");
  let cur = copy;
  for (const k of keys.slice(0, -1)) cur = (cur[k] ??= {}) as Record<string, unknown>;
  cur[keys.at(-1)!] = to;
  return copy;
}
