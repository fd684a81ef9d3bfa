import "server-only";
import type { Tx } from "@/lib/db";

// The transactional outbox: a message is written in the same transaction as the state
// change that calls for it, so work is never lost (the change committed) nor invented
// (the change rolled back). The worker's dispatcher moves messages to pg-boss.
export const TOPICS = { advancePromotion: "promotion.advance" } as const;
export type Topic = (typeof TOPICS)[keyof typeof TOPICS];

export async function enqueueOutbox(tx: Tx, topic: Topic, payload: Record<string, unknown>, availableAt?: Date): Promise<void> {
  await tx.outboxMessage.create({ data: { topic, payload: payload as object, ...(availableAt ? { availableAt } : {}) } });
}
