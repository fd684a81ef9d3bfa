import { z } from "zod";

export const impactQuery = z.object({
  nodeId: z.string().min(1).describe("The dataset (asset id or dataset:namespace:name)"),
  column: z.string().min(1).max(512).optional().describe("Follow only this column's downstream column lineage"),
  depth: z.coerce.number().int().min(1).max(100).default(50),
  format: z.enum(["json", "csv"]).default("json"),
});
export type ImpactQuery = z.infer<typeof impactQuery>;

const owner = { ownerTeamId: z.string().nullable(), ownerTeamName: z.string().nullable() };
export const impactSchema = z
  .object({
    root: z.object({ assetId: z.string(), kind: z.string(), namespace: z.string(), name: z.string(), column: z.string().nullable(), ...owner }),
    truncated: z.boolean(),
    assets: z.array(z.object({ assetId: z.string(), kind: z.string(), namespace: z.string(), name: z.string(), depth: z.number(), columns: z.array(z.string()), ...owner })),
    modelVersions: z.array(z.object({ modelVersionId: z.string(), assetId: z.string(), modelName: z.string(), version: z.string(), ...owner })),
    deployments: z.array(z.object({ deploymentId: z.string(), environment: z.string(), modelVersionId: z.string(), modelName: z.string(), version: z.string(), deployedAt: z.string(), promotionId: z.string().nullable() })),
    useCases: z.array(z.object({ useCaseId: z.string(), name: z.string().nullable(), riskTier: z.string().nullable(), viaAssetIds: z.array(z.string()) })),
  })
  .meta({ id: "ImpactAnalysis" });
export type Impact = z.infer<typeof impactSchema>;
