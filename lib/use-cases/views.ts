import { z } from "zod";
import { RISK_TIERS } from "@/lib/use-cases/risk";
import { STATES, TRANSITION_NAMES } from "@/lib/use-cases/lifecycle";
import { CONFIDENCES, VALUE_TYPES } from "@/lib/use-cases/schemas";

// What the API answers; the pages read the same shapes.
export const useCaseSummarySchema = z
  .object({
    id: z.string(),
    title: z.string(),
    teamId: z.string(),
    teamName: z.string(),
    ownerId: z.string(),
    ownerName: z.string(),
    state: z.enum(STATES),
    tier: z.enum(RISK_TIERS),
    valueType: z.enum(VALUE_TYPES).nullable(),
    valueLow: z.number().nullable(),
    valueHigh: z.number().nullable(),
    priority: z.number().nullable().describe("0-100; null until scored"),
    scoreCount: z.number(),
    disagreement: z.boolean(),
    createdAt: z.string(),
    stateChangedAt: z.string(),
  })
  .meta({ id: "UseCaseSummary" });
export type UseCaseSummary = z.infer<typeof useCaseSummarySchema>;

export const timelineEntrySchema = z.object({
  transition: z.string(),
  fromState: z.enum(STATES).nullable(),
  toState: z.enum(STATES),
  actorName: z.string().nullable(),
  note: z.string().nullable(),
  createdAt: z.string(),
});

export const linkedAssetSchema = z.object({
  id: z.string(),
  kind: z.enum(["dataset", "feature_set", "model", "job", "deployment"]),
  name: z.string(),
  namespace: z.string(),
});
export type LinkedAsset = z.infer<typeof linkedAssetSchema>;

export const useCaseDetailSchema = useCaseSummarySchema
  .extend({
    problem: z.string(),
    businessOwner: z.string(),
    intendedUsers: z.string(),
    valueConfidence: z.enum(CONFIDENCES).nullable(),
    successMetrics: z.string(),
    dataNeeded: z.string(),
    assets: z.array(linkedAssetSchema).describe("Catalog assets linked to it that the caller may see: the datasets its intake needs, and models or features registered for it"),
    hiddenAssets: z.number().describe("Linked assets outside the caller's catalog scope (counted, not named)"),
    dataReadiness: z.number().nullable(),
    feasibility: z.number().nullable(),
    complexity: z.number().nullable(),
    targetDate: z.string().nullable(),
    riskAnswers: z.record(z.string(), z.boolean()),
    screenedTier: z.enum(RISK_TIERS),
    screenedRule: z.string(),
    rulesFired: z.array(z.string()),
    overrideReason: z.string().nullable(),
    humanOversightPlan: z.string().describe("Who oversees the system and how they intervene; empty when not documented"),
    heldFrom: z.enum(STATES).nullable(),
    updatedAt: z.string(),
    timeline: z.array(timelineEntrySchema),
    allowedTransitions: z.array(z.object({ transition: z.enum(TRANSITION_NAMES), label: z.string(), to: z.enum(STATES) })),
    can: z.object({ edit: z.boolean(), score: z.boolean(), comment: z.boolean(), overrideTier: z.boolean(), documentOversight: z.boolean() }),
  })
  .meta({ id: "UseCase" });
export type UseCaseDetail = z.infer<typeof useCaseDetailSchema>;

export const criterionSchema = z.object({
  key: z.string(),
  label: z.string(),
  description: z.string(),
  weight: z.number(),
  direction: z.enum(["higher_is_better", "lower_is_better"]),
  anchors: z.array(z.string()),
});

export const rubricSchema = z
  .object({
    id: z.string(),
    version: z.number(),
    name: z.string(),
    minScores: z.number(),
    disagreementSpread: z.number(),
    publishedAt: z.string().nullable(),
    current: z.boolean(),
    criteria: z.array(criterionSchema),
  })
  .meta({ id: "Rubric" });
export type RubricView = z.infer<typeof rubricSchema>;

const contributionSchema = z.object({
  key: z.string(), label: z.string(), weight: z.number(), share: z.number(), direction: z.string(), value: z.number(), normalised: z.number(), points: z.number(),
});

export const scoresViewSchema = z
  .object({
    rubric: rubricSchema.nullable().describe("The rubric a new score is given under"),
    hidden: z.boolean().describe("True for a reviewer who has not scored yet: others' scores stay hidden"),
    scoreCount: z.number(),
    myScore: z.object({ values: z.record(z.string(), z.number()), note: z.string(), rubricVersion: z.number(), priority: z.number(), updatedAt: z.string() }).nullable(),
    scores: z.array(z.object({ reviewerId: z.string(), reviewerName: z.string(), rubricVersion: z.number(), values: z.record(z.string(), z.number()), priority: z.number(), note: z.string(), updatedAt: z.string() })),
    aggregate: z
      .object({
        priority: z.number(),
        disagreement: z.boolean(),
        explanation: z.object({
          mixedVersions: z.boolean().describe("True when the scores were given under more than one rubric version"),
          versions: z.array(z.object({
            rubricVersion: z.number(),
            scoreCount: z.number(),
            share: z.number().describe("This version's share of the scores: its weight in the headline priority"),
            priority: z.number().describe("Priority of this version's mean values under its own weights"),
            parts: z.array(contributionSchema),
            criteria: z.array(z.object({ key: z.string(), label: z.string(), mean: z.number(), min: z.number(), max: z.number(), spread: z.number(), disagreement: z.boolean() })),
          })).describe("One explanation per rubric version the scores used, newest first; sum(share × priority) is the headline priority"),
          combined: z.array(z.object({ key: z.string(), label: z.string(), points: z.number() })).describe("Points per criterion over all scores, each under its own rubric version"),
        }),
        rankAbove: z.object({ id: z.string(), title: z.string(), priority: z.number(), reason: z.string() }).nullable(),
      })
      .nullable(),
  })
  .meta({ id: "UseCaseScores" });
export type ScoresView = z.infer<typeof scoresViewSchema>;

export const commentViewSchema = z
  .object({ id: z.string(), kind: z.enum(["comment", "change_request"]), body: z.string(), authorId: z.string(), authorName: z.string(), mentions: z.array(z.object({ id: z.string(), name: z.string() })), createdAt: z.string() })
  .meta({ id: "UseCaseComment" });
export type CommentView = z.infer<typeof commentViewSchema>;

export const portfolioSummarySchema = z
  .object({
    funnel: z.array(z.object({ state: z.enum(STATES), count: z.number() })),
    bubbles: z.array(z.object({ id: z.string(), title: z.string(), tier: z.enum(RISK_TIERS), state: z.enum(STATES), value: z.number(), feasibility: z.number(), priority: z.number().nullable() })),
    tiers: z.array(z.object({ tier: z.enum(RISK_TIERS), count: z.number() })),
    throughput: z.array(z.object({ month: z.string(), submitted: z.number(), approved: z.number(), live: z.number() })),
    timeInState: z.array(z.object({ state: z.enum(STATES), medianDays: z.number(), stays: z.number() })),
    topAwaiting: z.array(z.object({ id: z.string(), title: z.string(), tier: z.enum(RISK_TIERS), state: z.enum(STATES), priority: z.number(), scoreCount: z.number(), disagreement: z.boolean() })),
  })
  .meta({ id: "PortfolioSummary" });
export type PortfolioSummary = z.infer<typeof portfolioSummarySchema>;
