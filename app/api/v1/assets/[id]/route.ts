import { handle } from "@/lib/http/handle";
import { getAssetEndpoint } from "@/lib/api/catalog-endpoints";
import { getAsset } from "@/lib/catalog/assets";

export const GET = handle(getAssetEndpoint, ({ ctx, params }) => getAsset(ctx.actor, params.id));
