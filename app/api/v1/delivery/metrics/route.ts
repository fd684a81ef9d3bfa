import { handle } from "@/lib/http/handle";
import { metricsEndpoint } from "@/lib/api/promotions-endpoints";
import { deliveryMetrics } from "@/lib/promotions/dashboard";

export const GET = handle(metricsEndpoint, ({ ctx }) => deliveryMetrics(ctx.actor));
