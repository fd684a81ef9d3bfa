import { z } from "zod";

export const lineageQuery = z.object({
  nodeId: z.string().min(1).describe("An asset id, or a Marquez node id such as dataset:namespace:name or job:namespace:name"),
  depth: z.coerce.number().int("depth must be a whole number").min(0, "depth must be 0 or more").max(100, "depth is at most 100").default(5),
  direction: z.enum(["up", "down", "both"]).default("both"),
  asOf: z.iso.datetime({ offset: true }).optional().describe("Only edges first seen at or before this time"),
  limit: z.coerce.number().int().min(1).max(5_000).default(500).describe("Node limit; past it the answer is truncated"),
  columns: z.enum(["true", "false"]).default("false").transform((v) => v === "true").describe("Also return column-level edges between the nodes"),
  shape: z.enum(["marquez", "nodes"]).default("marquez")
    .describe("marquez: each node also lists its inEdges and outEdges, as Marquez clients expect; nodes: nodes without them, the edges only once in `edges` (what the portal's graph draws; about half the bytes of a hub's answer)"),
});
export type LineageQuery = z.infer<typeof lineageQuery>;

const edge = z.object({ origin: z.string(), destination: z.string() });
export const lineageNodeSchema = z.object({
  id: z.string(),
  type: z.enum(["DATASET", "JOB", "MODEL", "DEPLOYMENT"]),
  data: z.object({ assetId: z.string(), kind: z.string(), namespace: z.string(), name: z.string(), ownerTeamName: z.string().nullable(), depth: z.number() }),
  inEdges: z.array(edge).optional().describe("Absent when shape=nodes"),
  outEdges: z.array(edge).optional().describe("Absent when shape=nodes"),
});
export type LineageNode = z.infer<typeof lineageNodeSchema>;

export const columnEdgeSchema = z.object({
  sourceId: z.string(), sourceColumn: z.string(), targetId: z.string(), targetColumn: z.string(), jobAssetId: z.string().nullable(), transformation: z.unknown(),
});
export const lineageGraphSchema = z
  .object({
    graph: z.array(lineageNodeSchema),
    edges: z.array(z.object({ sourceId: z.string(), targetId: z.string(), firstSeenAt: z.string(), lastSeenAt: z.string() })),
    columnEdges: z.array(columnEdgeSchema),
    rootId: z.string(),
    truncated: z.boolean(),
    limit: z.number(),
  })
  .meta({ id: "LineageGraph" });
export type LineageGraph = z.infer<typeof lineageGraphSchema>;
