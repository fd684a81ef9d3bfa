import "server-only";
import type { Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { DatasetVersionRef } from "@/lib/catalog/schemas";

/** Resolves a model version's input references to stored dataset versions, naming each one that is missing. */
export async function resolveDatasetVersions(tx: Tx, refs: DatasetVersionRef[]): Promise<{ id: string; assetId: string }[]> {
  const out: { id: string; assetId: string }[] = [];
  const errors: { path: string; message: string }[] = [];
  for (const [i, ref] of refs.entries()) {
    const row = "datasetVersionId" in ref
      ? await tx.datasetVersion.findUnique({ where: { id: ref.datasetVersionId }, select: { id: true, assetId: true } })
      : await tx.datasetVersion.findFirst({
          where: { version: ref.version, asset: { namespace: ref.namespace, name: ref.name, kind: { in: ["dataset", "feature_set"] } } },
          select: { id: true, assetId: true },
        });
    if (row) out.push(row);
    else errors.push({ path: `inputs.${i}`, message: "No such dataset version; register it first" });
  }
  if (errors.length) throw new AppError("validation", "Some input dataset versions are not in the catalog.", { errors });
  return [...new Map(out.map((r) => [r.id, r])).values()];
}
