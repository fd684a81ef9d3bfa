import { handle } from "@/lib/http/handle";
import { createEnvironmentEndpoint, listEnvironmentsEndpoint } from "@/lib/api/promotions-endpoints";
import { createEnvironment, listEnvironments } from "@/lib/environments/environments";

export const GET = handle(listEnvironmentsEndpoint, async ({ ctx }) => ({ items: await listEnvironments(ctx.actor) }));
export const POST = handle(createEnvironmentEndpoint, ({ ctx, body }) => createEnvironment(ctx, body));
