import { handle } from "@/lib/http/handle";
import { submitPromotionEndpoint } from "@/lib/api/promotions-endpoints";
import { getPromotion } from "@/lib/promotions/read";
import { submitPromotion } from "@/lib/promotions/request";

export const POST = handle(submitPromotionEndpoint, async ({ ctx, params }) => (await submitPromotion(ctx, params.id), getPromotion(ctx.actor, params.id)));
