import { handle } from "@/lib/http/handle";
import { assetFacetsEndpoint } from "@/lib/api/catalog-endpoints";
import { assetFacets } from "@/lib/catalog/facets";

export const GET = handle(assetFacetsEndpoint, ({ ctx, query }) => assetFacets(ctx.actor, query));
