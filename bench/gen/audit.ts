import type pg from "pg";
import { eventHash, GENESIS_HASH } from "@/lib/audit/canonical";
import { insertRows } from "../lib/insert";
import { rng, seededUuid } from "../lib/rng";
import type { Scale } from "../lib/scale";
import { BASE_TIME } from "./catalog";

// Audit events with a valid hash chain, computed here exactly as lib/audit/record.ts
// does (same canonical JSON, same field set), so `npm run audit:verify` passes on
// the loaded database. Must run before anything else appends to the chain.

const ACTIONS = [
  ["use_case.created", "use_case"], ["use_case.transitioned", "use_case"], ["score.submitted", "score"], ["asset.registered", "asset"],
  ["version.registered", "dataset_version"], ["promotion.requested", "promotion"], ["promotion.approved", "promotion"], ["token.created", "api_token"],
] as const;

export async function loadAudit(client: pg.ClientBase, scale: Scale, seed: number, userIds: string[]): Promise<void> {
  const r = rng(seed, "audit");
  const { rows } = await client.query<{ hash: string }>("SELECT hash FROM audit_events ORDER BY seq DESC LIMIT 1");
  let prev = rows[0]?.hash ?? GENESIS_HASH;
  const step = Math.floor((300 * 86_400_000) / scale.auditEvents);
  const out: unknown[][] = [];
  for (let i = 0; i < scale.auditEvents; i++) {
    const [action, entityType] = r.pick(ACTIONS);
    const userIdx = r.int(0, userIds.length);
    const fields = {
      createdAt: new Date(BASE_TIME + i * step).toISOString(),
      actorType: "user",
      actorId: userIds[userIdx]!,
      actorLabel: `bench.user${userIdx}@bench.local`,
      action,
      entityType,
      entityId: seededUuid(seed, `audit-entity:${r.int(0, 20_000)}`),
      diff: { status: { before: "draft", after: "submitted" }, n: { before: null, after: i } },
      requestId: null,
    };
    const hash = eventHash(prev, fields);
    out.push([fields.createdAt, fields.actorType, fields.actorId, fields.actorLabel, action, entityType, fields.entityId, JSON.stringify(fields.diff), prev, hash]);
    prev = hash;
  }
  // Batches preserve order and seq is assigned in insertion order, so the chain reads back in sequence.
  await insertRows(client, "audit_events", [
    { name: "created_at", type: "timestamptz[]" }, { name: "actor_type", type: "text[]", cast: '"ActorType"' }, { name: "actor_id", type: "text[]" },
    { name: "actor_label", type: "text[]" }, { name: "action", type: "text[]" }, { name: "entity_type", type: "text[]" }, { name: "entity_id", type: "text[]" },
    { name: "diff", type: "text[]", cast: "jsonb" }, { name: "prev_hash", type: "text[]" }, { name: "hash", type: "text[]" },
  ], out);
}
