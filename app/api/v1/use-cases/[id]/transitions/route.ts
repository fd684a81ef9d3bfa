import { handle } from "@/lib/http/handle";
import { transitionUseCaseEndpoint } from "@/lib/api/use-case-endpoints";
import { transitionUseCase } from "@/lib/use-cases/transition";

export const POST = handle(transitionUseCaseEndpoint, ({ ctx, params, body }) => transitionUseCase(ctx, params.id, body));
