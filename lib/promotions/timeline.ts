import "server-only";
import type { Tx } from "@/lib/db";

export interface TimelineEntry {
  kind: "state" | "gates" | "decision" | "step" | "call" | "note";
  message: string;
  step?: string;
  request?: Record<string, unknown>;
  responseStatus?: number;
  durationMs?: number;
  data?: Record<string, unknown>;
}

/** Appends to the promotion's timeline (shown live on the promotion page). */
export async function addTimeline(tx: Tx, promotionId: string, e: TimelineEntry): Promise<void> {
  await tx.promotionEvent.create({
    data: {
      promotionId,
      kind: e.kind,
      message: e.message,
      step: e.step ?? null,
      request: (e.request ?? undefined) as object | undefined,
      responseStatus: e.responseStatus ?? null,
      durationMs: e.durationMs ?? null,
      data: (e.data ?? {}) as object,
    },
  });
}
