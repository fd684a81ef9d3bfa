import { handle } from "@/lib/http/handle";
import { createUseCaseEndpoint, listUseCasesEndpoint } from "@/lib/api/use-case-endpoints";
import { createUseCase } from "@/lib/use-cases/intake";
import { listUseCases } from "@/lib/use-cases/list";

export const GET = handle(listUseCasesEndpoint, ({ ctx, query }) => listUseCases(ctx.actor, query));
export const POST = handle(createUseCaseEndpoint, ({ ctx, body }) => createUseCase(ctx, body));
