import { handle } from "@/lib/http/handle";
import { jsonResponse } from "@/lib/http/json";
import { registerAssetEndpoint, searchAssetsEndpoint } from "@/lib/api/catalog-endpoints";
import { registerAsset } from "@/lib/catalog/assets";
import { searchAssets } from "@/lib/catalog/search";

export const GET = handle(searchAssetsEndpoint, ({ ctx, query }) => searchAssets(ctx.actor, query));
export const POST = handle(registerAssetEndpoint, async ({ ctx, body }) => {
  const { asset, created } = await registerAsset(ctx, body);
  return jsonResponse(asset, created ? 201 : 200);
});
