import { handle } from "@/lib/http/handle";
import { createTeamEndpoint, listTeamsEndpoint } from "@/lib/api/foundation-endpoints";
import { createTeam, listTeams } from "@/lib/users/teams";

export const GET = handle(listTeamsEndpoint, async ({ ctx }) => ({ items: await listTeams(ctx.actor) }));
export const POST = handle(createTeamEndpoint, ({ ctx, body }) => createTeam(ctx, body));
