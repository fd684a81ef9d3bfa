// Reading the JSON Schemas of our OpenAPI document for display: resolve $refs,
// name types the way a reader thinks of them, list constraints in words.
export type JsonSchema = {
  $ref?: string;
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  description?: string;
  format?: string;
  default?: unknown;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  pattern?: string;
  additionalProperties?: boolean | JsonSchema;
};
export type Components = Record<string, JsonSchema>;

export const refName = (ref: string) => ref.split("/").pop() ?? ref;

export function resolve(s: JsonSchema, components: Components): JsonSchema {
  return s.$ref ? (components[refName(s.$ref)] ?? {}) : s;
}

export function typeLabel(s: JsonSchema, components: Components): string {
  if (s.$ref) return refName(s.$ref);
  const variants = s.anyOf ?? s.oneOf;
  if (variants) return variants.map((v) => typeLabel(v, components)).join(" | ");
  if (s.const !== undefined) return JSON.stringify(s.const);
  if (s.enum) return "enum";
  const types = Array.isArray(s.type) ? s.type : s.type ? [s.type] : [];
  const labels = types.map((t) => (t === "array" ? `array of ${s.items ? typeLabel(s.items, components) : "any"}` : t === "string" && s.format ? `string (${s.format})` : t));
  return labels.join(" | ") || "any";
}

/** Constraints as short phrases; a regex is left out where a format already says it. */
export function constraints(s: JsonSchema): string[] {
  const out: string[] = [];
  if (s.enum) out.push(`one of ${s.enum.map((v) => JSON.stringify(v)).join(", ")}`);
  if (s.minimum !== undefined) out.push(`≥ ${s.minimum}`);
  if (s.maximum !== undefined) out.push(`≤ ${s.maximum}`);
  if (s.minLength !== undefined) out.push(`min length ${s.minLength}`);
  if (s.maxLength !== undefined) out.push(`max length ${s.maxLength}`);
  if (s.minItems !== undefined) out.push(`min ${s.minItems} items`);
  if (s.maxItems !== undefined) out.push(`max ${s.maxItems} items`);
  if (s.pattern && !s.format) out.push(`pattern ${s.pattern}`);
  if (s.default !== undefined) out.push(`default ${JSON.stringify(s.default)}`);
  return out;
}

/** The object schema to list fields of: the schema itself, its $ref, or its array items. */
export function objectOf(s: JsonSchema, components: Components): JsonSchema | null {
  const r = resolve(s, components);
  if (r.properties) return r;
  if (r.items) {
    const i = resolve(r.items, components);
    if (i.properties) return i;
  }
  return null;
}
