import { handle } from "@/lib/http/handle";
import { decidePromotionEndpoint } from "@/lib/api/promotions-endpoints";
import { decidePromotion } from "@/lib/promotions/decide";

export const POST = handle(decidePromotionEndpoint, ({ ctx, params, body }) => decidePromotion(ctx, params.id, body));
