import { handle } from "@/lib/http/handle";
import { updateRubricEndpoint } from "@/lib/api/use-case-endpoints";
import { updateRubric } from "@/lib/use-cases/rubrics";

export const PUT = handle(updateRubricEndpoint, ({ ctx, params, body }) => updateRubric(ctx, params.id, body));
