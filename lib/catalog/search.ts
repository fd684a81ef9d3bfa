import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { decodeCursor, encodeCursor } from "@/lib/http/cursor";
import type { Actor } from "@/lib/policy/actor";
import { assetVisibleSql, readableTeams } from "@/lib/catalog/scope";
import { assetSelect, assetView } from "@/lib/catalog/views";
import type { AssetView, SearchAssetsQuery } from "@/lib/catalog/schemas";

export interface FacetCount { value: string; label: string; count: number }
export interface SearchResult {
  items: AssetView[];
  nextCursor: string | null;
  facets: { kind: FacetCount[]; owner: FacetCount[]; tag: FacetCount[]; namespace: FacetCount[] };
}

/** Words of the query as prefix terms ANDed: "cust ord" finds customer_orders. Null for no usable word. */
export function toPrefixQuery(q: string | undefined): string | null {
  const words = (q ?? "").toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean).slice(0, 8);
  return words.length ? words.map((w) => `${w}:*`).join(" & ") : null;
}

/**
 * Full-text search over names, descriptions, tags and column names (GIN index on
 * search_vector), with facet counts for the same filter and keyset pagination:
 * by rank then id when there is a query, by name then id otherwise.
 */
export async function searchAssets(actor: Actor, q: SearchAssetsQuery): Promise<SearchResult> {
  const teams = readableTeams(actor);
  const tsq = toPrefixQuery(q.q);
  const conds: Prisma.Sql[] = [assetVisibleSql("a", teams)];
  if (tsq) conds.push(Prisma.sql`a.search_vector @@ to_tsquery('simple', ${tsq})`);
  if (q.kind) conds.push(Prisma.sql`a.kind = ${q.kind}::"AssetKind"`);
  if (q.ownerTeamId) conds.push(Prisma.sql`a.owner_team_id = ${q.ownerTeamId}::uuid`);
  if (q.tag) conds.push(Prisma.sql`a.tags @> ARRAY[${q.tag}]::text[]`);
  if (q.namespace) conds.push(Prisma.sql`a.namespace = ${q.namespace}`);
  const where = Prisma.join(conds, " AND ");

  const rank = tsq ? Prisma.sql`ts_rank(a.search_vector, to_tsquery('simple', ${tsq}))::float8` : Prisma.sql`0::float8`;
  const after = q.cursor ? decodeCursor(q.cursor) : null;
  const keyset = !after ? Prisma.sql`TRUE`
    : tsq ? Prisma.sql`(r.rank < ${Number(after.k)} OR (r.rank = ${Number(after.k)} AND r.id > ${after.id}::uuid))`
    : Prisma.sql`(r.name > ${String(after.k)} OR (r.name = ${String(after.k)} AND r.id > ${after.id}::uuid))`;
  const order = tsq ? Prisma.sql`r.rank DESC, r.id` : Prisma.sql`r.name, r.id`;
  const rows = await db().$queryRaw<{ id: string; name: string; rank: number }[]>`
    SELECT r.id, r.name, r.rank FROM (SELECT a.id, a.name, ${rank} AS rank FROM assets a WHERE ${where}) r
    WHERE ${keyset} ORDER BY ${order} LIMIT ${q.limit + 1}`;

  const page = rows.slice(0, q.limit);
  const loaded = await db().asset.findMany({ where: { id: { in: page.map((r) => r.id) } }, select: assetSelect });
  const byId = new Map(loaded.map((r) => [r.id, assetView(r)]));
  const last = page[page.length - 1];
  return {
    items: page.map((r) => byId.get(r.id)!).filter(Boolean),
    nextCursor: rows.length > q.limit && last ? encodeCursor({ k: tsq ? last.rank : last.name, id: last.id }) : null,
    facets: await facetCounts(where),
  };
}

async function facetCounts(where: Prisma.Sql): Promise<SearchResult["facets"]> {
  const rows = await db().$queryRaw<{ facet: string; value: string | null; label: string | null; count: bigint }[]>`
    WITH m AS (SELECT a.kind, a.owner_team_id, a.tags, a.namespace FROM assets a WHERE ${where})
    SELECT 'kind' AS facet, kind::text AS value, kind::text AS label, count(*) AS count FROM m GROUP BY kind
    UNION ALL
    SELECT 'owner', m.owner_team_id::text, coalesce(t.name, 'Unowned'), count(*) FROM m LEFT JOIN teams t ON t.id = m.owner_team_id GROUP BY m.owner_team_id, t.name
    UNION ALL
    (SELECT 'tag', tag, tag, count(*) FROM m, unnest(m.tags) AS tag GROUP BY tag ORDER BY count(*) DESC, tag LIMIT 30)
    UNION ALL
    (SELECT 'namespace', namespace, namespace, count(*) FROM m GROUP BY namespace ORDER BY count(*) DESC, namespace LIMIT 30)`;
  const facets: SearchResult["facets"] = { kind: [], owner: [], tag: [], namespace: [] };
  for (const r of rows) facets[r.facet as keyof SearchResult["facets"]].push({ value: r.value ?? "", label: r.label ?? "", count: Number(r.count) });
  for (const list of Object.values(facets)) list.sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
  return facets;
}
