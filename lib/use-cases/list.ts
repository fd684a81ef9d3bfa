import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { decodeCursor, encodeCursor, type Page } from "@/lib/http/cursor";
import type { Actor } from "@/lib/policy/actor";
import { visibleTeams } from "@/lib/use-cases/access";
import type { ListUseCasesQuery } from "@/lib/use-cases/schemas";
import type { UseCaseSummary } from "@/lib/use-cases/views";

interface Row {
  id: string; title: string; team_id: string; team_name: string; owner_id: string; owner_name: string; state: string; tier: string;
  value_type: string | null; value_low: number | null; value_high: number | null; priority: number; score_count: number;
  disagreement: boolean; created_at: Date; state_changed_at: Date;
}

/** The WHERE of a portfolio query: team scope first, then each filter, each served by an index. */
export function filterSql(actor: Actor, q: Omit<ListUseCasesQuery, "cursor" | "limit" | "sort">): Prisma.Sql {
  const teams = visibleTeams(actor);
  const conds: Prisma.Sql[] = [Prisma.sql`TRUE`];
  if (teams !== null) conds.push(Prisma.sql`u.team_id = ANY(CAST(${teams} AS uuid[]))`);
  if (q.q) conds.push(Prisma.sql`u.search_vector @@ websearch_to_tsquery('english', ${q.q})`);
  if (q.state?.length) conds.push(Prisma.sql`u.state = ANY(CAST(${q.state} AS "UseCaseState"[]))`);
  if (q.tier?.length) conds.push(Prisma.sql`u.tier = ANY(CAST(${q.tier} AS "RiskTier"[]))`);
  if (q.teamId) conds.push(Prisma.sql`u.team_id = ${q.teamId}::uuid`);
  if (q.valueType) conds.push(Prisma.sql`u.value_type = CAST(${q.valueType} AS "ValueType")`);
  if (q.reviewerId) conds.push(Prisma.sql`EXISTS (SELECT 1 FROM use_case_scores s WHERE s.use_case_id = u.id AND s.reviewer_id = ${q.reviewerId}::uuid)`);
  return Prisma.join(conds, " AND ");
}

function toSummary(r: Row): UseCaseSummary {
  return {
    id: r.id, title: r.title, teamId: r.team_id, teamName: r.team_name, ownerId: r.owner_id, ownerName: r.owner_name,
    state: r.state as UseCaseSummary["state"], tier: r.tier as UseCaseSummary["tier"], valueType: r.value_type as UseCaseSummary["valueType"],
    valueLow: r.value_low, valueHigh: r.value_high, priority: r.score_count > 0 ? r.priority : null, scoreCount: r.score_count,
    disagreement: r.disagreement, createdAt: r.created_at.toISOString(), stateChangedAt: r.state_changed_at.toISOString(),
  };
}

/** The portfolio: full-text search, filters, sorted by priority or date, keyset-paged. */
export async function listUseCases(actor: Actor, q: ListUseCasesQuery): Promise<Page<UseCaseSummary>> {
  const after = q.cursor ? decodeCursor(q.cursor) : null;
  const byPriority = q.sort === "priority";
  const keyset = !after
    ? Prisma.sql`TRUE`
    : byPriority
      ? Prisma.sql`(u.priority, u.id) < (${Number(after.k)}::float8, ${after.id}::uuid)`
      : Prisma.sql`(u.created_at, u.id) < (${String(after.k)}::timestamptz, ${after.id}::uuid)`;
  const order = byPriority ? Prisma.sql`u.priority DESC, u.id DESC` : Prisma.sql`u.created_at DESC, u.id DESC`;
  const rows = await db().$queryRaw<Row[]>`
    SELECT u.id, u.title, u.team_id, t.name AS team_name, u.owner_id, o.name AS owner_name, u.state::text AS state, u.tier::text AS tier,
           u.value_type::text AS value_type, u.value_low, u.value_high, u.priority, u.score_count, u.disagreement, u.created_at, u.state_changed_at
    FROM use_cases u JOIN teams t ON t.id = u.team_id JOIN users o ON o.id = u.owner_id
    WHERE ${filterSql(actor, q)} AND ${keyset}
    ORDER BY ${order}
    LIMIT ${q.limit + 1}`;
  const items = rows.slice(0, q.limit).map(toSummary);
  const last = rows[q.limit - 1];
  const nextCursor = rows.length > q.limit && last ? encodeCursor({ k: byPriority ? last.priority : last.created_at.toISOString(), id: last.id }) : null;
  return { items, nextCursor };
}
