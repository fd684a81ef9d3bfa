import { handle } from "@/lib/http/handle";
import { setTeamsEndpoint } from "@/lib/api/foundation-endpoints";
import { setUserTeams } from "@/lib/users/users";

export const PUT = handle(setTeamsEndpoint, ({ ctx, params, body }) => setUserTeams(ctx, params.id, body));
