import "server-only";
import { db, type Tx } from "@/lib/db";
import { AppError, type FieldError } from "@/lib/errors";
import type { Actor } from "@/lib/policy/actor";
import { can } from "@/lib/policy/require";
import { assetWhere, readableTeams } from "@/lib/catalog/scope";
import type { LinkedAsset } from "@/lib/use-cases/views";

// The data a use case needs, as real links to catalog datasets (asset_use_cases, the
// table the catalog also uses for "this model serves that use case"). Naming a dataset
// changes nothing about the dataset, so the owner needs only to be able to see it in the
// catalog, not to write to it. The intake replaces its dataset links as a set; links to
// other kinds of assets (models, features, deployments registered by CI) are the
// catalog's and are never touched here.

const linkSelect = { assetId: true, asset: { select: { id: true, kind: true, name: true, namespace: true, ownerTeamId: true } } } as const;

/**
 * Checks that every id is a catalog dataset the actor can see; otherwise 422 naming each
 * bad entry (an asset the actor may not see reads exactly like a missing one).
 */
export async function checkDatasets(tx: Tx, actor: Actor, ids: readonly string[]): Promise<string[]> {
  const unique = [...new Set(ids)];
  if (!unique.length) return [];
  const rows = can(actor, "catalog.read")
    ? await tx.asset.findMany({ where: { id: { in: unique }, ...assetWhere(readableTeams(actor)) }, select: { id: true, kind: true, namespace: true, name: true } })
    : [];
  const found = new Map(rows.map((a) => [a.id, a]));
  const errors: FieldError[] = ids.flatMap((id, i) => {
    const a = found.get(id);
    if (!a) return [{ path: `datasetIds.${i}`, message: "No such catalog dataset" }];
    if (a.kind !== "dataset") return [{ path: `datasetIds.${i}`, message: `${a.namespace}/${a.name} is a ${a.kind.replace("_", " ")}, not a dataset` }];
    return [];
  });
  if (errors.length) throw new AppError("validation", `Only catalog datasets you can see may be linked as the data needed (${errors.length} not).`, { errors });
  return unique;
}

/** Dataset links of a use case, oldest first. */
export async function datasetLinkIds(tx: Tx, useCaseId: string): Promise<string[]> {
  const rows = await tx.assetUseCase.findMany({ where: { useCaseId, asset: { kind: "dataset" } }, orderBy: { createdAt: "asc" }, select: { assetId: true } });
  return rows.map((r) => r.assetId);
}

/** Makes the use case's dataset links exactly `ids` (already checked); returns whether anything changed. */
export async function replaceDatasetLinks(tx: Tx, useCaseId: string, ids: string[], current: string[]): Promise<boolean> {
  const removed = current.filter((id) => !ids.includes(id));
  const added = ids.filter((id) => !current.includes(id));
  if (removed.length) await tx.assetUseCase.deleteMany({ where: { useCaseId, assetId: { in: removed } } });
  if (added.length) await tx.assetUseCase.createMany({ data: added.map((assetId) => ({ assetId, useCaseId })), skipDuplicates: true });
  return removed.length + added.length > 0;
}

/**
 * Catalog assets linked to a use case, as the reader may see them: the ones outside their
 * catalog scope are only counted, so a name they may not read is not shown.
 */
export async function linkedAssets(actor: Actor, useCaseId: string): Promise<{ assets: LinkedAsset[]; hiddenAssets: number; datasetIds: string[] }> {
  const rows = await db().assetUseCase.findMany({ where: { useCaseId }, orderBy: { createdAt: "asc" }, select: linkSelect, take: 200 });
  // The catalog's own rule (lib/catalog/scope.ts): all, or the reader's teams plus unowned assets.
  const teams = can(actor, "catalog.read") ? readableTeams(actor) : undefined;
  const visible = (owner: string | null) => teams !== undefined && (teams === null || owner === null || teams.includes(owner));
  const shown = rows.filter((r) => visible(r.asset.ownerTeamId));
  return {
    assets: shown.map((r) => ({ id: r.asset.id, kind: r.asset.kind, name: r.asset.name, namespace: r.asset.namespace })),
    hiddenAssets: rows.length - shown.length,
    // Every linked dataset, seen or not: whether the intake names its data does not depend on the reader.
    datasetIds: rows.filter((r) => r.asset.kind === "dataset").map((r) => r.assetId),
  };
}
