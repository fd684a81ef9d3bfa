import { z } from "zod";
import { pageSchema } from "@/lib/http/cursor";

const question = {
  nodeId: z.string().min(1).describe("The dataset (asset id or dataset:namespace:name)"),
  column: z.string().min(1).max(512).optional().describe("Follow only this column's downstream column lineage"),
  depth: z.coerce.number().int().min(1).max(100).default(50),
};
const pageSize = z.coerce.number().int().min(1).max(500).default(50);

export const impactQuery = z.object({
  ...question,
  limit: pageSize.describe("Items in the first page of each list"),
  format: z.enum(["json", "csv"]).default("json").describe("csv: every affected row, streamed"),
});
export type ImpactQuery = z.infer<typeof impactQuery>;

export const IMPACT_LISTS = ["assets", "modelVersions", "deployments", "useCases"] as const;
export type ImpactList = (typeof IMPACT_LISTS)[number];

export const impactListQuery = z.object({
  ...question,
  list: z.enum(IMPACT_LISTS).describe("Which list to page through"),
  cursor: z.string().max(2048).optional().describe("nextCursor of the previous page"),
  limit: pageSize,
});
export type ImpactListQuery = z.infer<typeof impactListQuery>;

const owner = { ownerTeamId: z.string().nullable(), ownerTeamName: z.string().nullable() };
export const impactAssetSchema = z.object({ assetId: z.string(), kind: z.string(), namespace: z.string(), name: z.string(), depth: z.number(), columns: z.array(z.string()), ...owner });
export const impactModelVersionSchema = z.object({ modelVersionId: z.string(), assetId: z.string(), modelName: z.string(), version: z.string(), ...owner });
export const impactDeploymentSchema = z.object({ deploymentId: z.string(), environment: z.string(), modelVersionId: z.string(), modelName: z.string(), version: z.string(), deployedAt: z.string(), promotionId: z.string().nullable() });
export const impactUseCaseSchema = z.object({ useCaseId: z.string(), name: z.string().nullable(), riskTier: z.string().nullable(), viaAssetIds: z.array(z.string()) });
export type ImpactAsset = z.infer<typeof impactAssetSchema>;
export type ImpactModelVersion = z.infer<typeof impactModelVersionSchema>;
export type ImpactDeployment = z.infer<typeof impactDeploymentSchema>;
export type ImpactUseCase = z.infer<typeof impactUseCaseSchema>;

export const impactSummarySchema = z.object({
  assets: z.number(), assetsByKind: z.array(z.object({ kind: z.string(), count: z.number() })),
  modelVersions: z.number(),
  deployments: z.number(), deploymentsByEnvironment: z.array(z.object({ environment: z.string(), count: z.number() })),
  useCases: z.number(), useCasesByRiskTier: z.array(z.object({ riskTier: z.string().nullable(), count: z.number() })),
});

export const impactSchema = z
  .object({
    root: z.object({ assetId: z.string(), kind: z.string(), namespace: z.string(), name: z.string(), column: z.string().nullable(), ...owner }),
    truncated: z.boolean().describe("More assets lie downstream than the walk's cap (nodeCap); counts and lists cover the nearest nodeCap"),
    nodeCap: z.number(),
    summary: impactSummarySchema.describe("Counts over every affected row, not just the first pages"),
    assets: pageSchema(impactAssetSchema),
    modelVersions: pageSchema(impactModelVersionSchema),
    deployments: pageSchema(impactDeploymentSchema),
    useCases: pageSchema(impactUseCaseSchema),
  })
  .meta({ id: "ImpactAnalysis" });
export type Impact = z.infer<typeof impactSchema>;

export const impactListSchema = z
  .discriminatedUnion("list", [
    z.object({ list: z.literal("assets"), ...pageSchema(impactAssetSchema).shape }),
    z.object({ list: z.literal("modelVersions"), ...pageSchema(impactModelVersionSchema).shape }),
    z.object({ list: z.literal("deployments"), ...pageSchema(impactDeploymentSchema).shape }),
    z.object({ list: z.literal("useCases"), ...pageSchema(impactUseCaseSchema).shape }),
  ])
  .meta({ id: "ImpactListPage" });
export type ImpactListPage = z.infer<typeof impactListSchema>;
