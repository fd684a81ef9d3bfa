import { handle } from "@/lib/http/handle";
import { asOfEndpoint } from "@/lib/api/promotions-endpoints";
import { inProductionAt } from "@/lib/promotions/dashboard";

export const GET = handle(asOfEndpoint, ({ ctx, query }) => inProductionAt(ctx.actor, query));
