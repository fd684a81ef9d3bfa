import { z } from "zod";

// The inbox's inputs and answers, shared by the API, the bell and the /notifications page.
export const NOTIFICATION_KINDS = ["mention", "change_request", "approved", "rejected"] as const;

export const listNotificationsQuery = z.object({
  unread: z.enum(["true", "false"], { message: "Use true or false" }).optional().describe("true: only notifications not read yet"),
  cursor: z.string().optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export type ListNotificationsQuery = z.infer<typeof listNotificationsQuery>;

export const markReadSchema = z
  .object({
    ids: z.array(z.uuid({ message: "Must be a notification id" })).min(1, "Name at least one notification").max(100, "At most 100 at a time").optional(),
    all: z.literal(true, { message: "all must be true when given" }).optional().describe("Mark every notification read"),
  })
  .strict()
  .refine((v) => (v.ids ? 1 : 0) + (v.all ? 1 : 0) === 1, { message: "Send either ids or all: true", path: ["ids"] })
  .meta({ id: "MarkNotificationsReadInput" });
export type MarkReadInput = z.infer<typeof markReadSchema>;

export const notificationSchema = z
  .object({
    id: z.string(),
    kind: z.enum(NOTIFICATION_KINDS),
    useCaseId: z.string(),
    useCaseTitle: z.string(),
    actorName: z.string().nullable(),
    excerpt: z.string(),
    readAt: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: "Notification" });
export type NotificationView = z.infer<typeof notificationSchema>;

export const notificationPageSchema = z
  .object({ items: z.array(notificationSchema), nextCursor: z.string().nullable(), unreadCount: z.number().describe("Unread notifications in total, for the bell") })
  .meta({ id: "NotificationPage" });
export type NotificationPage = z.infer<typeof notificationPageSchema>;

export const markReadResultSchema = z.object({ updated: z.number(), unreadCount: z.number() }).meta({ id: "MarkNotificationsReadResult" });
