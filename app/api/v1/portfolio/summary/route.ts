import { handle } from "@/lib/http/handle";
import { portfolioSummaryEndpoint } from "@/lib/api/use-case-endpoints";
import { portfolioSummary } from "@/lib/use-cases/summary";

export const GET = handle(portfolioSummaryEndpoint, ({ ctx }) => portfolioSummary(ctx.actor));
