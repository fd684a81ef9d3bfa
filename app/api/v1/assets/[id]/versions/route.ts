import { handle } from "@/lib/http/handle";
import { jsonResponse } from "@/lib/http/json";
import { listVersionsEndpoint, registerVersionEndpoint } from "@/lib/api/catalog-endpoints";
import { listVersions, registerVersion } from "@/lib/catalog/versions";

export const GET = handle(listVersionsEndpoint, ({ ctx, params, query }) => listVersions(ctx.actor, params.id, query));
export const POST = handle(registerVersionEndpoint, async ({ ctx, params, body }) => {
  const { version, created } = await registerVersion(ctx, params.id, body);
  return jsonResponse(version, created ? 201 : 200);
});
