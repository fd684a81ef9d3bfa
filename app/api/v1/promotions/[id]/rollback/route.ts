import { handle } from "@/lib/http/handle";
import { rollbackPromotionEndpoint } from "@/lib/api/promotions-endpoints";
import { requestRollback } from "@/lib/promotions/decide";

export const POST = handle(rollbackPromotionEndpoint, ({ ctx, params, body }) => requestRollback(ctx, params.id, body.reason));
