import { z } from "zod";
import { defineEndpoint } from "@/lib/http/endpoint";
import { MAX_BATCH_BYTES } from "@/lib/lineage/limits";
import { lineageGraphSchema, lineageQuery } from "@/lib/lineage/graph-schemas";
import { impactListQuery, impactListSchema, impactQuery, impactSchema } from "@/lib/lineage/impact-schemas";

const ingestResult = z.object({
  received: z.number(), stored: z.number(), duplicates: z.number(),
  runs: z.number().optional(), jobs: z.number().optional(), datasets: z.number().optional(), edges: z.number().optional(),
  columnEdges: z.number().optional(), datasetVersions: z.number().optional(),
});

export const ingestLineageEndpoint = defineEndpoint({
  method: "POST", path: "/api/v1/lineage", tag: "Lineage", auth: "actor", permission: "lineage.write",
  summary: "Marquez-compatible OpenLineage intake: one RunEvent/DatasetEvent/JobEvent (spec 2-0-x) or a JSON array of them. 201 stored, 200 all duplicates, 422 with schema paths, 413 for an event over 5 MB",
  body: z.union([z.record(z.string(), z.unknown()), z.array(z.unknown())]).meta({ description: "An OpenLineage event (https://openlineage.io/spec/2-0-2/OpenLineage.json) or an array of them" }),
  response: ingestResult, successStatus: 201, maxBodyBytes: MAX_BATCH_BYTES,
});

export const lineageGraphEndpoint = defineEndpoint({
  method: "GET", path: "/api/v1/lineage", tag: "Lineage", auth: "actor", permission: "catalog.read",
  summary: "The lineage graph around a node (Marquez's shape): one recursive walk with cycle protection, a node limit and a truncated flag, as of a time",
  query: lineageQuery, response: lineageGraphSchema,
});
export const impactEndpoint = defineEndpoint({
  method: "GET", path: "/api/v1/lineage/impact", tag: "Lineage", auth: "actor", permission: "catalog.read",
  summary: "Impact analysis: everything downstream of a dataset or column (nearest first, up to a cap), model versions, deployments by environment and use cases: counts over all of them and the first page of each list; format=csv streams every row",
  query: impactQuery, response: impactSchema,
});
export const impactItemsEndpoint = defineEndpoint({
  method: "GET", path: "/api/v1/lineage/impact/items", tag: "Lineage", auth: "actor", permission: "catalog.read",
  summary: "The next keyset page of one list of an impact analysis (assets, modelVersions, deployments or useCases)",
  query: impactListQuery, response: impactListSchema,
});
