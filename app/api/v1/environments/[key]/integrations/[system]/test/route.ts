import { handle } from "@/lib/http/handle";
import { testIntegrationEndpoint } from "@/lib/api/integration-endpoints";
import { testIntegration } from "@/lib/environments/integration-test";

export const POST = handle(testIntegrationEndpoint, ({ ctx, params, body }) => testIntegration(ctx, params.key, params.system, body));
