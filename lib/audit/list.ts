import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { decodeCursor, encodeCursor, type Page } from "@/lib/http/cursor";
import type { Actor } from "@/lib/policy/actor";
import { requirePermission } from "@/lib/policy/require";

export const listAuditQuery = z.object({
  actor: z.string().trim().max(200).optional().describe("Actor id or part of the actor's label (e-mail)"),
  entityType: z.string().trim().max(100).optional(),
  entityId: z.string().trim().max(200).optional(),
  action: z.string().trim().max(100).optional().describe("Exact action, or a prefix ending in '.' (e.g. token.)"),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  cursor: z.string().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type ListAuditQuery = z.infer<typeof listAuditQuery>;

export const auditEventSchema = z
  .object({
    seq: z.string(),
    createdAt: z.string(),
    actorType: z.string(),
    actorId: z.string().nullable(),
    actorLabel: z.string(),
    action: z.string(),
    entityType: z.string(),
    entityId: z.string(),
    diff: z.unknown(),
    requestId: z.string().nullable(),
    hash: z.string(),
  })
  .meta({ id: "AuditEvent" });
export type AuditEventView = z.infer<typeof auditEventSchema>;

/** Newest first, keyset-paged on seq (the chain order), every filter served by an index. */
export async function listAuditEvents(actor: Actor, q: ListAuditQuery): Promise<Page<AuditEventView>> {
  requirePermission(actor, "audit.read");
  const before = q.cursor ? BigInt(decodeCursor(q.cursor).id) : null;
  const rows = await db().auditEvent.findMany({
    where: {
      ...(q.actor ? { OR: [{ actorId: q.actor }, { actorLabel: { contains: q.actor, mode: "insensitive" } }] } : {}),
      ...(q.entityType ? { entityType: q.entityType } : {}),
      ...(q.entityId ? { entityId: q.entityId } : {}),
      ...(q.action ? (q.action.endsWith(".") ? { action: { startsWith: q.action } } : { action: q.action }) : {}),
      ...(q.from || q.to ? { createdAt: { ...(q.from ? { gte: new Date(q.from) } : {}), ...(q.to ? { lte: new Date(q.to) } : {}) } } : {}),
      ...(before !== null ? { seq: { lt: before } } : {}),
    },
    orderBy: { seq: "desc" },
    take: q.limit + 1,
  });
  const items = rows.slice(0, q.limit).map((r) => ({
    seq: r.seq.toString(), createdAt: r.createdAt.toISOString(), actorType: r.actorType, actorId: r.actorId, actorLabel: r.actorLabel,
    action: r.action, entityType: r.entityType, entityId: r.entityId, diff: r.diff, requestId: r.requestId, hash: r.hash,
  }));
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > q.limit && last ? encodeCursor({ k: 0, id: last.seq }) : null };
}
