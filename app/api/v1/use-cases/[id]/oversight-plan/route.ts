import { handle } from "@/lib/http/handle";
import { oversightPlanEndpoint } from "@/lib/api/use-case-endpoints";
import { documentOversightPlan } from "@/lib/use-cases/oversight-plan";

export const PUT = handle(oversightPlanEndpoint, ({ ctx, params, body }) => documentOversightPlan(ctx, params.id, body));
