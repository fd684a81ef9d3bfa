import { z } from "zod";
import { ROLES } from "@/lib/policy/permissions";
import { gatesConfigSchema, policyInputSchema, STRATEGIES } from "@/lib/promotions/policy-schema";

const slug = z.string().trim().regex(/^[a-z][a-z0-9-]{1,30}$/, "Use 2-31 lower-case letters, digits or dashes, starting with a letter");
const ref = z.string().trim().min(1, "Required").max(200);

export const environmentInputSchema = z.object({
  key: slug,
  name: z.string().trim().min(1, "Give the environment a name").max(80),
  rank: z.number().int().min(0).max(1000),
  lakefsRepository: ref,
  lakefsBranch: ref,
  mlflowAlias: z.string().trim().regex(/^[A-Za-z][A-Za-z0-9_-]{0,62}$/, "An MLflow alias: letters, digits, _ or -"),
  airflowDagId: ref,
  protected: z.boolean().default(false),
});
export type EnvironmentInput = z.infer<typeof environmentInputSchema>;
export const environmentUpdateSchema = environmentInputSchema.omit({ key: true }).partial();

export const policySchema = z.object({
  id: z.string(),
  version: z.number(),
  requiredApprovals: z.number(),
  approverRoles: z.array(z.enum(ROLES)),
  approverTeamIds: z.array(z.string()),
  highRiskRole: z.enum(ROLES).nullable(),
  allowedStrategies: z.array(z.enum(STRATEGIES)),
  gates: gatesConfigSchema,
  rollbackApprovals: z.number(),
  driftDays: z.number(),
  changeNote: z.string(),
  requesterMayNotApprove: z.boolean(),
  authorMayNotApprove: z.boolean(),
  createdAt: z.string(),
});
export type PolicyView = z.infer<typeof policySchema>;

/** A version in the history: who published it and how many promotions it judged (they keep it). */
export const policyHistoryItemSchema = policySchema.extend({ publishedBy: z.string().nullable(), promotions: z.number() });
export type PolicyHistoryItem = z.infer<typeof policyHistoryItemSchema>;

export const environmentSchema = environmentInputSchema.extend({
  id: z.string(),
  policy: policySchema.nullable(),
  integrations: z.array(z.object({ system: z.enum(["lakefs", "mlflow", "airflow"]), baseUrl: z.string(), lastTestOk: z.boolean().nullable() })),
});
export type EnvironmentView = z.infer<typeof environmentSchema>;

export const envKeyParams = z.object({ key: z.string().min(1) });
export { policyInputSchema };
