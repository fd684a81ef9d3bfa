import { z } from "zod";
import { RISK_QUESTION_KEYS, RISK_TIERS } from "@/lib/use-cases/risk";
import { STATES, TRANSITION_NAMES } from "@/lib/use-cases/lifecycle";

// One schema per input, shared by the intake form (step by step), the API and the services.
export const VALUE_TYPES = ["revenue", "cost", "risk_reduction", "experience"] as const;
export const CONFIDENCES = ["low", "medium", "high"] as const;

const text = (label: string, min: number, max: number) =>
  z.string({ error: `${label} is required` }).trim().min(min, min <= 1 ? `${label} is required` : `${label} needs at least ${min} characters`).max(max, `${label} is at most ${max} characters`);
const scale = (label: string) => z.number({ error: `${label} must be a number from 1 to 5` }).int(`${label} must be a whole number`).min(1, `${label} must be 1 to 5`).max(5, `${label} must be 1 to 5`);

export const riskAnswersSchema = z.partialRecord(z.enum(RISK_QUESTION_KEYS as [string, ...string[]]), z.boolean()).describe("Yes/no answers to the risk screening questions");

/** Step 1: what and whose. */
export const basicsStep = z.object({
  title: text("Title", 3, 200),
  problem: text("The problem statement", 10, 5000),
  teamId: z.uuid({ message: "Pick a team" }),
  businessOwner: text("Business owner", 1, 200),
  intendedUsers: text("Intended users", 1, 1000),
});
/** Step 2: value. */
export const valueStep = z.object({
  valueType: z.enum(VALUE_TYPES, { error: "Pick a value type" }),
  valueLow: z.number({ error: "Give the low end of the estimate" }).int().min(0, "Cannot be negative").max(100_000_000),
  valueHigh: z.number({ error: "Give the high end of the estimate" }).int().min(0, "Cannot be negative").max(100_000_000),
  valueConfidence: z.enum(CONFIDENCES, { error: "Pick a confidence" }),
  successMetrics: text("Success metrics", 1, 2000),
});
/**
 * Step 3: data and feasibility. The data needed is linked catalog datasets, a description, or
 * both, so the description alone is optional (the form leaves an empty one out) and dataOk decides.
 */
export const dataStep = z.object({
  datasetIds: z
    .array(z.uuid({ message: "Must be the id of a catalog dataset" }))
    .max(50, "Link at most 50 datasets")
    .describe("Catalog datasets the use case needs (ids of assets of kind dataset); replaces the linked datasets when given"),
  dataNeeded: z.string({ error: "Data needed must be text" }).trim().max(3000, "Data needed is at most 3000 characters").optional().describe("The data needed, described in words (required unless catalog datasets are linked)"),
  dataReadiness: scale("Data readiness"),
  feasibility: scale("Feasibility"),
  complexity: scale("Operational complexity"),
  targetDate: z.iso.date("Use a date like 2027-03-31").nullable().optional(),
});
/** Step 4: risk screening. */
export const riskStep = z.object({ riskAnswers: riskAnswersSchema });

const rangeOk = (v: { valueLow?: number | null; valueHigh?: number | null }) => v.valueLow == null || v.valueHigh == null || v.valueLow <= v.valueHigh;
const rangeIssue = { message: "The high end must be at least the low end", path: ["valueHigh"] };
/** A complete intake names its data: linked catalog datasets, a description, or both. */
const dataOk = (v: { dataNeeded?: string; datasetIds?: string[] }) => !!v.dataNeeded?.trim() || (v.datasetIds?.length ?? 0) > 0;
const dataIssue = { message: "Link a catalog dataset or describe the data needed", path: ["dataNeeded"] };

export const INTAKE_STEPS = [
  { key: "basics", label: "The problem", schema: basicsStep },
  { key: "value", label: "Value", schema: valueStep.refine(rangeOk, rangeIssue) },
  { key: "data", label: "Data & feasibility", schema: dataStep.refine(dataOk, dataIssue) },
  { key: "risk", label: "Risk screening", schema: riskStep },
] as const;

const fullShape = { ...basicsStep.shape, ...valueStep.shape, ...dataStep.shape, ...riskStep.shape };

/** The same fields, each also accepting null: "the user emptied it". */
function clearable<S extends Record<string, z.ZodType>>(shape: S): { [K in keyof S]: z.ZodNullable<S[K]> } {
  return Object.fromEntries(Object.entries(shape).map(([k, v]) => [k, v.nullable()])) as { [K in keyof S]: z.ZodNullable<S[K]> };
}
// A draft may empty any field but the four it is known by (title, problem, team, business
// owner): autosave sends null for an emptied field, so clearing one is saved like any edit
// (leaving it out would keep the old value). Submission checks the whole intake again.
const { datasetIds, ...dataFields } = dataStep.shape;
const { title, problem, teamId, businessOwner, intendedUsers } = basicsStep.shape;
const draftFields = {
  intendedUsers: intendedUsers.nullable().describe("Intended users (null empties it)"),
  ...clearable(valueStep.shape),
  ...clearable(dataFields),
  datasetIds,
  riskAnswers: riskAnswersSchema,
};
/** Intake fields a draft may empty (null): the form sends null for these when they are blank. */
export const CLEARABLE_FIELDS: readonly string[] = Object.keys(draftFields).filter((k) => k !== "datasetIds" && k !== "riskAnswers");

/** Create: the first step is required; the rest may follow as the draft is saved. */
export const createUseCaseSchema = z
  .object({ title, problem, teamId, businessOwner, intendedUsers, ...z.object(draftFields).omit({ intendedUsers: true }).partial().shape })
  .strict()
  .refine(rangeOk, rangeIssue)
  .meta({ id: "CreateUseCaseInput" });
export type CreateUseCaseInput = z.infer<typeof createUseCaseSchema>;

/** Update of a draft: any subset of the intake; null empties a field. */
export const updateUseCaseSchema = z.object({ title, problem, teamId, businessOwner, ...draftFields }).partial().strict().refine(rangeOk, rangeIssue).meta({ id: "UpdateUseCaseInput" });
export type UpdateUseCaseInput = z.infer<typeof updateUseCaseSchema>;

/** What submission requires: the whole intake. */
// The data check runs even when other fields are missing, so one 422 names everything to fill in.
export const submittableSchema = z.object(fullShape).refine(rangeOk, rangeIssue).refine(dataOk, { ...dataIssue, when: () => true });

export const transitionSchema = z
  .object({ transition: z.enum(TRANSITION_NAMES), note: z.string().trim().max(5000).optional() })
  .strict()
  .meta({ id: "UseCaseTransitionInput" });
export type TransitionInput = z.infer<typeof transitionSchema>;

export const overrideTierSchema = z
  .object({ tier: z.enum(RISK_TIERS), reason: text("The reason", 10, 2000) })
  .strict()
  .meta({ id: "RiskOverrideInput" });
export type OverrideTierInput = z.infer<typeof overrideTierSchema>;

export const submitScoreSchema = z
  .object({
    values: z.record(z.string(), z.number({ error: "Each score is a number from 1 to 5" }).int("Scores are whole numbers").min(1, "Scores run from 1 to 5").max(5, "Scores run from 1 to 5")),
    note: z.string().trim().max(5000).default(""),
  })
  .strict()
  .meta({ id: "SubmitScoreInput" });
export type SubmitScoreInput = z.infer<typeof submitScoreSchema>;

export const commentSchema = z.object({ body: text("The comment", 1, 5000) }).strict().meta({ id: "CommentInput" });
export type CommentInput = z.infer<typeof commentSchema>;

export const listCommentsQuery = z.object({
  cursor: z.string().optional().describe("nextCursor of the previous page"),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  order: z.enum(["oldest", "newest"], { message: "Use oldest or newest" }).default("oldest").describe("oldest: the conversation from its start; newest: the latest comments first, each next page older"),
});
export type ListCommentsQuery = z.infer<typeof listCommentsQuery>;

const csv = <T extends readonly [string, ...string[]]>(values: T) =>
  z
    .string()
    .transform((s) => s.split(",").map((v) => v.trim()).filter(Boolean))
    .pipe(z.array(z.enum(values)))
    .optional();

export const listUseCasesQuery = z.object({
  q: z.string().trim().max(200).optional().describe("Full-text search over title, problem, metrics and data"),
  state: csv(STATES).describe("Comma-separated states"),
  tier: csv(RISK_TIERS).describe("Comma-separated risk tiers"),
  teamId: z.uuid().optional(),
  valueType: z.enum(VALUE_TYPES).optional(),
  reviewerId: z.uuid().optional().describe("Only use cases this reviewer scored"),
  sort: z.enum(["priority", "newest"]).default("priority"),
  cursor: z.string().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type ListUseCasesQuery = z.infer<typeof listUseCasesQuery>;

export const idParams = z.object({ id: z.uuid({ message: "must be a UUID" }) });
