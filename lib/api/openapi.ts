import { z } from "zod";
import { ENDPOINTS } from "@/lib/api/endpoints";
import { problemSchema } from "@/lib/http/problem";
import type { Endpoint } from "@/lib/http/endpoint";

type JsonSchema = Record<string, unknown>;

// Schemas with a .meta({ id }) become components; the rest are inlined.
function schemaOf(s: z.ZodType, io: "input" | "output", components: Record<string, JsonSchema>): JsonSchema {
  const json = z.toJSONSchema(s, { target: "draft-2020-12", io, unrepresentable: "any", reused: "inline" }) as JsonSchema & { $defs?: Record<string, JsonSchema> };
  const defs = json.$defs ?? {};
  delete json.$defs;
  delete json.$schema;
  for (const [id, def] of Object.entries(defs)) components[id] = def;
  return JSON.parse(JSON.stringify(json).replaceAll('"#/$defs/', '"#/components/schemas/')) as JsonSchema;
}

const PROBLEM_RESPONSES: Record<string, string> = {
  "400": "Malformed JSON or request", "401": "Not signed in, or a bad API token", "403": "Not allowed",
  "404": "Not found (also for records the caller may not see)", "409": "Conflicts with the current state",
  "413": "Body too large", "422": "Validation failed; `errors` names each field",
};

function operation(e: Endpoint, components: Record<string, JsonSchema>) {
  const parameters: unknown[] = [];
  const addParams = (schema: z.ZodType | undefined, where: "path" | "query") => {
    if (!schema) return;
    const json = schemaOf(schema, "input", components) as { properties?: Record<string, JsonSchema>; required?: string[] };
    for (const [name, s] of Object.entries(json.properties ?? {})) {
      parameters.push({ name, in: where, required: where === "path" || (json.required ?? []).includes(name), schema: s, ...(s.description ? { description: s.description } : {}) });
    }
  };
  addParams(e.params, "path");
  addParams(e.query, "query");
  const ok = String(e.successStatus ?? 200);
  const problem = { "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" } } };
  return {
    summary: e.summary,
    tags: [e.tag],
    operationId: `${e.method.toLowerCase()}${e.path.replace(/\{(\w+)\}/g, "By_$1").replace(/[^A-Za-z0-9]+(\w)/g, (_m, c: string) => c.toUpperCase())}`,
    ...(e.permission ? { "x-permission": e.permission } : {}),
    security: e.auth === "public" ? [] : [{ bearer: [] }, { session: [] }],
    ...(parameters.length ? { parameters } : {}),
    ...(e.body ? { requestBody: { required: true, content: { "application/json": { schema: schemaOf(e.body, "input", components) } } } } : {}),
    responses: {
      [ok]: { description: "Success", ...(e.response ? { content: { "application/json": { schema: schemaOf(e.response, "output", components) } } } : {}) },
      ...Object.fromEntries(
        Object.entries(PROBLEM_RESPONSES)
          .filter(([code]) => e.auth !== "public" || !["401", "403"].includes(code))
          .filter(([code]) => e.body || !["400", "413"].includes(code))
          .map(([code, description]) => [code, { description, content: problem }]),
      ),
    },
  };
}

/** The OpenAPI 3.1 document, generated from the same zod schemas the handlers validate with. */
export function buildOpenApi(): Record<string, unknown> {
  const components: Record<string, JsonSchema> = { Problem: schemaOf(problemSchema, "output", {}) };
  const paths: Record<string, Record<string, unknown>> = {};
  for (const e of ENDPOINTS) (paths[e.path] ??= {})[e.method.toLowerCase()] = operation(e, components);
  return {
    openapi: "3.1.0",
    info: { title: "AI CoE Portal API", version: "1.0.0", description: "Use cases, catalog, lineage, promotions and governance of the AI Center of Excellence." },
    servers: [{ url: "/" }],
    paths,
    components: {
      schemas: components,
      securitySchemes: {
        bearer: { type: "http", scheme: "bearer", description: "An API token (coe_...) created on the API tokens page" },
        session: { type: "apiKey", in: "cookie", name: "next-auth.session-token" },
      },
    },
  };
}
