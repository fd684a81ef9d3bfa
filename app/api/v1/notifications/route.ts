import { handle } from "@/lib/http/handle";
import { listNotificationsEndpoint } from "@/lib/api/notification-endpoints";
import { listNotifications } from "@/lib/notifications/inbox";

export const GET = handle(listNotificationsEndpoint, ({ ctx, query }) => listNotifications(ctx.actor, query));
