import { Ajv2020, type ErrorObject, type ValidateFunction } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import { CORE_SCHEMA, FACET_SCHEMAS } from "@/lib/lineage/schema";

// Validation against the official OpenLineage schemas (draft 2020-12). The core event is
// checked with formats (a runId must be a UUID, eventTime a date-time). Facets that have a
// spec schema are checked too, but without formats: real Spark events carry
// dataSource.uri = "file", which is not an absolute URI. Custom facets pass as they came.

const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;
const CORE_ID = "https://openlineage.io/spec/2-0-2/OpenLineage.json";
type Location = "run" | "job" | "dataset" | "inputDataset" | "outputDataset";

export interface EventError {
  /** Where in the event, as a JSON pointer (e.g. /run/runId). */
  instancePath: string;
  /** Where in the schema the rule that failed is (e.g. OpenLineage.json#/$defs/Run/properties/runId/format). */
  schemaPath: string;
  message: string;
}

interface Validators {
  events: Record<"RunEvent" | "DatasetEvent" | "JobEvent", ValidateFunction>;
  facets: Record<Location, Map<string, { validate: ValidateFunction; id: string }>>;
}
let cached: Validators | null = null;

function locationOf(schema: { $defs?: Record<string, { allOf?: { $ref?: string }[] }> }): Location | null {
  for (const def of Object.values(schema.$defs ?? {})) {
    const ref = def.allOf?.[0]?.$ref ?? "";
    const m = /#\/\$defs\/(RunFacet|JobFacet|DatasetFacet|InputDatasetFacet|OutputDatasetFacet)$/.exec(ref);
    if (m) return ({ RunFacet: "run", JobFacet: "job", DatasetFacet: "dataset", InputDatasetFacet: "inputDataset", OutputDatasetFacet: "outputDataset" } as const)[m[1] as "RunFacet"];
  }
  return null;
}

function validators(): Validators {
  if (cached) return cached;
  const core = new Ajv2020({ strict: false, allErrors: true });
  addFormats(core);
  core.addSchema(CORE_SCHEMA);
  const loose = new Ajv2020({ strict: false, allErrors: true, validateFormats: false });
  loose.addSchema(CORE_SCHEMA);
  const facets: Validators["facets"] = { run: new Map(), job: new Map(), dataset: new Map(), inputDataset: new Map(), outputDataset: new Map() };
  for (const s of FACET_SCHEMAS as { $id: string; properties?: Record<string, unknown> }[]) {
    const where = locationOf(s as never);
    if (!where) continue;
    const validate = loose.compile(s);
    for (const key of Object.keys(s.properties ?? {})) facets[where].set(key, { validate, id: s.$id });
  }
  const ev = (name: string) => core.getSchema(`${CORE_ID}#/$defs/${name}`)!;
  cached = { events: { RunEvent: ev("RunEvent"), DatasetEvent: ev("DatasetEvent"), JobEvent: ev("JobEvent") }, facets };
  return cached;
}

/** Which of the three event types an event claims to be (the spec's oneOf, decided by shape for clear errors). */
export function eventTypeOf(e: Record<string, unknown>): "RunEvent" | "DatasetEvent" | "JobEvent" {
  if ("run" in e) return "RunEvent";
  if ("dataset" in e && !("job" in e)) return "DatasetEvent";
  return "JobEvent";
}

/** schemaRoot names the schema the paths are relative to, e.g. OpenLineage.json#/$defs/RunEvent. */
function toErrors(errors: ErrorObject[] | null | undefined, base: string, schemaRoot: string): EventError[] {
  return (errors ?? []).map((e) => ({
    instancePath: base + e.instancePath,
    schemaPath: schemaRoot + e.schemaPath.replace(/^#/, ""),
    message: e.message ?? "is invalid",
  }));
}

/** All schema errors of one event (empty when valid). */
export function validateEvent(event: unknown): EventError[] {
  if (typeof event !== "object" || event === null || Array.isArray(event))
    return [{ instancePath: "", schemaPath: "OpenLineage.json#/oneOf", message: "must be an object (a RunEvent, DatasetEvent or JobEvent)" }];
  const v = validators();
  const kind = eventTypeOf(event as Record<string, unknown>);
  const validate = v.events[kind];
  if (!validate(event)) return toErrors(validate.errors, "", `OpenLineage.json#/$defs/${kind}`);
  return facetErrors(event as OlEventShape, v);
}

interface OlDataset { facets?: Record<string, unknown>; inputFacets?: Record<string, unknown>; outputFacets?: Record<string, unknown> }
interface OlEventShape { run?: { facets?: Record<string, unknown> }; job?: { facets?: Record<string, unknown> }; inputs?: OlDataset[]; outputs?: OlDataset[]; dataset?: OlDataset }

function facetErrors(e: OlEventShape, v: Validators): EventError[] {
  const out: EventError[] = [];
  const check = (facets: Record<string, unknown> | undefined, where: Location, base: string) => {
    for (const [key, value] of Object.entries(facets ?? {})) {
      const f = v.facets[where].get(key);
      if (f && !f.validate({ [key]: value })) out.push(...toErrors(f.validate.errors, base, `${f.id.split("/").pop()}#`));
    }
  };
  check(e.run?.facets, "run", "/run/facets");
  check(e.job?.facets, "job", "/job/facets");
  e.inputs?.forEach((d, i) => { check(d.facets, "dataset", `/inputs/${i}/facets`); check(d.inputFacets, "inputDataset", `/inputs/${i}/inputFacets`); });
  e.outputs?.forEach((d, i) => { check(d.facets, "dataset", `/outputs/${i}/facets`); check(d.outputFacets, "outputDataset", `/outputs/${i}/outputFacets`); });
  if (e.dataset) check(e.dataset.facets, "dataset", "/dataset/facets");
  return out;
}
