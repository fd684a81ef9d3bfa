import { CLEARABLE_FIELDS, INTAKE_STEPS } from "@/lib/use-cases/schemas";
import type { UseCaseDetail } from "@/lib/use-cases/views";

// The intake form's values as the inputs hold them (strings), and their conversion to
// the API's input, validated step by step by the same zod schemas as the server.
export interface DatasetPick { id: string; name: string; namespace: string }
export interface IntakeState { form: Record<string, string>; risk: Record<string, boolean>; datasets: DatasetPick[] }

const NUMERIC = new Set(["valueLow", "valueHigh", "dataReadiness", "feasibility", "complexity"]);
export const STEP_FIELDS: string[][] = [
  ["title", "problem", "teamId", "businessOwner", "intendedUsers"],
  ["valueType", "valueLow", "valueHigh", "valueConfidence", "successMetrics"],
  ["dataNeeded", "dataReadiness", "feasibility", "complexity", "targetDate"],
  [],
];
const FIELDS = STEP_FIELDS.flat();

export function emptyIntake(teamId = ""): IntakeState {
  return { form: Object.fromEntries(FIELDS.map((f) => [f, f === "teamId" ? teamId : ""])), risk: {}, datasets: [] };
}

export function intakeFromDetail(d: UseCaseDetail): IntakeState {
  const r = d as unknown as Record<string, unknown>;
  return {
    form: Object.fromEntries(FIELDS.map((f) => [f, r[f] === null || r[f] === undefined ? "" : String(r[f])])), risk: { ...d.riskAnswers },
    datasets: d.assets.filter((a) => a.kind === "dataset").map(({ id, name, namespace }) => ({ id, name, namespace })),
  };
}

/** Input values for the API: numbers parsed, empty fields left out. */
export function toInput(s: IntakeState, fields: string[] = FIELDS): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of fields) {
    const v = s.form[f]?.trim() ?? "";
    if (v === "") continue;
    out[f] = NUMERIC.has(f) && Number.isFinite(Number(v)) ? Number(v) : v;
  }
  return out;
}

const DATA_STEP = 2;
// A draft kept on this device by an older version of the form has no datasets yet.
const datasetIds = (s: IntakeState) => (s.datasets ?? []).map((d) => d.id);

/** Field errors of one step, by field name, from the shared schema. */
export function stepErrors(step: number, s: IntakeState): Record<string, string> {
  const input = step === 3 ? { riskAnswers: s.risk } : { ...toInput(s, STEP_FIELDS[step]), ...(step === DATA_STEP ? { datasetIds: datasetIds(s) } : {}) };
  const r = INTAKE_STEPS[step]!.schema.safeParse(input);
  if (r.success) return {};
  const errs: Record<string, string> = {};
  for (const i of r.error.issues) errs[String(i.path[0] ?? "")] ??= i.message;
  return errs;
}

/**
 * What an autosave sends: every filled field that passes the schema on its own, and null
 * for every emptied field a draft may clear (left out, the server would keep the old
 * value and it would be back after a reload). `unsaved` names the fields held back: a
 * value the schema refuses, or an emptied title, problem, team or business owner, which
 * a draft cannot be without; the form says so instead of claiming everything was saved.
 */
export function savableInput(s: IntakeState): { input: Record<string, unknown>; unsaved: string[] } {
  const out: Record<string, unknown> = { riskAnswers: s.risk, datasetIds: datasetIds(s) };
  const unsaved: string[] = [];
  STEP_FIELDS.forEach((fields, step) => {
    if (!fields.length) return;
    const errs = stepErrors(step, s);
    const input = toInput(s, fields);
    for (const f of fields) {
      if (!(f in input)) {
        if (CLEARABLE_FIELDS.includes(f)) out[f] = null;
        else unsaved.push(errs[f] ?? `${f} is required`);
      } else if (errs[f]) unsaved.push(errs[f]);
      else out[f] = input[f];
    }
  });
  return { input: out, unsaved };
}

/** Which step shows a server-reported field (risk answers, and anything unknown, on the last). */
export function stepOfField(path: string): number {
  const field = path.split(".")[0]!;
  if (field === "datasetIds") return DATA_STEP;
  const step = STEP_FIELDS.findIndex((fs) => fs.includes(field));
  return step === -1 ? 3 : step;
}
