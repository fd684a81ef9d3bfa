import { handle } from "@/lib/http/handle";
import { listUsersEndpoint } from "@/lib/api/foundation-endpoints";
import { listUsers } from "@/lib/users/users";

export const GET = handle(listUsersEndpoint, ({ ctx, query }) => listUsers(ctx.actor, query));
