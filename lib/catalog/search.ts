import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/errors";
import { decodeCursor, encodeCursor, type Page } from "@/lib/http/cursor";
import type { Actor } from "@/lib/policy/actor";
import { assetVisibleSql, readableTeams } from "@/lib/catalog/scope";
import { assetColumnsSql, assetViewOfSql, type AssetSqlRow } from "@/lib/catalog/asset-rows";
import { UNOWNED_FILTER, type AssetFilters, type AssetView, type SearchAssetsQuery } from "@/lib/catalog/schemas";

/** Words of the query as prefix terms ANDed: "cust ord" finds customer_orders. Null for no usable word. */
export function toPrefixQuery(q: string | undefined): string | null {
  const words = (q ?? "").toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean).slice(0, 8);
  return words.length ? words.map((w) => `${w}:*`).join(" & ") : null;
}

/** The `where` of a catalog search over `assets a`: the caller's scope first, then the filters. */
export function searchWhere(actor: Actor, q: AssetFilters): { where: Prisma.Sql; tsq: string | null } {
  const tsq = toPrefixQuery(q.q);
  const conds: Prisma.Sql[] = [assetVisibleSql("a", readableTeams(actor))];
  if (tsq) conds.push(Prisma.sql`a.search_vector @@ to_tsquery('simple', ${tsq})`);
  if (q.kind) conds.push(Prisma.sql`a.kind = ${q.kind}::"AssetKind"`);
  if (q.ownerTeamId) conds.push(q.ownerTeamId === UNOWNED_FILTER ? Prisma.sql`a.owner_team_id IS NULL` : Prisma.sql`a.owner_team_id = ${q.ownerTeamId}::uuid`);
  if (q.tag) conds.push(Prisma.sql`a.tags @> ARRAY[${q.tag}]::text[]`);
  if (q.namespace) conds.push(Prisma.sql`a.namespace = ${q.namespace}`);
  return { where: Prisma.join(conds, " AND "), tsq };
}

const cursorId = z.uuid();

/**
 * Full-text search over names, descriptions, tags and column names (GIN index on
 * search_vector) with keyset pagination: by rank then id when there is a query, by name
 * then id otherwise. One statement: the page and its rows (owner name, use-case links).
 * The facet counts are a separate question (lib/catalog/facets.ts) so the list never waits
 * for them.
 */
export async function searchAssets(actor: Actor, q: SearchAssetsQuery): Promise<Page<AssetView>> {
  const { where, tsq } = searchWhere(actor, q);
  const rank = tsq ? Prisma.sql`ts_rank(a.search_vector, to_tsquery('simple', ${tsq}))::float8` : Prisma.sql`0::float8`;
  const after = q.cursor ? decodeCursor(q.cursor) : null;
  if (after && !cursorId.safeParse(after.id).success)
    throw new AppError("validation", "The cursor is not valid; start again from the first page.", { errors: [{ path: "cursor", message: "Invalid cursor" }] });
  const keyset = !after ? Prisma.sql`TRUE`
    : tsq ? Prisma.sql`(r.rank < ${Number(after.k)} OR (r.rank = ${Number(after.k)} AND r.id > ${after.id}::uuid))`
    : Prisma.sql`(r.name > ${String(after.k)} OR (r.name = ${String(after.k)} AND r.id > ${after.id}::uuid))`;
  const order = tsq ? Prisma.sql`r.rank DESC, r.id` : Prisma.sql`r.name, r.id`;
  const rows = await db().$queryRaw<(AssetSqlRow & { rank: number })[]>`
    SELECT r.* FROM (SELECT ${assetColumnsSql("a")}, ${rank} AS rank FROM assets a WHERE ${where}) r
    WHERE ${keyset} ORDER BY ${order} LIMIT ${q.limit + 1}`;
  const page = rows.slice(0, q.limit);
  const last = page[page.length - 1];
  return {
    items: page.map(assetViewOfSql),
    nextCursor: rows.length > q.limit && last ? encodeCursor({ k: tsq ? last.rank : last.name, id: last.id }) : null,
  };
}
