import type { Route, RouteContext, RouteResult } from "./fake-server";

export interface FakeModelVersion {
  name: string;
  version: string;
  created: number;
  updated: number;
  source: string;
  runId: string;
  description: string;
  tags: Record<string, string>;
}

export interface MlflowWorld {
  models: Map<string, { created: number; versions: Map<string, FakeModelVersion>; aliases: Map<string, string> }>;
  aliasMoves: { name: string; alias: string; from: string | null; to: string | null }[];
  /** Demo mode: called with each request's fields to create the model and version they name. */
  ensure?: (fields: Record<string, string | string[]>) => void;
}

export const mlflowError = (status: number, error_code: string, message: string): RouteResult => ({ status, body: { error_code, message } });

/** Request fields per message, from model_registry.proto (the fake refuses names the proto does not have). */
const FIELDS: Record<string, { all: string[]; required: string[] }> = {
  GetModelVersion: { all: ["name", "version"], required: ["name", "version"] },
  SetRegisteredModelAlias: { all: ["name", "alias", "version"], required: ["name", "alias", "version"] },
  DeleteRegisteredModelAlias: { all: ["name", "alias"], required: ["name", "alias"] },
  GetModelVersionByAlias: { all: ["name", "alias"], required: ["name", "alias"] },
  SearchModelVersions: { all: ["filter", "max_results", "order_by", "page_token"], required: [] },
};

/** GET (and DELETE) carry fields in the query string, POST in a JSON body; both are checked against the proto. */
function fieldsOf(message: string, ctx: RouteContext): Record<string, string | string[]> | RouteResult {
  const spec = FIELDS[message]!;
  const source: Record<string, unknown> = ctx.body && typeof ctx.body === "object" ? { ...(ctx.body as object) } : {};
  for (const k of new Set(ctx.query.keys())) source[k] = k === "order_by" ? ctx.query.getAll(k) : ctx.query.get(k);
  const unknown = Object.keys(source).filter((k) => !spec.all.includes(k));
  if (unknown.length) return mlflowError(400, "INVALID_PARAMETER_VALUE", `${message} has no field(s) ${unknown.join(", ")}`);
  const missing = spec.required.find((k) => typeof source[k] !== "string" || source[k] === "");
  if (missing) return mlflowError(400, "INVALID_PARAMETER_VALUE", `Missing value for required parameter '${missing}'.`);
  return source as Record<string, string | string[]>;
}

const isResult = (v: unknown): v is RouteResult => typeof v === "object" && v !== null && "status" in v && typeof (v as RouteResult).status === "number" && "body" in v;

export function mlflowRoutes(w: MlflowWorld): Route[] {
  const wire = (name: string, v: FakeModelVersion) => ({
    name: v.name,
    version: v.version,
    creation_timestamp: v.created,
    last_updated_timestamp: v.updated,
    current_stage: "None",
    description: v.description,
    source: v.source,
    run_id: v.runId,
    status: "READY",
    tags: Object.entries(v.tags).map(([key, value]) => ({ key, value })),
    aliases: [...(w.models.get(name)?.aliases ?? [])].filter(([, ver]) => ver === v.version).map(([a]) => a),
  });
  const route = (operation: string, method: string, path: string, handle: (f: Record<string, string | string[]>) => RouteResult): Route => ({
    operation,
    method,
    path,
    handle: (ctx) => {
      const f = fieldsOf(operation[0]!.toUpperCase() + operation.slice(1), ctx);
      if (isResult(f)) return f;
      w.ensure?.(f);
      return handle(f);
    },
  });
  const model = (name: string) => w.models.get(name);
  const noModel = (name: string) => mlflowError(404, "RESOURCE_DOES_NOT_EXIST", `Registered Model with name=${name} not found`);

  return [
    route("getModelVersion", "GET", "/mlflow/model-versions/get", (f) => {
      const v = model(f.name as string)?.versions.get(f.version as string);
      return v ? { status: 200, body: { model_version: wire(v.name, v) } } : mlflowError(404, "RESOURCE_DOES_NOT_EXIST", `Model Version (name=${f.name}, version=${f.version}) not found`);
    }),
    route("setRegisteredModelAlias", "POST", "/mlflow/registered-models/alias", (f) => {
      const m = model(f.name as string);
      if (!m) return noModel(f.name as string);
      if (f.alias === "latest" || /^v\d+$/i.test(f.alias as string)) return mlflowError(400, "INVALID_PARAMETER_VALUE", `'${f.alias}' alias name (case insensitive) is reserved.`);
      if (!m.versions.has(f.version as string)) return mlflowError(404, "RESOURCE_DOES_NOT_EXIST", `Model Version (name=${f.name}, version=${f.version}) not found`);
      const from = m.aliases.get(f.alias as string) ?? null;
      m.aliases.set(f.alias as string, f.version as string);
      if (from !== f.version) w.aliasMoves.push({ name: f.name as string, alias: f.alias as string, from, to: f.version as string });
      return { status: 200, body: {} };
    }),
    route("deleteRegisteredModelAlias", "DELETE", "/mlflow/registered-models/alias", (f) => {
      const m = model(f.name as string);
      if (!m) return noModel(f.name as string);
      const from = m.aliases.get(f.alias as string) ?? null;
      if (m.aliases.delete(f.alias as string)) w.aliasMoves.push({ name: f.name as string, alias: f.alias as string, from, to: null });
      return { status: 200, body: {} };
    }),
    route("getModelVersionByAlias", "GET", "/mlflow/registered-models/alias", (f) => {
      const m = model(f.name as string);
      if (!m) return noModel(f.name as string);
      const v = m.versions.get(m.aliases.get(f.alias as string) ?? "");
      return v ? { status: 200, body: { model_version: wire(v.name, v) } } : mlflowError(404, "RESOURCE_DOES_NOT_EXIST", `Registered model alias ${f.alias} not found.`);
    }),
    route("searchModelVersions", "GET", "/mlflow/model-versions/search", (f) => {
      // The fake understands the filters the portal sends: name='x' and run_id='y', joined by AND.
      const clauses = [...String(f.filter ?? "").matchAll(/(name|run_id)\s*=\s*'([^']*)'/g)].map((m) => [m[1]!, m[2]!] as const);
      const all = [...w.models.values()].flatMap((m) => [...m.versions.values()]);
      const hits = all
        .filter((v) => clauses.every(([k, val]) => (k === "name" ? v.name === val : v.runId === val)))
        .sort((a, b) => a.name.localeCompare(b.name) || Number(b.version) - Number(a.version));
      const start = Number(f.page_token ? Buffer.from(f.page_token as string, "base64").toString() : 0);
      const size = Math.min(Number(f.max_results ?? 200000), 200000);
      const page = hits.slice(start, start + size);
      const next = start + size < hits.length ? Buffer.from(String(start + size)).toString("base64") : undefined;
      return { status: 200, body: { model_versions: page.map((v) => wire(v.name, v)), ...(next ? { next_page_token: next } : {}) } };
    }),
  ];
}
