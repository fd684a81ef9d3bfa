import { handle } from "@/lib/http/handle";
import { impactEndpoint } from "@/lib/api/lineage-endpoints";
import { impactAnalysis } from "@/lib/lineage/impact";
import { impactCsv } from "@/lib/lineage/impact-csv";

export const GET = handle(impactEndpoint, async ({ ctx, query }) => {
  if (query.format === "json") return impactAnalysis(ctx.actor, query);
  const csv = await impactCsv(ctx.actor, query);
  return new Response(csv.body, {
    headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="${csv.filename}"`, "x-impact-truncated": String(csv.truncated) },
  });
});
