import { handle } from "@/lib/http/handle";
import { getUseCaseEndpoint, updateUseCaseEndpoint } from "@/lib/api/use-case-endpoints";
import { updateUseCase } from "@/lib/use-cases/intake";
import { getUseCase } from "@/lib/use-cases/read";

export const GET = handle(getUseCaseEndpoint, ({ ctx, params }) => getUseCase(ctx.actor, params.id));
export const PATCH = handle(updateUseCaseEndpoint, ({ ctx, params, body }) => updateUseCase(ctx, params.id, body));
