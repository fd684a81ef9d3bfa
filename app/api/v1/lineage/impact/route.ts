import { handle } from "@/lib/http/handle";
import { impactEndpoint } from "@/lib/api/lineage-endpoints";
import { impactAnalysis } from "@/lib/lineage/impact";
import { impactCsv } from "@/lib/lineage/impact-csv";

export const GET = handle(impactEndpoint, async ({ ctx, query }) => {
  const impact = await impactAnalysis(ctx.actor, query);
  if (query.format === "json") return impact;
  return new Response(impactCsv(impact), {
    headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="impact-${impact.root.name.replace(/[^\w.-]+/g, "_")}.csv"` },
  });
});
