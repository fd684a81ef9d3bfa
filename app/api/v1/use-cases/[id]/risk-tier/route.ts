import { handle } from "@/lib/http/handle";
import { overrideTierEndpoint } from "@/lib/api/use-case-endpoints";
import { overrideTier } from "@/lib/use-cases/intake";

export const PUT = handle(overrideTierEndpoint, ({ ctx, params, body }) => overrideTier(ctx, params.id, body));
