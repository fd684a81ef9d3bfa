import { handle } from "@/lib/http/handle";
import { listIntegrationsEndpoint } from "@/lib/api/integration-endpoints";
import { listIntegrations } from "@/lib/environments/integrations";

export const GET = handle(listIntegrationsEndpoint, async ({ ctx, params }) => ({ items: await listIntegrations(ctx.actor, params.key) }));
