import type { NotificationView } from "@/lib/notifications/schemas";

/** "<who> <what> <use case>": how each kind of notification reads, on its page and on the home page. */
export const NOTIFICATION_WHAT: Record<NotificationView["kind"], string> = { mention: "mentioned you on", change_request: "requested changes to", approved: "approved for build", rejected: "rejected" };
