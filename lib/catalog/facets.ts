import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/policy/actor";
import { readableTeams } from "@/lib/catalog/scope";
import { searchWhere } from "@/lib/catalog/search";
import { UNOWNED_FILTER, type AssetFacets, type AssetFilters, type FacetCount } from "@/lib/catalog/schemas";

/** A text query (or a tag or namespace filter) counts at most this many matches. */
export const FACET_SAMPLE = 1000;
/** Top tags and namespaces shown; kinds and owners are shown in full. */
const TOP = 30;
/** owner_key of unowned assets in asset_facet_counts (a primary key column cannot be NULL). */
const UNOWNED = "00000000-0000-0000-0000-000000000000";

type Row = { facet: string; value: string | null; label: string | null; count: bigint };

/**
 * Facet counts (kind, owner, top tags, top namespaces) for the same filters as the list,
 * within the caller's scope. With no text query and at most kind and owner filters (the
 * catalog's landing page and "all models"), they are exact and read from
 * asset_facet_counts, which triggers keep per owner team, kind and value. Otherwise they
 * are counted over the first FACET_SAMPLE matches: exact when there are fewer, else
 * `approximate` (each count is then a lower bound, and the page says so).
 */
export async function assetFacets(actor: Actor, q: AssetFilters): Promise<AssetFacets> {
  const maintained = !q.q?.trim() && !q.tag && !q.namespace;
  const rows = maintained ? await maintainedCounts(readableTeams(actor), q) : await sampledCounts(actor, q);
  const facets: AssetFacets = { kind: [], owner: [], tag: [], namespace: [], counted: 0, approximate: false };
  for (const r of rows) {
    const count = Number(r.count);
    if (r.facet === "total") facets.counted = count;
    else if (r.facet === "more") facets.approximate = count > 0;
    else facets[r.facet as "kind" | "owner" | "tag" | "namespace"].push({ value: r.value ?? UNOWNED_FILTER, label: r.label ?? "", count });
  }
  const byCount = (a: FacetCount, b: FacetCount) => b.count - a.count || a.label.localeCompare(b.label);
  for (const list of [facets.kind, facets.owner, facets.tag, facets.namespace]) list.sort(byCount);
  return facets;
}

function maintainedCounts(teams: string[] | null, q: AssetFilters): Promise<Row[]> {
  const conds: Prisma.Sql[] = [];
  if (teams !== null) conds.push(Prisma.sql`c.owner_key = ANY(${[...teams, UNOWNED]}::uuid[])`);
  if (q.kind) conds.push(Prisma.sql`c.kind = ${q.kind}::"AssetKind"`);
  if (q.ownerTeamId) conds.push(Prisma.sql`c.owner_key = ${q.ownerTeamId === UNOWNED_FILTER ? UNOWNED : q.ownerTeamId}::uuid`);
  const where = conds.length ? Prisma.join(conds, " AND ") : Prisma.sql`TRUE`;
  // Every asset has one namespace, so the namespace rows also sum to the kind and owner counts.
  return db().$queryRaw<Row[]>`
    WITH c AS MATERIALIZED (SELECT c.owner_key, c.kind, c.facet, c.value, c.count FROM asset_facet_counts c WHERE ${where} AND c.count > 0),
    ns AS (SELECT * FROM c WHERE facet = 'namespace')
    SELECT 'total' AS facet, NULL AS value, NULL AS label, coalesce(sum(count), 0)::bigint AS count FROM ns
    UNION ALL
    SELECT 'kind', kind::text, kind::text, sum(count)::bigint FROM ns GROUP BY kind
    UNION ALL
    SELECT 'owner', nullif(ns.owner_key::text, ${UNOWNED}), coalesce(t.name, 'Unowned'), sum(count)::bigint FROM ns LEFT JOIN teams t ON t.id = ns.owner_key GROUP BY ns.owner_key, t.name
    UNION ALL
    (SELECT 'tag', value, value, sum(count)::bigint FROM c WHERE facet = 'tag' GROUP BY value ORDER BY sum(count) DESC, value LIMIT ${TOP})
    UNION ALL
    (SELECT 'namespace', value, value, sum(count)::bigint FROM ns GROUP BY value ORDER BY sum(count) DESC, value LIMIT ${TOP})`;
}

function sampledCounts(actor: Actor, q: AssetFilters): Promise<Row[]> {
  const { where } = searchWhere(actor, q);
  // One row past the sample tells whether there are more matches than were counted.
  return db().$queryRaw<Row[]>`
    WITH m AS MATERIALIZED (SELECT a.kind, a.owner_team_id, a.tags, a.namespace FROM assets a WHERE ${where} LIMIT ${FACET_SAMPLE + 1}),
    s AS MATERIALIZED (SELECT * FROM m LIMIT ${FACET_SAMPLE})
    SELECT 'total' AS facet, NULL AS value, NULL AS label, count(*)::bigint AS count FROM s
    UNION ALL
    SELECT 'more', NULL, NULL, (count(*) - ${FACET_SAMPLE})::bigint FROM m
    UNION ALL
    SELECT 'kind', kind::text, kind::text, count(*)::bigint FROM s GROUP BY kind
    UNION ALL
    SELECT 'owner', s.owner_team_id::text, coalesce(t.name, 'Unowned'), count(*)::bigint FROM s LEFT JOIN teams t ON t.id = s.owner_team_id GROUP BY s.owner_team_id, t.name
    UNION ALL
    (SELECT 'tag', tag, tag, count(*)::bigint FROM s, LATERAL (SELECT DISTINCT tag FROM unnest(s.tags) AS tag) t GROUP BY tag ORDER BY count(*) DESC, tag LIMIT ${TOP})
    UNION ALL
    (SELECT 'namespace', namespace, namespace, count(*)::bigint FROM s GROUP BY namespace ORDER BY count(*) DESC, namespace LIMIT ${TOP})`;
}
