import "server-only";
import { preparedStatement, type Tx } from "@/lib/db";
import { batchParams } from "@/lib/lineage/batch-rows";
import { CLAIM, CLAIM_CHECK } from "@/lib/lineage/claim-batch";
import { FOLD } from "@/lib/lineage/write-batch";
import type { NormalizedEvent } from "@/lib/lineage/normalize";

/** Who sent the events, stored on each of them (null for the demo seed). */
export interface Sender { userId: string; tokenId: string | null; requestId: string | null }
/** The root client or a transaction: the batch is one statement either way. */
export type Queryable = Pick<Tx, "$queryRawUnsafe">;

// A batch is stored and folded by ONE statement: the claim's CTEs (events, assets) feed the
// fold's. A statement is atomic by itself, so ingestion needs no interactive transaction:
// one round trip instead of BEGIN, claim, fold and COMMIT, which for one event per request
// cost more than the SQL (and each pooled connection plans the statement once: db.ts).
// It answers the batch indexes of the events that were new.
const STORE = preparedStatement("lineage_store", `WITH ${CLAIM}, ${FOLD}
SELECT x FROM fresh
UNION ALL ${CLAIM_CHECK}`);

/** Stores the events (distinct dedupe keys) and folds the new ones in; the batch indexes of the new ones. */
export async function storeBatch(client: Queryable, events: NormalizedEvent[], sender: Sender | null): Promise<Set<number>> {
  const p = batchParams(events);
  const rows = await client.$queryRawUnsafe<{ x: number }[]>(
    STORE,
    p.events, p.keys, p.assets, sender?.userId ?? null, sender?.tokenId ?? null, sender?.requestId ?? null,
    p.runs, p.runFacets, p.assetFacets, p.io, p.edges, p.columns, p.versions,
  );
  return new Set(rows.map((r) => r.x));
}
