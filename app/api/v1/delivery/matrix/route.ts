import { handle } from "@/lib/http/handle";
import { matrixEndpoint } from "@/lib/api/promotions-endpoints";
import { environmentMatrix } from "@/lib/promotions/dashboard";

export const GET = handle(matrixEndpoint, ({ ctx }) => environmentMatrix(ctx.actor));
