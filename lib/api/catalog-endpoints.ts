import { defineEndpoint } from "@/lib/http/endpoint";
import { pageSchema } from "@/lib/http/cursor";
import {
  assetFacetsSchema, assetFiltersQuery, assetIdParams, assetSchema, listVersionsQuery, registerAssetSchema, registerVersionSchema, searchAssetsQuery, versionParams, versionSchema,
} from "@/lib/catalog/schemas";
import { lineageRiskSchema } from "@/lib/lineage/lineage-risk-schema";

export const searchAssetsEndpoint = defineEndpoint({
  method: "GET", path: "/api/v1/assets", tag: "Catalog", auth: "actor", permission: "catalog.read",
  summary: "Search the catalog (full text over names, descriptions, tags, columns) with keyset pagination; the facet counts of the same filters are GET /api/v1/assets/facets",
  query: searchAssetsQuery,
  response: pageSchema(assetSchema),
});
export const assetFacetsEndpoint = defineEndpoint({
  method: "GET", path: "/api/v1/assets/facets", tag: "Catalog", auth: "actor", permission: "catalog.read",
  summary: "Facet counts (kind, owner, top tags, top namespaces) of a catalog search: exact without a text query, tag or namespace filter; otherwise over the first 1,000 matches (approximate: true when there are more)",
  query: assetFiltersQuery,
  response: assetFacetsSchema,
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
