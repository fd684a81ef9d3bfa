import type { AssetView } from "@/lib/catalog/schemas";

export const assetSelect = {
  id: true, kind: true, namespace: true, name: true, description: true, tags: true, columnNames: true,
  ownerTeamId: true, createdAt: true, updatedAt: true,
  ownerTeam: { select: { name: true } },
  useCases: { select: { useCaseId: true }, orderBy: { createdAt: "asc" } },
} as const;

export interface AssetRow {
  id: string; kind: AssetView["kind"]; namespace: string; name: string; description: string; tags: string[]; columnNames: string[];
  ownerTeamId: string | null; createdAt: Date; updatedAt: Date; ownerTeam: { name: string } | null; useCases: { useCaseId: string }[];
}

export function assetView(r: AssetRow): AssetView {
  return {
    id: r.id, kind: r.kind, namespace: r.namespace, name: r.name, description: r.description, tags: r.tags ?? [], columnNames: r.columnNames ?? [],
    ownerTeamId: r.ownerTeamId, ownerTeamName: r.ownerTeam?.name ?? null, useCaseIds: r.useCases.map((u) => u.useCaseId),
    createdAt: r.createdAt.toISOString(), updatedAt: r.updatedAt.toISOString(),
  };
}
