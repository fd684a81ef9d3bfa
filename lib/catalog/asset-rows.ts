import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import type { AssetView } from "@/lib/catalog/schemas";

// Reads answer an asset with its owner team's name and its use-case links in the same
// statement: Prisma's nested select asks three queries (asset, team, links), which for a
// read whose SQL takes half a millisecond is most of the request after the floor.

/** The columns of an AssetView from an assets alias, its owner team and its use-case links. */
export function assetColumnsSql(alias: string): Prisma.Sql {
  const a = Prisma.raw(`"${alias}"`);
  return Prisma.sql`${a}.id, ${a}.kind::text AS kind, ${a}.namespace, ${a}.name, ${a}.description, ${a}.tags, ${a}.column_names,
    ${a}.owner_team_id, (SELECT t.name FROM teams t WHERE t.id = ${a}.owner_team_id) AS owner_team_name,
    ARRAY(SELECT u.use_case_id::text FROM asset_use_cases u WHERE u.asset_id = ${a}.id ORDER BY u.created_at) AS use_case_ids,
    ${a}.created_at, ${a}.updated_at`;
}

export interface AssetSqlRow {
  id: string; kind: AssetView["kind"]; namespace: string; name: string; description: string; tags: string[] | null; column_names: string[] | null;
  owner_team_id: string | null; owner_team_name: string | null; use_case_ids: string[]; created_at: Date; updated_at: Date;
}

export function assetViewOfSql(r: AssetSqlRow): AssetView {
  return {
    id: r.id, kind: r.kind, namespace: r.namespace, name: r.name, description: r.description, tags: r.tags ?? [], columnNames: r.column_names ?? [],
    ownerTeamId: r.owner_team_id, ownerTeamName: r.owner_team_name, useCaseIds: r.use_case_ids,
    createdAt: r.created_at.toISOString(), updatedAt: r.updated_at.toISOString(),
  };
}
