import { handle } from "@/lib/http/handle";
import { impactItemsEndpoint } from "@/lib/api/lineage-endpoints";
import { impactListPage } from "@/lib/lineage/impact";

export const GET = handle(impactItemsEndpoint, ({ ctx, query }) => impactListPage(ctx.actor, query));
