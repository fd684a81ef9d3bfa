import { handle } from "@/lib/http/handle";
import { meEndpoint } from "@/lib/api/foundation-endpoints";
import { getMe } from "@/lib/users/users";

export const GET = handle(meEndpoint, ({ ctx }) => getMe(ctx.actor));
