import { randomUUID } from "node:crypto";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { buildOpenApi } from "@/lib/api/openapi";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { ENDPOINTS } from "@/lib/api/endpoints";
import { ROLES, TOKEN_SCOPES } from "@/lib/policy/permissions";
import { createApiToken } from "@/lib/tokens/tokens";
import { ctxOf, makeActor } from "@/lib/test/factories";
import { exampleOf, setPath, stringFields, type JsonSchema } from "@/lib/security/example-body";

// The bad-input sweep (issue 7): every request body and query string of the OpenAPI
// document, so an endpoint added later is swept too, through the real route handlers
// against the real database. Malformed JSON, wrong types, oversize bodies, and hostile
// strings in every text field: never a 500, a NUL byte is a 422 (PostgreSQL cannot
// store it), and a refused request leaves no audit event (so no state change) behind.

const EVIL: Record<string, string> = {
  sqlQuote: "'; DROP TABLE users; --",
  sqlOr: "\" OR 1=1 --",
  script: "<script>window.__pwned = 1</script>",
  imgOnError: "<img src=x onerror=alert(1)>",
  loneSurrogate: "a\uD800b",
  rtlOverride: "\u202Egnp.exe",
  zeroWidth: "a\u200B\u200C\u200Db\uFEFF",
  nul: "a\u0000b",
  emoji: "🧪👩🏽‍🔬",
  template: "${7*7}{{7*7}}",
  pathTraversal: "../../etc/passwd",
  long: "x".repeat(20_000),
};

const ROOT = path.resolve(import.meta.dirname, "../..");
// lakeFS's pre-merge hook authenticates with a shared secret, not a token, and audits
// every call it refuses (a security record, not a half-written change).
const WEBHOOK_SECRET = "sweep-webhook-secret-0123456789abcdef";
process.env.LAKEFS_WEBHOOK_SECRET ??= WEBHOOK_SECRET;
const AUDITS_REFUSALS = new Set(["POST /api/v1/hooks/lakefs/pre-merge"]);
type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
type Op = { method: string; path: string; requestBody?: { content: { "application/json": { schema: JsonSchema } } }; parameters?: { name: string; in: string; schema: JsonSchema }[] };

const doc = buildOpenApi() as { paths: Record<string, Record<string, Op>>; components: { schemas: Record<string, JsonSchema> } };
const components = doc.components?.schemas ?? {};
const ops = Object.entries(doc.paths).flatMap(([p, methods]) => Object.entries(methods).map(([m, op]) => ({ ...op, method: m.toUpperCase(), path: p })));
const withBody = ops.filter((o) => o.requestBody);
const withQuery = ops.filter((o) => o.method === "GET" && (o.parameters ?? []).some((p) => p.in === "query" && p.schema?.type === "string" && !p.schema.enum && !p.schema.format));

async function handlerOf(op: Op): Promise<Handler> {
  const dir = op.path.replace(/^\//, "").replace(/\{([^}]+)\}/g, "[$1]");
  const mod = (await import(/* @vite-ignore */ path.join(ROOT, "app", dir, "route.ts"))) as Record<string, Handler>;
  const fn = mod[op.method];
  if (!fn) throw new Error(`${op.method} ${op.path} is in the OpenAPI document but app/${dir}/route.ts does not export ${op.method}`);
  return fn;
}

let token = "";
beforeAll(async () => {
  // Every role, so the role check lets each request through to input validation and the service.
  const admin = await makeActor([...ROLES]);
  token = (await createApiToken(ctxOf(admin), { name: "bad-input sweep", scopes: Object.keys(TOKEN_SCOPES) as (keyof typeof TOKEN_SCOPES)[] })).token;
});

async function call(op: Op, init: { body?: string; query?: Record<string, string>; contentType?: string | null }): Promise<{ status: number; text: string; requestId: string }> {
  const requestId = `sweep-${randomUUID()}`;
  // Ids that exist nowhere; an enum path parameter (e.g. {system}) gets a valid value so the body checks are reached.
  const enumOf = (name: string) => (op.parameters ?? []).find((p) => p.in === "path" && p.name === name)?.schema?.enum?.[0];
  const params = Object.fromEntries([...op.path.matchAll(/\{([^}]+)\}/g)].map((m) => [m[1]!, String(enumOf(m[1]!) ?? randomUUID())]));
  const url = new URL(`http://127.0.0.1${op.path.replace(/\{([^}]+)\}/g, (_, k: string) => params[k]!)}`);
  for (const [k, v] of Object.entries(init.query ?? {})) url.searchParams.set(k, v);
  const headers: Record<string, string> = { authorization: `Bearer ${token}`, "x-request-id": requestId, "x-lakefs-webhook-secret": process.env.LAKEFS_WEBHOOK_SECRET! };
  if (init.contentType !== null) headers["content-type"] = init.contentType ?? "application/json";
  const res = await (await handlerOf(op))(new Request(url, { method: op.method, headers, body: init.body }), { params: Promise.resolve(params) });
  return { status: res.status, text: await res.text(), requestId };
}

/** A refused request must not have changed anything: every change writes its audit event in the same transaction. */
async function expectNothingWritten(requestId: string, op?: Op): Promise<void> {
  if (op && AUDITS_REFUSALS.has(`${op.method} ${op.path}`)) return;
  expect(await db().auditEvent.count({ where: { requestId } })).toBe(0);
}

describe("bad-input sweep over the OpenAPI document", () => {
  it("finds the request bodies to sweep", () => {
    expect(withBody.length).toBeGreaterThan(3);
  });

  describe.each(withBody.map((o) => [`${o.method} ${o.path}`, o] as const))("%s", (_name, op) => {
    const schema = op.requestBody!.content["application/json"].schema;
    const example = exampleOf(schema, components);

    it("refuses malformed JSON, a missing content type and wrong JSON types with a 4xx and writes nothing", async () => {
      for (const body of ['{"name": ', "{'single': 'quotes'}", "\u0000", "[1, 2,]"]) {
        const r = await call(op, { body });
        expect(r.status, `${body} -> ${r.text}`).toBeGreaterThanOrEqual(400);
        expect(r.status, r.text).toBeLessThan(500);
        await expectNothingWritten(r.requestId, op);
      }
      const noType = await call(op, { body: JSON.stringify(example), contentType: null });
      expect(noType.status, noType.text).toBeGreaterThanOrEqual(400);
      expect(noType.status, noType.text).toBeLessThan(500);
      for (const body of ["12345", '"text"', "null", "true", '{"__proto__": {"admin": true}}']) {
        const r = await call(op, { body });
        expect(r.status, `${body} -> ${r.text}`).toBeGreaterThanOrEqual(400);
        expect(r.status, r.text).toBeLessThan(500);
        await expectNothingWritten(r.requestId, op);
      }
    });

    it("refuses a body over its size limit with 413", async () => {
      const limit = ENDPOINTS.find((e) => e.method === op.method && e.path === op.path)?.maxBodyBytes ?? env().MAX_BODY_BYTES;
      const r = await call(op, { body: JSON.stringify({ padding: "x".repeat(limit + 1) }) });
      if (AUDITS_REFUSALS.has(`${op.method} ${op.path}`)) expect(r.status, r.text.slice(0, 300)).toBeGreaterThanOrEqual(400);
      else expect(r.status, r.text.slice(0, 300)).toBe(413);
      expect(r.status, r.text.slice(0, 300)).toBeLessThan(500);
      await expectNothingWritten(r.requestId, op);
    });

    const fields = stringFields(schema, components);
    it.each(fields.length ? fields : ["(no text fields)"])("never answers 500 for hostile strings in %s; NUL and lone surrogates are 422", async (field) => {
      if (!fields.length) return;
      for (const [label, evil] of Object.entries(EVIL)) {
        const r = await call(op, { body: JSON.stringify(setPath(example, field, evil)) });
        expect(r.status, `${field}=${label} -> ${r.text.slice(0, 300)}`).toBeLessThan(500);
        if (label === "nul" || label === "loneSurrogate") expect(r.status, `${field}=${label} -> ${r.text.slice(0, 300)}`).toBe(422);
        if (r.status >= 400) await expectNothingWritten(r.requestId, op);
      }
    });
  });

  describe.each(withQuery.map((o) => [`${o.method} ${o.path}`, o] as const))("%s query string", (_name, op) => {
    const names = (op.parameters ?? []).filter((p) => p.in === "query" && p.schema?.type === "string" && !p.schema.enum && !p.schema.format).map((p) => p.name);
    it.each(names)("never answers 500 for hostile strings in ?%s=", async (name) => {
      for (const [label, evil] of Object.entries(EVIL)) {
        const r = await call(op, { query: { [name]: evil } });
        expect(r.status, `?${name}=${label} -> ${r.text.slice(0, 300)}`).toBeLessThan(500);
      }
    });
  });
});
