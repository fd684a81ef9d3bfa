import { handle } from "@/lib/http/handle";
import { listPromotionsEndpoint, requestPromotionEndpoint } from "@/lib/api/promotions-endpoints";
import { getPromotion, listPromotions } from "@/lib/promotions/read";
import { requestPromotion } from "@/lib/promotions/request";

export const GET = handle(listPromotionsEndpoint, ({ ctx, query }) => listPromotions(ctx.actor, query));
export const POST = handle(requestPromotionEndpoint, async ({ ctx, body }) => getPromotion(ctx.actor, await requestPromotion(ctx, body)));
