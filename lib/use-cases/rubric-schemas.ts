import { z } from "zod";

const criterionInput = z.object({
  key: z.string().trim().regex(/^[a-z][a-z0-9_]{1,39}$/, "Use lower-case letters, digits and _ (e.g. data_readiness)"),
  label: z.string().trim().min(1, "Give the criterion a label").max(100),
  description: z.string().trim().max(1000).default(""),
  weight: z.number({ error: "The weight must be a number" }).min(0, "Weights may not be negative").max(1000),
  direction: z.enum(["higher_is_better", "lower_is_better"]).default("higher_is_better"),
  anchors: z.array(z.string().trim().min(1, "Describe what this score means").max(300)).length(5, "Give an anchored description for each score 1 to 5"),
});

export const rubricInputSchema = z
  .object({
    name: z.string().trim().min(1, "Give the rubric a name").max(200),
    minScores: z.number().int().min(1, "At least one score").max(10).default(2),
    disagreementSpread: z.number().int().min(1).max(4).default(2),
    criteria: z.array(criterionInput).min(1, "A rubric needs at least one criterion").max(12),
  })
  .strict()
  .superRefine((r, ctx) => {
    const seen = new Set<string>();
    r.criteria.forEach((c, i) => {
      if (seen.has(c.key)) ctx.addIssue({ code: "custom", path: ["criteria", i, "key"], message: `The key "${c.key}" is used twice` });
      seen.add(c.key);
    });
    if (r.criteria.every((c) => c.weight === 0)) ctx.addIssue({ code: "custom", path: ["criteria"], message: "At least one weight must be above 0" });
  })
  .meta({ id: "RubricInput" });
export type RubricInput = z.infer<typeof rubricInputSchema>;
