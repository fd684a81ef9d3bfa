import { handle } from "@/lib/http/handle";
import { listAuditEndpoint } from "@/lib/api/foundation-endpoints";
import { listAuditEvents } from "@/lib/audit/list";

export const GET = handle(listAuditEndpoint, ({ ctx, query }) => listAuditEvents(ctx.actor, query));
