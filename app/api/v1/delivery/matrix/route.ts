import { handle } from "@/lib/http/handle";
import { matrixEndpoint } from "@/lib/api/promotions-endpoints";
import { environmentMatrix } from "@/lib/promotions/matrix";

export const GET = handle(matrixEndpoint, ({ ctx, query }) => environmentMatrix(ctx.actor, query));
