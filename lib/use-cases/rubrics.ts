import "server-only";
import { db, type Tx } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { recordAudit } from "@/lib/audit/record";
import type { RequestContext } from "@/lib/http/context";
import type { Actor } from "@/lib/policy/actor";
import { requirePermission } from "@/lib/policy/require";
import type { RubricInput } from "@/lib/use-cases/rubric-schemas";
import type { RubricView } from "@/lib/use-cases/views";

type Ctx = RequestContext & { actor: Actor };
type RubricRow = Awaited<ReturnType<typeof loadRubrics>>[number];

const loadRubrics = (tx: Tx, where = {}) =>
  tx.rubric.findMany({ where, orderBy: { version: "desc" }, include: { criteria: { orderBy: { position: "asc" } } } });

export function rubricView(r: RubricRow, currentId: string | null): RubricView {
  return {
    id: r.id, version: r.version, name: r.name, minScores: r.minScores, disagreementSpread: r.disagreementSpread,
    publishedAt: r.publishedAt?.toISOString() ?? null, current: r.id === currentId,
    criteria: r.criteria.map((c) => ({ key: c.key, label: c.label, description: c.description, weight: c.weight, direction: c.direction, anchors: c.anchors })),
  };
}

/** Every version, newest first; drafts only for those who may edit them. */
export async function listRubrics(actor: Actor): Promise<{ items: RubricView[] }> {
  requirePermission(actor, "rubric.read");
  const canManage = actor.roles.includes("admin");
  const rows = await loadRubrics(db(), canManage ? {} : { publishedAt: { not: null } });
  const current = rows.find((r) => r.publishedAt) ?? null;
  return { items: rows.map((r) => rubricView(r, current?.id ?? null)) };
}

const criteriaData = (input: RubricInput) => input.criteria.map((c, position) => ({ ...c, position }));

/** A new draft version; nothing changes for scoring until it is published. */
export async function createRubric(ctx: Ctx, input: RubricInput, opts: { publish?: boolean } = {}): Promise<RubricView> {
  requirePermission(ctx.actor, "rubric.manage");
  const id = await db().$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(4242004)`; // versions are numbered one after another
    const last = await tx.rubric.findFirst({ orderBy: { version: "desc" }, select: { version: true } });
    const r = await tx.rubric.create({
      data: {
        version: (last?.version ?? 0) + 1, name: input.name, minScores: input.minScores, disagreementSpread: input.disagreementSpread,
        createdById: ctx.actor.userId, publishedAt: opts.publish ? new Date() : null, criteria: { create: criteriaData(input) },
      },
    });
    await recordAudit(tx, ctx, { action: opts.publish ? "rubric.published" : "rubric.created", entityType: "rubric", entityId: r.id, before: null, after: { version: r.version, ...input } });
    return r.id;
  });
  return rubricById(id);
}

/** Replaces a draft's criteria; a published version is frozen. */
export async function updateRubric(ctx: Ctx, id: string, input: RubricInput): Promise<RubricView> {
  requirePermission(ctx.actor, "rubric.manage");
  await db().$transaction(async (tx) => {
    const r = await tx.rubric.findUnique({ where: { id }, include: { criteria: true } });
    if (!r) throw notFound("The rubric");
    if (r.publishedAt) throw new AppError("conflict", `Rubric version ${r.version} is published and cannot change; create a new version instead.`);
    await tx.rubricCriterion.deleteMany({ where: { rubricId: id } });
    await tx.rubric.update({ where: { id }, data: { name: input.name, minScores: input.minScores, disagreementSpread: input.disagreementSpread, criteria: { create: criteriaData(input) } } });
    await recordAudit(tx, ctx, { action: "rubric.updated", entityType: "rubric", entityId: id, before: { name: r.name, criteria: r.criteria.map((c) => ({ key: c.key, weight: c.weight })) }, after: { ...input } });
  });
  return rubricById(id);
}

/** Publishing makes the version current for new scores; past scores keep their version and priority. */
export async function publishRubric(ctx: Ctx, id: string): Promise<RubricView> {
  requirePermission(ctx.actor, "rubric.manage");
  await db().$transaction(async (tx) => {
    const r = await tx.rubric.findUnique({ where: { id } });
    if (!r) throw notFound("The rubric");
    if (r.publishedAt) throw new AppError("conflict", `Rubric version ${r.version} is already published.`);
    const newer = await tx.rubric.findFirst({ where: { publishedAt: { not: null }, version: { gt: r.version } }, select: { version: true } });
    if (newer) throw new AppError("conflict", `Version ${newer.version} is already published; a draft older than it cannot become current.`);
    await tx.rubric.update({ where: { id }, data: { publishedAt: new Date() } });
    await recordAudit(tx, ctx, { action: "rubric.published", entityType: "rubric", entityId: id, before: { publishedAt: null }, after: { version: r.version } });
  });
  return rubricById(id);
}

async function rubricById(id: string): Promise<RubricView> {
  const rows = await loadRubrics(db());
  const current = rows.find((r) => r.publishedAt) ?? null;
  const r = rows.find((x) => x.id === id);
  if (!r) throw notFound("The rubric");
  return rubricView(r, current?.id ?? null);
}
