import { handle } from "@/lib/http/handle";
import { setAccessEndpoint } from "@/lib/api/foundation-endpoints";
import { setUserAccess } from "@/lib/users/users";

export const PUT = handle(setAccessEndpoint, ({ ctx, params, body }) => setUserAccess(ctx, params.id, body));
