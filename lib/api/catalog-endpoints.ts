import { z } from "zod";
import { defineEndpoint } from "@/lib/http/endpoint";
import { pageSchema } from "@/lib/http/cursor";
import {
  assetIdParams, assetSchema, listVersionsQuery, registerAssetSchema, registerVersionSchema, searchAssetsQuery, versionParams, versionSchema,
} from "@/lib/catalog/schemas";
import { lineageRiskSchema } from "@/lib/lineage/lineage-risk-schema";

const facetCount = z.object({ value: z.string(), label: z.string(), count: z.number() });

export const searchAssetsEndpoint = defineEndpoint({
  method: "GET", path: "/api/v1/assets", tag: "Catalog", auth: "actor", permission: "catalog.read",
  summary: "Search the catalog (full text over names, descriptions, tags, columns) with facets and keyset pagination",
  query: searchAssetsQuery,
  response: pageSchema(assetSchema).extend({ facets: z.object({ kind: z.array(facetCount), owner: z.array(facetCount), tag: z.array(facetCount), namespace: z.array(facetCount) }) }),
});
export const registerAssetEndpoint = defineEndpoint({
  method: "POST", path: "/api/v1/assets", tag: "Catalog", auth: "actor", permission: "catalog.write",
  summary: "Register an asset, idempotent by (kind, namespace, name): 201 when created, 200 when it existed",
  body: registerAssetSchema, response: assetSchema, successStatus: 201,
});
export const getAssetEndpoint = defineEndpoint({
  method: "GET", path: "/api/v1/assets/{id}", tag: "Catalog", auth: "actor", permission: "catalog.read",
  summary: "One asset", params: assetIdParams, response: assetSchema,
});
export const listVersionsEndpoint = defineEndpoint({
  method: "GET", path: "/api/v1/assets/{id}/versions", tag: "Catalog", auth: "actor", permission: "catalog.read",
  summary: "Versions of an asset, newest first", params: assetIdParams, query: listVersionsQuery, response: pageSchema(versionSchema),
});
export const registerVersionEndpoint = defineEndpoint({
  method: "POST", path: "/api/v1/assets/{id}/versions", tag: "Catalog", auth: "actor", permission: "catalog.write",
  summary: "Register a dataset or model version, idempotent by (asset, version): 201 when created, 200 when identical, 409 when different",
  params: assetIdParams, body: registerVersionSchema, response: versionSchema, successStatus: 201,
});
export const getVersionEndpoint = defineEndpoint({
  method: "GET", path: "/api/v1/assets/{id}/versions/{versionId}", tag: "Catalog", auth: "actor", permission: "catalog.read",
  summary: "One dataset or model version; a model version carries lineageRisk, the highest risk tier of the use cases its training data feeds downstream",
  params: versionParams, response: versionSchema.extend({ lineageRisk: lineageRiskSchema.nullable() }),
});
