import { handle } from "@/lib/http/handle";
import { revokeTokenEndpoint } from "@/lib/api/foundation-endpoints";
import { revokeApiToken } from "@/lib/tokens/tokens";

export const DELETE = handle(revokeTokenEndpoint, ({ ctx, params }) => revokeApiToken(ctx, params.id));
