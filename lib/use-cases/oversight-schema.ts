import { z } from "zod";

// The human-oversight plan of a use case: who oversees the AI system's decisions and how they
// can intervene or stop it. High-risk use cases need one before a model serving them is
// promoted (the promotions' risk-tier gate reads it), so it can be written in any state.

export const OVERSIGHT_PLAN_MIN = 40;

export const oversightPlanSchema = z
  .object({
    plan: z
      .string({ error: "Describe the human-oversight plan" })
      .trim()
      .min(OVERSIGHT_PLAN_MIN, `Describe who oversees the system's decisions and how they can intervene or stop it (at least ${OVERSIGHT_PLAN_MIN} characters)`)
      .max(5000, "The plan is at most 5000 characters"),
  })
  .strict()
  .meta({ id: "OversightPlanInput" });
export type OversightPlanInput = z.infer<typeof oversightPlanSchema>;

/** States in which the plan can no longer change: the use case is closed. */
export const OVERSIGHT_CLOSED_STATES = ["rejected", "retired"] as const;
