import { handle } from "@/lib/http/handle";
import { createRubricEndpoint, listRubricsEndpoint } from "@/lib/api/use-case-endpoints";
import { createRubric, listRubrics } from "@/lib/use-cases/rubrics";

export const GET = handle(listRubricsEndpoint, ({ ctx }) => listRubrics(ctx.actor));
export const POST = handle(createRubricEndpoint, ({ ctx, body }) => createRubric(ctx, body));
