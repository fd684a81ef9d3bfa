import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { recordAudit } from "@/lib/audit/record";
import type { RequestContext } from "@/lib/http/context";
import type { Actor } from "@/lib/policy/actor";
import { inScope, requirePermission } from "@/lib/policy/require";
import { assetVisibleSql, readableTeams } from "@/lib/catalog/scope";
import { assetColumnsSql, assetViewOfSql, type AssetSqlRow } from "@/lib/catalog/asset-rows";
import { assetSelect, assetView } from "@/lib/catalog/views";
import type { AssetView, RegisterAssetInput } from "@/lib/catalog/schemas";

/**
 * Registers an asset by its natural key (kind, namespace, name), for CI: the first call
 * creates it (created: true), later calls update description and tags when given and add
 * use-case links. An asset first seen through lineage has no owner; registering claims it.
 */
export async function registerAsset(ctx: RequestContext & { actor: Actor }, input: RegisterAssetInput): Promise<{ asset: AssetView; created: boolean }> {
  const scope = requirePermission(ctx.actor, "catalog.write");
  const ownerTeamId = input.ownerTeamId ?? ctx.actor.teamIds[0] ?? null;
  if (ownerTeamId && !inScope(ctx.actor, scope, { teamId: ownerTeamId }))
    throw new AppError("validation", "You may only register assets for your own teams.", { errors: [{ path: "ownerTeamId", message: "Not one of your teams" }] });
  if (!ownerTeamId && scope !== "all")
    throw new AppError("validation", "Name the owner team: you belong to no team.", { errors: [{ path: "ownerTeamId", message: "Required" }] });

  return db().$transaction(async (tx) => {
    if (ownerTeamId && !(await tx.team.findUnique({ where: { id: ownerTeamId }, select: { id: true } })))
      throw new AppError("validation", "The owner team does not exist.", { errors: [{ path: "ownerTeamId", message: "No such team" }] });
    const key = { kind: input.kind, namespace: input.namespace, name: input.name };
    const existing = await tx.asset.findUnique({ where: { kind_namespace_name: key }, select: assetSelect });
    if (existing && existing.ownerTeamId && !inScope(ctx.actor, scope, { teamId: existing.ownerTeamId }))
      throw new AppError("conflict", `An asset ${input.kind} ${input.namespace}/${input.name} is owned by another team; ask its owners to register versions.`);

    const data = {
      ...(input.description !== undefined ? { description: input.description } : {}),
      ...(input.tags !== undefined ? { tags: [...new Set(input.tags)] } : {}),
    };
    const row = existing
      ? await tx.asset.update({ where: { id: existing.id }, data: { ...data, ...(existing.ownerTeamId ? {} : { ownerTeamId }) }, select: assetSelect })
      : await tx.asset.create({ data: { ...key, ...data, ownerTeamId }, select: assetSelect });
    if (input.useCaseIds?.length) {
      // The link has a foreign key: name the ids that are not use cases instead of failing on it.
      const found = new Set((await tx.useCase.findMany({ where: { id: { in: input.useCaseIds } }, select: { id: true } })).map((u) => u.id));
      const errors = input.useCaseIds.flatMap((id, i) => (found.has(id) ? [] : [{ path: `useCaseIds.${i}`, message: "No such use case" }]));
      if (errors.length) throw new AppError("validation", `${errors.length === 1 ? "A linked use case does" : "Linked use cases do"} not exist.`, { errors });
      await tx.assetUseCase.createMany({ data: input.useCaseIds.map((useCaseId) => ({ assetId: row.id, useCaseId })), skipDuplicates: true });
    }
    const after = await tx.asset.findUniqueOrThrow({ where: { id: row.id }, select: assetSelect });
    const view = assetView(after);
    const before = existing ? assetView(existing) : null;
    if (!before || JSON.stringify({ ...before, updatedAt: null }) !== JSON.stringify({ ...view, updatedAt: null })) {
      await recordAudit(tx, ctx, {
        action: existing ? "asset.updated" : "asset.registered", entityType: "asset", entityId: row.id,
        before: before && { description: before.description, tags: before.tags, ownerTeamId: before.ownerTeamId, useCaseIds: before.useCaseIds },
        after: { kind: view.kind, namespace: view.namespace, name: view.name, description: view.description, tags: view.tags, ownerTeamId: view.ownerTeamId, useCaseIds: view.useCaseIds },
      });
    }
    return { asset: view, created: !existing };
  });
}

const uuid = z.uuid();

/** One asset the actor may read, in one statement; another team's asset answers 404 like a missing one. */
export async function getAsset(actor: Actor, id: string): Promise<AssetView> {
  if (!uuid.safeParse(id).success) throw notFound("The asset"); // a page URL with a mistyped id
  const [row] = await db().$queryRaw<AssetSqlRow[]>`
    SELECT ${assetColumnsSql("a")} FROM assets a WHERE a.id = ${id}::uuid AND ${assetVisibleSql("a", readableTeams(actor))}`;
  if (!row) throw notFound("The asset");
  return assetViewOfSql(row);
}
