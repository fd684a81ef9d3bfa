import { handle } from "@/lib/http/handle";
import { updateEnvironmentEndpoint } from "@/lib/api/promotions-endpoints";
import { updateEnvironment } from "@/lib/environments/environments";

export const PATCH = handle(updateEnvironmentEndpoint, ({ ctx, params, body }) => updateEnvironment(ctx, params.key, body));
