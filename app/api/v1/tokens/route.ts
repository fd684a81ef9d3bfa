import { handle } from "@/lib/http/handle";
import { createTokenEndpoint, listTokensEndpoint } from "@/lib/api/foundation-endpoints";
import { createApiToken, listApiTokens } from "@/lib/tokens/tokens";

export const GET = handle(listTokensEndpoint, ({ ctx, query }) => listApiTokens(ctx.actor, query));
export const POST = handle(createTokenEndpoint, ({ ctx, body }) => createApiToken(ctx, body));
