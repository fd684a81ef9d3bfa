import { z } from "zod";

// One schema per input, shared by the API, the services and the pages' forms.

export const ASSET_KINDS = ["dataset", "feature_set", "model", "job", "deployment"] as const;
export const assetKindSchema = z.enum(ASSET_KINDS);
export type AssetKindName = z.infer<typeof assetKindSchema>;

const tag = z.string().trim().min(1).max(64).regex(/^[\w:.\-/ ]+$/, "Tags use letters, digits, spaces and _ : . - /");

export const registerAssetSchema = z.object({
  kind: assetKindSchema,
  namespace: z.string().trim().min(1).max(512),
  name: z.string().trim().min(1).max(512),
  description: z.string().max(10_000).optional(),
  tags: z.array(tag).max(50).optional(),
  /** Defaults to the caller's first team. */
  ownerTeamId: z.uuid().optional(),
  /** Use cases the asset serves (added to the existing links). */
  useCaseIds: z.array(z.uuid()).max(100).optional(),
});
export type RegisterAssetInput = z.infer<typeof registerAssetSchema>;

export const schemaFieldSchema: z.ZodType<SchemaField> = z.lazy(() =>
  z.object({
    name: z.string().min(1).max(512),
    type: z.string().max(512).optional(),
    description: z.string().max(10_000).optional(),
    fields: z.array(schemaFieldSchema).optional(),
  }),
);
export interface SchemaField {
  name: string;
  type?: string;
  description?: string;
  fields?: SchemaField[];
}

const lakefsLocation = z.object({
  repository: z.string().min(1).max(256),
  ref: z.string().min(1).max(256).describe("Branch, tag or commit the data was read from"),
  commitId: z.string().min(1).max(128).optional().describe("The immutable commit id; omit only when unknown"),
  path: z.string().max(1024).optional(),
});

/** A reference to a dataset version: its id, or the dataset's natural key and the version. */
export const datasetVersionRefSchema = z.union([
  z.object({ datasetVersionId: z.uuid() }),
  z.object({ namespace: z.string().min(1), name: z.string().min(1), version: z.string().min(1) }),
]);
export type DatasetVersionRef = z.infer<typeof datasetVersionRefSchema>;

/** Dataset and feature-set versions use lakefs/schema/dataQuality; model versions the rest. */
export const registerVersionSchema = z.object({
  version: z.string().trim().min(1).max(256),
  lakefs: lakefsLocation.optional(),
  schema: z.array(schemaFieldSchema).max(5_000).optional(),
  dataQuality: z.record(z.string(), z.unknown()).optional(),
  description: z.string().max(10_000).optional(),
  trainingRunId: z.uuid().optional(),
  inputs: z.array(datasetVersionRefSchema).max(200).optional(),
  code: z.object({ repository: z.string().min(1).max(1024), commitSha: z.string().regex(/^[0-9a-f]{7,64}$/i, "A git commit SHA (hex)") }).optional(),
  environment: z.string().max(512).optional().describe("Image digest or lock-file hash"),
  metrics: z.record(z.string(), z.number()).optional(),
  params: z.record(z.string(), z.unknown()).optional(),
  mlflow: z.object({ name: z.string().min(1).max(256), version: z.string().min(1).max(64) }).optional(),
});
export type RegisterVersionInput = z.infer<typeof registerVersionSchema>;

export const assetSchema = z
  .object({
    id: z.string(),
    kind: assetKindSchema,
    namespace: z.string(),
    name: z.string(),
    description: z.string(),
    tags: z.array(z.string()),
    columnNames: z.array(z.string()),
    ownerTeamId: z.string().nullable(),
    ownerTeamName: z.string().nullable(),
    useCaseIds: z.array(z.string()),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: "Asset" });
export type AssetView = z.infer<typeof assetSchema>;

export const versionSchema = z
  .object({
    id: z.string(),
    assetId: z.string(),
    kind: z.enum(["dataset", "model"]),
    version: z.string(),
    createdAt: z.string(),
    lakefs: z.object({ repository: z.string(), ref: z.string().nullable(), commitId: z.string().nullable(), path: z.string().nullable() }).nullable(),
    schema: z.array(z.unknown()),
    dataQuality: z.unknown().nullable(),
    producedByRunId: z.string().nullable(),
    description: z.string(),
    trainingRunId: z.string().nullable(),
    inputs: z.array(z.object({ datasetVersionId: z.string(), assetId: z.string(), namespace: z.string(), name: z.string(), version: z.string(), lakefsCommitId: z.string().nullable(), lakefsRef: z.string().nullable() })),
    code: z.object({ repository: z.string().nullable(), commitSha: z.string().nullable() }).nullable(),
    environment: z.string().nullable(),
    metrics: z.record(z.string(), z.unknown()),
    params: z.record(z.string(), z.unknown()),
    mlflow: z.object({ name: z.string(), version: z.string().nullable() }).nullable(),
  })
  .meta({ id: "AssetVersion" });
export type VersionView = z.infer<typeof versionSchema>;

/** The filters of a catalog search, shared by the list and its facet counts. */
/** The owner filter's value for assets no team owns yet (first seen through lineage). */
export const UNOWNED_FILTER = "none";

export const assetFiltersQuery = z.object({
  q: z.string().trim().max(200).optional(),
  kind: assetKindSchema.optional(),
  ownerTeamId: z.union([z.uuid(), z.literal(UNOWNED_FILTER)], { message: `must be a team id or "${UNOWNED_FILTER}"` }).optional()
    .describe(`A team id, or "${UNOWNED_FILTER}" for assets no team owns yet`),
  tag: z.string().max(64).optional(),
  namespace: z.string().max(512).optional(),
});
export type AssetFilters = z.infer<typeof assetFiltersQuery>;

export const searchAssetsQuery = assetFiltersQuery.extend({
  cursor: z.string().optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});
export type SearchAssetsQuery = z.infer<typeof searchAssetsQuery>;

const facetCountSchema = z.object({
  value: z.string().describe(`The filter value ("${UNOWNED_FILTER}" for unowned assets)`),
  label: z.string(),
  count: z.number().int(),
});
export type FacetCount = z.infer<typeof facetCountSchema>;

export const assetFacetsSchema = z
  .object({
    kind: z.array(facetCountSchema),
    owner: z.array(facetCountSchema),
    tag: z.array(facetCountSchema).describe("The 30 most used tags"),
    namespace: z.array(facetCountSchema).describe("The 30 largest namespaces"),
    counted: z.number().int().describe("How many matching assets the counts are over"),
    approximate: z.boolean().describe("True when more assets match than were counted (a text query, tag or namespace filter counts the first 1,000 matches): each count is then a lower bound"),
  })
  .meta({ id: "AssetFacets" });
export type AssetFacets = z.infer<typeof assetFacetsSchema>;

export const listVersionsQuery = z.object({
  cursor: z.string().optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});

export const assetIdParams = z.object({ id: z.uuid() });
export const versionParams = z.object({ id: z.uuid(), versionId: z.uuid() });
