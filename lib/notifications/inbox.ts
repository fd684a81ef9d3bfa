import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { decodeCursor, encodeCursor } from "@/lib/http/cursor";
import type { RequestContext } from "@/lib/http/context";
import type { Actor } from "@/lib/policy/actor";
import { can, requirePermission } from "@/lib/policy/require";
import { visibleWhere } from "@/lib/use-cases/access";
import type { ListNotificationsQuery, MarkReadInput, NotificationPage } from "@/lib/notifications/schemas";

// The caller's own inbox. Only notifications about use cases the caller may still read
// are shown or counted: someone who left a team does not keep reading its titles here.

function mine(actor: Actor): Prisma.NotificationWhereInput {
  requirePermission(actor, "notification.read");
  return { recipientId: actor.userId, useCase: can(actor, "usecase.read") ? visibleWhere(actor) : { id: { in: [] } } };
}

const unreadCount = (actor: Actor) => db().notification.count({ where: { ...mine(actor), readAt: null } });

/** Newest first, keyset-paged, optionally unread only, with the unread total for the bell. */
export async function listNotifications(actor: Actor, q: ListNotificationsQuery): Promise<NotificationPage> {
  const after = q.cursor ? decodeCursor(q.cursor) : null;
  const at = after ? new Date(String(after.k)) : null;
  if (at && Number.isNaN(at.getTime())) throw new AppError("validation", "The cursor is not valid; start again from the first page.", { errors: [{ path: "cursor", message: "Invalid cursor" }] });
  const where: Prisma.NotificationWhereInput = {
    ...mine(actor),
    ...(q.unread === "true" ? { readAt: null } : {}),
    ...(at && after ? { OR: [{ createdAt: { lt: at } }, { createdAt: at, id: { lt: after.id } }] } : {}),
  };
  const [rows, unread] = await Promise.all([
    db().notification.findMany({
      where, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: q.limit + 1,
      include: { useCase: { select: { title: true } }, actor: { select: { name: true } } },
    }),
    unreadCount(actor),
  ]);
  const page = rows.slice(0, q.limit);
  const last = page.at(-1);
  return {
    items: page.map((n) => ({
      id: n.id, kind: n.kind, useCaseId: n.useCaseId, useCaseTitle: n.useCase.title, actorName: n.actor?.name ?? null,
      excerpt: n.excerpt, readAt: n.readAt?.toISOString() ?? null, createdAt: n.createdAt.toISOString(),
    })),
    nextCursor: rows.length > q.limit && last ? encodeCursor({ k: last.createdAt.toISOString(), id: last.id }) : null,
    unreadCount: unread,
  };
}

/**
 * Marks the named notifications (or all) read. Read state is the reader's own view of
 * their inbox, not a change to shared records, so it is not an audit event. A named id
 * that is not the caller's answers 404 exactly like a missing one, and nothing changes.
 */
export async function markRead(ctx: RequestContext & { actor: Actor }, input: MarkReadInput): Promise<{ updated: number; unreadCount: number }> {
  const where = mine(ctx.actor);
  const updated = await db().$transaction(async (tx) => {
    if (input.ids) {
      const ids = [...new Set(input.ids)];
      const found = new Set((await tx.notification.findMany({ where: { ...where, id: { in: ids } }, select: { id: true } })).map((n) => n.id));
      const missing = ids.filter((id) => !found.has(id));
      if (missing.length) throw new AppError("not_found", `${missing.length === 1 ? "A notification was" : `${missing.length} notifications were`} not found.`, { extra: { missing } });
      return (await tx.notification.updateMany({ where: { id: { in: ids }, readAt: null }, data: { readAt: new Date() } })).count;
    }
    return (await tx.notification.updateMany({ where: { ...where, readAt: null }, data: { readAt: new Date() } })).count;
  });
  return { updated, unreadCount: await unreadCount(ctx.actor) };
}
