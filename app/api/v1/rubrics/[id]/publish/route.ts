import { handle } from "@/lib/http/handle";
import { publishRubricEndpoint } from "@/lib/api/use-case-endpoints";
import { publishRubric } from "@/lib/use-cases/rubrics";

export const POST = handle(publishRubricEndpoint, ({ ctx, params }) => publishRubric(ctx, params.id));
