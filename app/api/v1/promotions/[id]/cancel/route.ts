import { handle } from "@/lib/http/handle";
import { cancelPromotionEndpoint } from "@/lib/api/promotions-endpoints";
import { getPromotion } from "@/lib/promotions/read";
import { cancelPromotion } from "@/lib/promotions/request";

export const POST = handle(cancelPromotionEndpoint, async ({ ctx, params }) => (await cancelPromotion(ctx, params.id), getPromotion(ctx.actor, params.id)));
