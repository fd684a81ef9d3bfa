import { handle } from "@/lib/http/handle";
import { addCommentEndpoint, listCommentsEndpoint } from "@/lib/api/use-case-endpoints";
import { addComment, listComments } from "@/lib/use-cases/comments";

export const GET = handle(listCommentsEndpoint, ({ ctx, params, query }) => listComments(ctx.actor, params.id, query));
export const POST = handle(addCommentEndpoint, ({ ctx, params, body }) => addComment(ctx, params.id, body));
