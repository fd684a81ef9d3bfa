import "server-only";
import { preparedStatement, type Tx } from "@/lib/db";
import type { NormalizedEvent } from "@/lib/lineage/normalize";

// First of the two statements of a batch: store the events verbatim (the dedupe key
// decides which are new) and make sure every job and dataset a NEW event names exists,
// returning the ids. Events whose key is already stored are not folded again.

export const assetKey = (ns: string, name: string) => `${ns}\u0000${name}`;
export interface AssetIds { jobs: Map<string, string>; datasets: Map<string, string> }
/** Who sent the events, stored on each of them (null for the demo seed). */
export interface Sender { userId: string; tokenId: string | null; requestId: string | null }

/** The jobs and datasets (namespace, name) an event writes rows for. */
function assetsOf(e: NormalizedEvent): { kind: "job" | "dataset"; namespace: string; name: string }[] {
  return [
    ...(e.job ? [{ kind: "job" as const, ...e.job }] : []),
    ...e.datasets.map((d) => ({ kind: "dataset" as const, namespace: d.namespace, name: d.name })),
    ...e.columnEdges.flatMap((c) => [{ kind: "dataset" as const, ...c.source }, { kind: "dataset" as const, ...c.target }]),
  ];
}

// Existing assets are found with one unique-index probe per name (LIMIT keeps it a
// nested loop: a hash join would read the whole assets table per batch). A dataset
// also registered as a feature set resolves to one of them, the dataset first, the same
// one every time.
const PROBE = `SELECT a.id, a.kind::text AS kind FROM assets a
  WHERE a.namespace = w.ns AND a.name = w.n AND a.kind = ANY (CASE w.kind WHEN 'job' THEN '{job}'::"AssetKind"[] ELSE '{dataset,feature_set}'::"AssetKind"[] END)
  ORDER BY a.kind LIMIT 1`;

/**
 * The events as one JSON array for json_to_recordset, each payload spliced in as the
 * JSON text it already is: one string parameter instead of six arrays whose every
 * element the driver would escape (that escaping and the garbage it made were a large
 * share of the server's CPU per event).
 */
function eventsJson(events: NormalizedEvent[]): string {
  return `[${events.map((n) => `${JSON.stringify({ k: n.dedupeKey, e: n.eventKind, r: n.runId, y: n.eventType, t: n.eventTime }).slice(0, -1)},"p":${n.payload}}`).join(",")}]`;
}

const CLAIM = preparedStatement("lineage_claim", `WITH ev AS (
       INSERT INTO lineage_events (dedupe_key, event_kind, run_id, event_type, event_time, payload, sent_by_user_id, sent_by_token_id, request_id)
       SELECT k, e, r, y, t, p, $3::uuid, $4::uuid, $5 FROM json_to_recordset($1::json) AS x(k text, e text, r uuid, y text, t timestamptz, p jsonb)
       ON CONFLICT (dedupe_key) DO NOTHING RETURNING dedupe_key
     ), wanted AS (
       SELECT DISTINCT kind, ns, n FROM json_to_recordset($2::json) AS x(kind text, ns text, n text, key text)
       WHERE key IN (SELECT dedupe_key FROM ev)
     ), new_jobs AS (
       -- Sorted, so that concurrent batches take the unique-index locks in one order.
       INSERT INTO assets (kind, namespace, name) SELECT 'job', ns, n FROM wanted WHERE kind = 'job' ORDER BY ns, n
       ON CONFLICT (kind, namespace, name) DO NOTHING RETURNING id, kind::text AS kind, namespace, name
     ), new_datasets AS (
       -- A dataset registered as a feature set stays one: lineage finds it by namespace and name.
       INSERT INTO assets (kind, namespace, name) SELECT 'dataset', ns, n FROM wanted w
       WHERE kind = 'dataset' AND NOT EXISTS (SELECT 1 FROM assets a WHERE a.namespace = w.ns AND a.name = w.n AND a.kind = 'feature_set')
       ORDER BY ns, n
       ON CONFLICT (kind, namespace, name) DO NOTHING RETURNING id, kind::text AS kind, namespace, name
     )
     SELECT dedupe_key AS key, NULL::uuid AS id, NULL AS kind, NULL AS namespace, NULL AS name FROM ev
     UNION ALL SELECT NULL, id, kind, namespace, name FROM new_jobs
     UNION ALL SELECT NULL, id, kind, namespace, name FROM new_datasets
     -- Existing assets, one unique-index probe each (LIMIT keeps it a nested loop: a hash
     -- join would read the whole assets table per batch). A dataset also registered as a
     -- feature set resolves to one of them, the dataset first, the same one every time.
     UNION ALL SELECT NULL, a.id, a.kind, w.ns, w.n FROM wanted w CROSS JOIN LATERAL (${PROBE}) a`);

export async function claimBatch(tx: Tx, events: NormalizedEvent[], sender: Sender | null): Promise<{ fresh: Set<string>; ids: AssetIds }> {
  const named = [...new Map(events.flatMap((e) => assetsOf(e).map((a) => [`${a.kind}\u0000${assetKey(a.namespace, a.name)}\u0000${e.dedupeKey}`, { ...a, key: e.dedupeKey }] as const))).values()];
  const rows = await tx.$queryRawUnsafe<{ key: string | null; id: string | null; kind: string | null; namespace: string | null; name: string | null }[]>(
    CLAIM,
    eventsJson(events), JSON.stringify(named.map((a) => ({ kind: a.kind, ns: a.namespace, n: a.name, key: a.key }))),
    sender?.userId ?? null, sender?.tokenId ?? null, sender?.requestId ?? null,
  );
  const fresh = new Set<string>();
  const ids: AssetIds = { jobs: new Map(), datasets: new Map() };
  const keep = (r: { id: string; kind: string; namespace: string; name: string }) => (r.kind === "job" ? ids.jobs : ids.datasets).set(assetKey(r.namespace, r.name), r.id);
  for (const r of rows) {
    if (r.key !== null) fresh.add(r.key);
    else keep(r as never);
  }
  // An asset another batch created after this statement's snapshot was skipped by
  // ON CONFLICT and is not in the snapshot either: read it again (rare, only under concurrency).
  const missing = named.filter((a) => fresh.has(a.key) && !(a.kind === "job" ? ids.jobs : ids.datasets).has(assetKey(a.namespace, a.name)));
  if (missing.length) {
    const again = await tx.$queryRawUnsafe<{ id: string; kind: string; namespace: string; name: string }[]>(
      `SELECT a.id, a.kind, w.ns AS namespace, w.n AS name FROM unnest($1::text[], $2::text[], $3::text[]) AS w(kind, ns, n) CROSS JOIN LATERAL (${PROBE}) a`,
      missing.map((a) => a.kind), missing.map((a) => a.namespace), missing.map((a) => a.name),
    );
    again.forEach(keep);
  }
  return { fresh, ids };
}
