import pg from "pg";
import { eventHash, GENESIS_HASH } from "@/lib/audit/canonical";

export type VerifyResult =
  | { ok: true; events: number }
  | { ok: false; events: number; brokenSeq: string; reason: string };

interface Row {
  seq: string;
  created_at: Date;
  actor_type: string;
  actor_id: string | null;
  actor_label: string;
  action: string;
  entity_type: string;
  entity_id: string;
  diff: unknown;
  request_id: string | null;
  prev_hash: string;
  hash: string;
}

/** Walks the whole chain in order, streaming in pages, and names the first broken event. */
export async function verifyAuditChain(databaseUrl: string, pageSize = 5000): Promise<VerifyResult> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    let prev = GENESIS_HASH;
    let after = "0";
    let count = 0;
    for (;;) {
      const { rows } = await client.query<Row>(
        `SELECT seq::text, created_at, actor_type::text, actor_id, actor_label, action, entity_type, entity_id, diff, request_id, prev_hash, hash
           FROM audit_events WHERE seq > $1::bigint ORDER BY audit_events.seq LIMIT $2`,
        [after, pageSize],
      );
      if (rows.length === 0) return { ok: true, events: count };
      for (const r of rows) {
        count++;
        if (r.prev_hash !== prev)
          return { ok: false, events: count, brokenSeq: r.seq, reason: "its previous-hash link does not match the event before it (an event was removed or reordered)" };
        const expected = eventHash(prev, {
          createdAt: r.created_at.toISOString(),
          actorType: r.actor_type,
          actorId: r.actor_id,
          actorLabel: r.actor_label,
          action: r.action,
          entityType: r.entity_type,
          entityId: r.entity_id,
          diff: r.diff,
          requestId: r.request_id,
        });
        if (expected !== r.hash) return { ok: false, events: count, brokenSeq: r.seq, reason: "its content does not match its hash (the row was altered)" };
        prev = r.hash;
      }
      after = rows[rows.length - 1]!.seq;
    }
  } finally {
    await client.end();
  }
}
