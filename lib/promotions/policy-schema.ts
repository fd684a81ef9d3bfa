import { z } from "zod";
import { ROLES } from "@/lib/policy/permissions";

// One schema per input, shared by the admin form, the API and the service.
export const STRATEGIES = ["direct", "canary", "shadow", "blue_green"] as const;
export const strategySchema = z.enum(STRATEGIES);
export type Strategy = z.infer<typeof strategySchema>;

/** off: the gate is not run; warn: a failure is shown but does not block; fail: a failure blocks. */
export const gateLevelSchema = z.enum(["off", "warn", "fail"]);
export type GateLevel = z.infer<typeof gateLevelSchema>;

export const metricThresholdSchema = z.object({
  metric: z.string().trim().min(1, "Name the metric, e.g. auc").max(64),
  op: z.enum([">=", "<="]),
  threshold: z.number().finite(),
  /** When false, a model that does not record the metric is not judged by it (models differ in metrics). */
  required: z.boolean().default(false),
});
export type MetricThreshold = z.infer<typeof metricThresholdSchema>;

export const gatesConfigSchema = z.object({
  metrics: z.array(metricThresholdSchema).max(20).default([]),
  metricsLevel: gateLevelSchema.default("fail"),
  /** Candidate may not be worse than what runs in the environment now by more than this (absolute). */
  maxRegression: z.number().min(0).nullable().default(null),
  reproducibility: gateLevelSchema.default("fail"),
  lineage: gateLevelSchema.default("warn"),
  dataQuality: gateLevelSchema.default("warn"),
  riskTier: gateLevelSchema.default("fail"),
  useCaseApproved: gateLevelSchema.default("warn"),
});
export type GatesConfig = z.infer<typeof gatesConfigSchema>;

export const policyInputSchema = z
  .object({
    requiredApprovals: z.number().int().min(0).max(5),
    approverRoles: z.array(z.enum(ROLES)).min(1, "Name at least one role whose approvals count"),
    approverTeamIds: z.array(z.string().uuid()).default([]),
    highRiskRole: z.enum(ROLES).nullable().default(null),
    allowedStrategies: z.array(strategySchema).min(1, "Allow at least one strategy"),
    gates: gatesConfigSchema,
    rollbackApprovals: z.number().int().min(0).max(3).default(0),
    driftDays: z.number().int().min(1).max(365).default(14),
    changeNote: z.string().trim().max(500).default(""),
    /** Separation of duties; the two approvers of a request always differ (a reviewer acts once). */
    requesterMayNotApprove: z.boolean().default(true).describe("The requester may not approve their own request (or rollback)"),
    authorMayNotApprove: z.boolean().default(true).describe("Whoever registered the model version may not approve its promotion"),
  })
  .refine((p) => new Set(p.allowedStrategies).size === p.allowedStrategies.length, { path: ["allowedStrategies"], message: "List each strategy once" });
export type PolicyInput = z.infer<typeof policyInputSchema>;
/** What a caller may send: fields with defaults may be left out. */
export type PolicyInputDraft = z.input<typeof policyInputSchema>;

/** Canary needs traffic steps that only grow and end at 100 %. */
export const strategyConfigSchema = z
  .object({ trafficSteps: z.array(z.number().int().min(1).max(100)).min(1).max(10).optional() })
  .default({});
