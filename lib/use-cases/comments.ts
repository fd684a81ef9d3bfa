import "server-only";
import { db } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { decodeCursor, encodeCursor, type Page } from "@/lib/http/cursor";
import { recordAudit } from "@/lib/audit/record";
import type { RequestContext } from "@/lib/http/context";
import type { Actor } from "@/lib/policy/actor";
import { requirePermission } from "@/lib/policy/require";
import { visibleWhere } from "@/lib/use-cases/access";
import type { CommentInput, ListCommentsQuery } from "@/lib/use-cases/schemas";
import type { CommentView } from "@/lib/use-cases/views";
import { notify, usersByHandle, whoMayRead } from "@/lib/notifications/notify";

/** "@priya.owner" mentions the user whose e-mail starts with "priya.owner@". */
export function mentionHandles(body: string): string[] {
  return [...new Set([...body.matchAll(/(?:^|\s)@([a-z0-9][a-z0-9._-]*[a-z0-9])/gi)].map((m) => m[1]!.toLowerCase()))];
}

async function visibleUseCase(actor: Actor, id: string) {
  const uc = await db().useCase.findFirst({ where: { id, ...visibleWhere(actor) }, select: { id: true, teamId: true, ownerId: true } });
  if (!uc) throw notFound("The use case");
  return uc;
}

/**
 * Keyset-paged on (createdAt, id), oldest first (the conversation from its start) or newest
 * first (the page shows the latest comments and offers the earlier ones above them).
 */
export async function listComments(actor: Actor, useCaseId: string, q: ListCommentsQuery): Promise<Page<CommentView>> {
  await visibleUseCase(actor, useCaseId);
  const after = q.cursor ? decodeCursor(q.cursor) : null;
  const at = after ? new Date(String(after.k)) : null;
  if (after && (!at || Number.isNaN(at.getTime()))) throw new AppError("validation", "The cursor is not valid; start again from the first page.", { errors: [{ path: "cursor", message: "Invalid cursor" }] });
  const dir = q.order === "newest" ? "desc" : "asc";
  const past = q.order === "newest" ? "lt" : "gt";
  const rows = await db().useCaseComment.findMany({
    where: { useCaseId, ...(at && after ? { OR: [{ createdAt: { [past]: at } }, { createdAt: at, id: { [past]: after.id } }] } : {}) },
    orderBy: [{ createdAt: dir }, { id: dir }], include: { author: { select: { name: true } } }, take: q.limit + 1,
  });
  const page = rows.slice(0, q.limit);
  const ids = [...new Set(page.flatMap((r) => r.mentionIds))];
  const names = new Map((await db().user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } })).map((u) => [u.id, u.name]));
  const last = page.at(-1);
  return {
    items: page.map((r) => ({
      id: r.id, kind: r.kind, body: r.body, authorId: r.authorId, authorName: r.author.name,
      mentions: r.mentionIds.map((id) => ({ id, name: names.get(id) ?? "unknown" })), createdAt: r.createdAt.toISOString(),
    })),
    nextCursor: rows.length > q.limit && last ? encodeCursor({ k: last.createdAt.toISOString(), id: last.id }) : null,
  };
}

/**
 * A comment; each @mentioned person who may read the use case is notified in the same
 * transaction. A handle of someone who may not read it stays plain text: a mention must
 * not send anyone to a page they cannot open.
 */
export async function addComment(ctx: RequestContext & { actor: Actor }, useCaseId: string, input: CommentInput): Promise<CommentView> {
  const uc = await visibleUseCase(ctx.actor, useCaseId);
  requirePermission(ctx.actor, "usecase.comment", { teamId: uc.teamId, ownerId: uc.ownerId });
  const { row, mentioned } = await db().$transaction(async (tx) => {
    const mentioned = whoMayRead(await usersByHandle(tx, mentionHandles(input.body)), uc).map((u) => ({ id: u.userId, name: u.name }));
    const c = await tx.useCaseComment.create({ data: { useCaseId, authorId: ctx.actor.userId, body: input.body, mentionIds: mentioned.map((m) => m.id) }, include: { author: { select: { name: true } } } });
    const notified = await notify(tx, { useCaseId, actorId: ctx.actor.userId, text: input.body, recipients: mentioned.map((m) => ({ userId: m.id, kind: "mention" as const })) });
    await recordAudit(tx, ctx, { action: "use_case.commented", entityType: "use_case", entityId: useCaseId, before: null, after: { commentId: c.id, mentions: mentioned.map((m) => m.id), notified } });
    return { row: c, mentioned };
  });
  return { id: row.id, kind: row.kind, body: row.body, authorId: row.authorId, authorName: row.author.name, mentions: mentioned, createdAt: row.createdAt.toISOString() };
}
