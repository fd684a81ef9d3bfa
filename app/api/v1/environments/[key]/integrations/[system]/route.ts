import { handle } from "@/lib/http/handle";
import { removeIntegrationEndpoint, saveIntegrationEndpoint } from "@/lib/api/integration-endpoints";
import { removeIntegration, saveIntegration } from "@/lib/environments/integrations";

export const PUT = handle(saveIntegrationEndpoint, ({ ctx, params, body }) => saveIntegration(ctx, params.key, params.system, body));
export const DELETE = handle(removeIntegrationEndpoint, ({ ctx, params }) => removeIntegration(ctx, params.key, params.system));
