import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { RequestContext } from "@/lib/http/context";
import type { Actor } from "@/lib/policy/actor";
import { requirePermission } from "@/lib/policy/require";
import { normalizeEvent, type NormalizedEvent } from "@/lib/lineage/normalize";
import { validateEvent } from "@/lib/lineage/validate";
import { batchStats, type BatchStats } from "@/lib/lineage/batch-rows";
import { storeBatch, type Queryable, type Sender } from "@/lib/lineage/store-batch";
import { retryOnAssetRace } from "@/lib/lineage/asset-race";
import { MAX_BATCH_EVENTS, MAX_EVENT_BYTES } from "@/lib/lineage/limits";


export interface IngestResult extends Partial<BatchStats> { received: number; stored: number; duplicates: number }

/**
 * Accepts one OpenLineage event or a JSON array of them. All or nothing: any invalid
 * event refuses the whole batch (422 with each error's event index, instance path and
 * schema path). Valid events are stored verbatim, deduplicated by run id + event type +
 * event time, and folded into runs, assets, versions and edges by one statement (atomic
 * by itself: store-batch.ts).
 *
 * No audit event: each stored event row names who sent it (user, token, request id),
 * which is the record of an ingestion. The audit chain is for decisions and changes
 * people make; one event per ingestion request made every pipeline's request wait for
 * the chain's lock (one writer at a time across the portal) and doubled its writes.
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

  const sender: Sender = { userId: ctx.actor.userId, tokenId: ctx.actor.tokenId ?? null, requestId: ctx.requestId ?? null };
  const { fresh, stats } = await retryOnAssetRace(() => storeEvents(db(), normalized, sender));
  return { received: batch.length, stored: fresh, duplicates: batch.length - fresh, ...stats };
}

/**
 * Stores new events verbatim (duplicates skipped by dedupe key) and folds them in, in
 * one statement whatever the batch size, on the root client or inside a transaction.
 */
export async function storeEvents(client: Queryable, normalized: NormalizedEvent[], sender: Sender | null = null): Promise<{ fresh: number; stats: BatchStats | null }> {
  // The same event twice in one batch counts once.
  const unique = [...new Map(normalized.map((n) => [n.dedupeKey, n])).values()];
  const fresh = await storeBatch(client, unique, sender);
  if (fresh.size === 0) return { fresh: 0, stats: null };
  return { fresh: fresh.size, stats: batchStats(unique.filter((_, x) => fresh.has(x))) };
}
