import { defineEndpoint } from "@/lib/http/endpoint";
import { listNotificationsQuery, markReadResultSchema, markReadSchema, notificationPageSchema } from "@/lib/notifications/schemas";

const TAG = "Notifications";

export const listNotificationsEndpoint = defineEndpoint({
  method: "GET", path: "/api/v1/notifications", tag: TAG, auth: "actor", permission: "notification.read",
  summary: "The caller's notifications (mentions, change requests), newest first, with the unread count", query: listNotificationsQuery, response: notificationPageSchema,
});
export const markNotificationsReadEndpoint = defineEndpoint({
  method: "POST", path: "/api/v1/notifications/read", tag: TAG, auth: "actor", permission: "notification.read",
  summary: "Mark some of the caller's notifications (ids) or all of them (all: true) read", body: markReadSchema, response: markReadResultSchema,
});
