import { handle } from "@/lib/http/handle";
import { inboxEndpoint } from "@/lib/api/promotions-endpoints";
import { approvalsInbox } from "@/lib/promotions/inbox";

export const GET = handle(inboxEndpoint, ({ ctx, query }) => approvalsInbox(ctx.actor, query));
