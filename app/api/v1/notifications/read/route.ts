import { handle } from "@/lib/http/handle";
import { markNotificationsReadEndpoint } from "@/lib/api/notification-endpoints";
import { markRead } from "@/lib/notifications/inbox";

export const POST = handle(markNotificationsReadEndpoint, ({ ctx, body }) => markRead(ctx, body));
