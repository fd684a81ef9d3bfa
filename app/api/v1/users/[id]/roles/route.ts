import { handle } from "@/lib/http/handle";
import { setRolesEndpoint } from "@/lib/api/foundation-endpoints";
import { setUserRoles } from "@/lib/users/users";

export const PUT = handle(setRolesEndpoint, ({ ctx, params, body }) => setUserRoles(ctx, params.id, body));
