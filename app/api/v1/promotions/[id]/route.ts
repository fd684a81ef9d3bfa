import { handle } from "@/lib/http/handle";
import { getPromotionEndpoint } from "@/lib/api/promotions-endpoints";
import { getPromotion } from "@/lib/promotions/read";

export const GET = handle(getPromotionEndpoint, ({ ctx, params }) => getPromotion(ctx.actor, params.id));
