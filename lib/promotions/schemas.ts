import { z } from "zod";
import { PROMOTION_STATES } from "@/lib/promotions/state-machine";
import { strategyConfigSchema, strategySchema } from "@/lib/promotions/policy-schema";

export const requestPromotionSchema = z.object({
  modelVersionId: z.string().uuid("Pick a model version"),
  environment: z.string().trim().min(1, "Pick the target environment"),
  strategy: strategySchema,
  strategyConfig: strategyConfigSchema,
  justification: z.string().trim().min(10, "Say in a sentence or two why this version should go there").max(4000),
  /** The lakeFS ref merged into the environment's branch; defaults to the branch of the environment below. */
  sourceRef: z.string().trim().min(1).max(200).optional(),
  useCaseId: z.string().uuid().optional(),
  /** false keeps it as a draft. */
  submit: z.boolean().default(true),
});
export type RequestPromotionInput = z.infer<typeof requestPromotionSchema>;

export const decisionSchema = z.object({
  decision: z.enum(["approve", "reject", "request_changes"]),
  comment: z.string().trim().max(4000).default(""),
}).refine((d) => d.decision === "approve" || d.comment.length > 0, { path: ["comment"], message: "Say why, so the requester knows what to change" });
export type DecisionInput = z.infer<typeof decisionSchema>;

export const rollbackSchema = z.object({ reason: z.string().trim().min(5, "Say why it is being rolled back").max(4000) });
export type RollbackInput = z.infer<typeof rollbackSchema>;

export const idParams = z.object({ id: z.string().uuid("Not a promotion id") });

export const listPromotionsQuery = z.object({
  state: z.enum(PROMOTION_STATES).optional(),
  environment: z.string().optional(),
  cursor: z.string().optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});
export type ListPromotionsQuery = z.infer<typeof listPromotionsQuery>;

export const gateResultSchema = z.object({ gate: z.string(), verdict: z.enum(["pass", "fail", "warn"]), reason: z.string(), evidence: z.record(z.string(), z.unknown()), phase: z.enum(["request", "pre_execution"]), evaluatedAt: z.string() });

export const promotionSummarySchema = z.object({
  id: z.string(),
  number: z.number(),
  state: z.enum(PROMOTION_STATES),
  environment: z.object({ key: z.string(), name: z.string() }),
  model: z.object({ assetId: z.string(), name: z.string(), versionId: z.string(), version: z.string() }),
  strategy: strategySchema,
  requestedBy: z.object({ id: z.string(), name: z.string() }),
  createdAt: z.string(),
  updatedAt: z.string(),
  failureStep: z.string().nullable(),
  usedFakes: z.boolean().nullable(),
});
export type PromotionSummary = z.infer<typeof promotionSummarySchema>;

export const promotionDetailSchema = promotionSummarySchema.extend({
  justification: z.string(),
  sourceRef: z.string(),
  strategyConfig: z.record(z.string(), z.unknown()),
  useCaseId: z.string().nullable(),
  round: z.number(),
  policy: z.object({ id: z.string(), version: z.number(), requiredApprovals: z.number(), rollbackApprovals: z.number() }),
  failureReason: z.string().nullable(),
  rollbackReason: z.string().nullable(),
  gates: z.array(gateResultSchema),
  approvals: z.array(z.object({ id: z.string(), purpose: z.enum(["promotion", "rollback"]), round: z.number(), decision: z.enum(["approve", "reject", "request_changes"]), comment: z.string(), reviewer: z.object({ id: z.string(), name: z.string() }), createdAt: z.string() })),
  steps: z.array(z.object({ operation: z.string(), step: z.string(), status: z.string(), attempts: z.number(), result: z.record(z.string(), z.unknown()), error: z.string().nullable(), startedAt: z.string(), finishedAt: z.string().nullable() })),
  timeline: z.array(z.object({ id: z.string(), at: z.string(), kind: z.string(), message: z.string(), step: z.string().nullable(), request: z.unknown().nullable(), responseStatus: z.number().nullable(), durationMs: z.number().nullable() })),
  allowedEvents: z.array(z.string()),
  timestamps: z.object({ submittedAt: z.string().nullable(), approvedAt: z.string().nullable(), executionStartedAt: z.string().nullable(), finishedAt: z.string().nullable(), rolledBackAt: z.string().nullable() }),
});
export type PromotionDetail = z.infer<typeof promotionDetailSchema>;
