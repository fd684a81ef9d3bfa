import { z } from "zod";
import { RISK_TIERS } from "@/lib/use-cases/risk";

export const lineageRiskSchema = z.object({
  tier: z.enum(RISK_TIERS).nullable().describe("Highest tier of the use cases the training data feeds; null when it feeds none"),
  useCases: z.array(z.object({
    useCaseId: z.string(), title: z.string(), tier: z.enum(RISK_TIERS),
    inputAssetId: z.string().describe("The training dataset it is reached from"), inputName: z.string(),
    viaAssetId: z.string().nullable().describe("The asset the use case is linked to (null when the reader may not see it)"), viaName: z.string().nullable(),
  })),
  hiddenUseCases: z.number().int().describe("Use cases counted in the tier that the reader may not read"),
  truncated: z.boolean().describe("The walk stopped at its cap: the tier may be higher"),
}).meta({ id: "LineageRisk" });
export type LineageRisk = z.infer<typeof lineageRiskSchema>;
