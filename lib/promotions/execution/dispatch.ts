import "server-only";
import { fromPrisma, type PgBoss } from "pg-boss";
import { db } from "@/lib/db";
import { WORKER_STATES } from "@/lib/promotions/state-machine";

export const ADVANCE_QUEUE = "promotion.advance";

/**
 * Moves due outbox messages to pg-boss in the same transaction that marks them
 * dispatched (pg-boss writes through our transaction), so a message is enqueued once.
 * SKIP LOCKED lets several workers dispatch side by side.
 */
export async function dispatchOutbox(boss: PgBoss, batch = 50): Promise<number> {
  return db().$transaction(async (tx) => {
    const rows = await tx.$queryRaw<{ id: bigint; topic: string; payload: { promotionId: string } }[]>`
      SELECT id, topic, payload FROM outbox_messages
      WHERE dispatched_at IS NULL AND available_at <= now()
      ORDER BY id LIMIT ${batch} FOR UPDATE SKIP LOCKED`;
    for (const r of rows) {
      await boss.send(r.topic, r.payload, { singletonKey: r.payload.promotionId, db: fromPrisma(tx) });
    }
    if (rows.length) await tx.outboxMessage.updateMany({ where: { id: { in: rows.map((r) => r.id) } }, data: { dispatchedAt: new Date() } });
    return rows.length;
  });
}

/**
 * After a crash nothing may be queued for a promotion a dead worker was running. The
 * sweeper finds promotions in a worker state with no pending outbox message (a scheduled
 * retry must keep its backoff) and queues them; the advisory lock makes extra jobs harmless.
 */
export async function sweepInFlight(boss: PgBoss): Promise<number> {
  const rows = await db().$queryRaw<{ id: string }[]>`
    SELECT p.id::text FROM promotions p
    WHERE p.state::text = ANY(${[...WORKER_STATES]}::text[])
      AND NOT EXISTS (SELECT 1 FROM outbox_messages o WHERE o.dispatched_at IS NULL AND o.payload->>'promotionId' = p.id::text)
    LIMIT 200`;
  for (const r of rows) await boss.send(ADVANCE_QUEUE, { promotionId: r.id }, { singletonKey: r.id });
  return rows.length;
}
