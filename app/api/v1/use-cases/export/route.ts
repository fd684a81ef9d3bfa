import { handle } from "@/lib/http/handle";
import { exportUseCasesEndpoint } from "@/lib/api/use-case-endpoints";
import { exportUseCasesCsv } from "@/lib/use-cases/export-csv";

export const GET = handle(exportUseCasesEndpoint, async ({ ctx, query }) =>
  new Response(exportUseCasesCsv(ctx.actor, query), {
    headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="use-cases-${new Date().toISOString().slice(0, 10)}.csv"` },
  }),
);
