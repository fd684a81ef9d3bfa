import { handle } from "@/lib/http/handle";
import { jsonResponse } from "@/lib/http/json";
import { ingestLineageEndpoint, lineageGraphEndpoint } from "@/lib/api/lineage-endpoints";
import { ingestLineage } from "@/lib/lineage/ingest";
import { lineageGraph } from "@/lib/lineage/graph";

// Marquez's endpoint: producers switch their URL to this one and nothing else.
export const POST = handle(ingestLineageEndpoint, async ({ ctx, body }) => {
  const result = await ingestLineage(ctx, body);
  return jsonResponse(result, result.stored > 0 ? 201 : 200);
});
export const GET = handle(lineageGraphEndpoint, ({ ctx, query }) => lineageGraph(ctx.actor, query));
