import { handle } from "@/lib/http/handle";
import { jsonResponse } from "@/lib/http/json";
import { ingestLineageEndpoint } from "@/lib/api/lineage-endpoints";
import { ingestLineage } from "@/lib/lineage/ingest";

// Marquez's endpoint: producers switch their URL to this one and nothing else.
export const POST = handle(ingestLineageEndpoint, async ({ ctx, body }) => {
  const result = await ingestLineage(ctx, body);
  return jsonResponse(result, result.stored > 0 ? 201 : 200);
});
