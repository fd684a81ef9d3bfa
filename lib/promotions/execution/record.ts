import "server-only";
import type { Tx } from "@/lib/db";
import { addTimeline } from "@/lib/promotions/timeline";
import type { Operation, StepName } from "@/lib/promotions/execution/plan";

/** One HTTP exchange as the integration clients report it (see lib/integrations/core/call-record). */
export interface CallLike {
  system: string;
  operation: string;
  method: string;
  path: string;
  status: number | null;
  durationMs: number;
  attempt: number;
  outcome: string;
  error?: string;
}

/** Writes the calls a step made to the timeline: request, response status and timing. */
export async function recordCalls(tx: Tx, promotionId: string, op: Operation, step: StepName, calls: CallLike[]): Promise<void> {
  for (const c of calls) {
    await addTimeline(tx, promotionId, {
      kind: "call",
      step: `${op}.${step}`,
      message: `${c.system} ${c.operation}: ${c.method} ${c.path} → ${c.status ?? c.outcome}${c.error ? ` (${c.error})` : ""}${c.attempt > 1 ? ` [attempt ${c.attempt}]` : ""}`,
      request: { method: c.method, path: c.path, attempt: c.attempt },
      responseStatus: c.status ?? undefined,
      durationMs: c.durationMs,
    });
  }
}
