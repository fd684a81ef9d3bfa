import "server-only";
import { randomUUID } from "node:crypto";
import { db, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { recordAudit } from "@/lib/audit/record";
import type { RequestContext } from "@/lib/http/context";
import type { Actor } from "@/lib/policy/actor";
import { requirePermission } from "@/lib/policy/require";
import { normalizeEvent, type NormalizedEvent } from "@/lib/lineage/normalize";
import { validateEvent } from "@/lib/lineage/validate";
import { claimBatch } from "@/lib/lineage/claim-batch";
import { writeBatch, type BatchStats } from "@/lib/lineage/write-batch";
import { MAX_BATCH_EVENTS, MAX_EVENT_BYTES } from "@/lib/lineage/limits";


export interface IngestResult extends Partial<BatchStats> { received: number; stored: number; duplicates: number }

/**
 * Accepts one OpenLineage event or a JSON array of them. All or nothing: any invalid
 * event refuses the whole batch (422 with each error's event index, instance path and
 * schema path). Valid events are stored verbatim, deduplicated by run id + event type +
 * event time, and folded into runs, assets, versions and edges in one transaction with
 * one audit event for the batch.
 */
export async function ingestLineage(ctx: RequestContext & { actor: Actor }, body: unknown): Promise<IngestResult> {
  requirePermission(ctx.actor, "lineage.write");
  const batch = Array.isArray(body) ? body : [body];
  if (batch.length === 0) throw new AppError("validation", "The batch is empty; send at least one event.", { errors: [{ path: "", message: "Empty array" }] });
  if (batch.length > MAX_BATCH_EVENTS) throw new AppError("payload_too_large", `A batch holds at most ${MAX_BATCH_EVENTS} events; split it.`);

  const errors: { index: number; instancePath: string; schemaPath: string; message: string }[] = [];
  const normalized: NormalizedEvent[] = [];
  batch.forEach((event, index) => {
    const found = validateEvent(event);
    if (found.length) return errors.push(...found.map((e) => ({ index, ...e })));
    const n = normalizeEvent(event);
    if (Buffer.byteLength(n.payload) > MAX_EVENT_BYTES)
      throw new AppError("payload_too_large", `Event ${index} is larger than ${MAX_EVENT_BYTES} bytes; OpenLineage events that large are refused.`);
    normalized.push(n);
  });
  if (errors.length) {
    const prefix = (i: number) => (Array.isArray(body) ? `[${i}]` : "");
    throw new AppError("validation", `${new Set(errors.map((e) => e.index)).size} event(s) do not match the OpenLineage schema; nothing was stored.`, {
      errors: errors.slice(0, 200).map((e) => ({ path: `${prefix(e.index)}${e.instancePath.replace(/^\//, "").replace(/\//g, ".")}`, message: `${e.message} (schema ${e.schemaPath})` })),
      extra: { eventErrors: errors.slice(0, 200) },
    });
  }

  return db().$transaction(async (tx) => {
    const { fresh, stats } = await storeEvents(tx, normalized);
    const result: IngestResult = { received: batch.length, stored: fresh, duplicates: batch.length - fresh };
    if (!stats) return result;
    await recordAudit(tx, ctx, { action: "lineage.ingested", entityType: "lineage_batch", entityId: ctx.requestId ?? randomUUID(), after: { ...result, ...stats } });
    return { ...result, ...stats };
  }, { timeout: 60_000, maxWait: 10_000 });
}

/**
 * Stores new events verbatim (duplicates skipped by dedupe key) and folds them in, in
 * two statements whatever the batch size; the caller audits.
 */
export async function storeEvents(tx: Tx, normalized: NormalizedEvent[]): Promise<{ fresh: number; stats: BatchStats | null }> {
  // The same event twice in one batch counts once.
  const unique = [...new Map(normalized.map((n) => [n.dedupeKey, n])).values()];
  const { fresh, ids } = await claimBatch(tx, unique);
  if (fresh.size === 0) return { fresh: 0, stats: null };
  return { fresh: fresh.size, stats: await writeBatch(tx, unique.filter((n) => fresh.has(n.dedupeKey)), ids) };
}
