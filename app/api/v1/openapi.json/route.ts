import { handle } from "@/lib/http/handle";
import { openapiEndpoint } from "@/lib/api/foundation-endpoints";
import { buildOpenApi } from "@/lib/api/openapi";

export const GET = handle(openapiEndpoint, async () => buildOpenApi());
