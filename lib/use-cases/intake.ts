import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { recordAudit } from "@/lib/audit/record";
import type { RequestContext } from "@/lib/http/context";
import type { Actor } from "@/lib/policy/actor";
import { requirePermission } from "@/lib/policy/require";
import { EDITABLE_STATES } from "@/lib/use-cases/lifecycle";
import { lockVisible } from "@/lib/use-cases/access";
import { checkDatasets, datasetLinkIds, replaceDatasetLinks } from "@/lib/use-cases/dataset-links";
import { getUseCase } from "@/lib/use-cases/read";
import { screenRisk, type RiskAnswers } from "@/lib/use-cases/risk";
import type { CreateUseCaseInput, OverrideTierInput, UpdateUseCaseInput } from "@/lib/use-cases/schemas";
import type { UseCaseDetail } from "@/lib/use-cases/views";

type Ctx = RequestContext & { actor: Actor };

/** The intake as columns: an emptied (null) text field is stored as "", the other emptied fields as NULL. */
function intakeData(input: UpdateUseCaseInput | CreateUseCaseInput) {
  const { targetDate, riskAnswers, datasetIds: _links, intendedUsers, successMetrics, dataNeeded, ...rest } = input;
  return {
    ...rest,
    ...textColumn("intendedUsers", intendedUsers), ...textColumn("successMetrics", successMetrics), ...textColumn("dataNeeded", dataNeeded),
    ...(targetDate !== undefined ? { targetDate: targetDate ? new Date(`${targetDate}T00:00:00Z`) : null } : {}),
    ...(riskAnswers !== undefined ? riskFields(riskAnswers) : {}),
  };
}

// Only the fields given, so the audit diff names exactly what this save changed.
function textColumn<K extends string>(key: K, v: string | null | undefined): Partial<Record<K, string>> {
  return v === undefined ? {} : ({ [key]: v ?? "" } as Record<K, string>);
}

function riskFields(answers: RiskAnswers) {
  const s = screenRisk(answers);
  return { riskAnswers: answers, screenedTier: s.tier, screenedRule: s.rule };
}

/** Creates a draft in one of the actor's teams; the timeline starts with it. */
export async function createUseCase(ctx: Ctx, input: CreateUseCaseInput): Promise<UseCaseDetail> {
  requirePermission(ctx.actor, "usecase.create", { teamId: input.teamId });
  const id = await db().$transaction(async (tx) => {
    const team = await tx.team.findUnique({ where: { id: input.teamId }, select: { id: true } });
    if (!team) throw new AppError("validation", "The team does not exist.", { errors: [{ path: "teamId", message: "No such team" }] });
    const datasets = await checkDatasets(tx, ctx.actor, input.datasetIds ?? []);
    const risk = riskFields(input.riskAnswers ?? {});
    const { title, problem, teamId, businessOwner, intendedUsers } = input;
    const uc = await tx.useCase.create({
      data: { ...intakeData(input), title, problem, teamId, businessOwner, intendedUsers, ...risk, tier: risk.screenedTier, ownerId: ctx.actor.userId },
    });
    await replaceDatasetLinks(tx, uc.id, datasets, []);
    await tx.useCaseEvent.create({ data: { useCaseId: uc.id, transition: "create", fromState: null, toState: "draft", actorId: ctx.actor.userId } });
    await recordAudit(tx, ctx, { action: "use_case.created", entityType: "use_case", entityId: uc.id, before: null, after: { title: uc.title, teamId: uc.teamId, tier: uc.tier, datasetIds: datasets } });
    return uc.id;
  });
  return getUseCase(ctx.actor, id);
}

/** Saves a draft (or a use case sent back for changes); re-screens the risk tier when answers change. */
export async function updateUseCase(ctx: Ctx, id: string, input: UpdateUseCaseInput): Promise<UseCaseDetail> {
  requirePermission(ctx.actor, "usecase.create");
  await db().$transaction(async (tx) => {
    const uc = await lockVisible(tx, ctx.actor, id);
    requirePermission(ctx.actor, "usecase.create", { teamId: uc.teamId, ownerId: uc.ownerId });
    if (input.teamId && input.teamId !== uc.teamId) requirePermission(ctx.actor, "usecase.create", { teamId: input.teamId });
    if (!EDITABLE_STATES.includes(uc.state)) {
      throw new AppError("conflict", `A use case in state "${uc.state}" is read-only; a reviewer can request changes to reopen it.`, { extra: { state: uc.state } });
    }
    const low = input.valueLow !== undefined ? input.valueLow : uc.valueLow;
    const high = input.valueHigh !== undefined ? input.valueHigh : uc.valueHigh;
    if (low != null && high != null && low > high) {
      throw new AppError("validation", "The value range is inverted: the high end must be at least the low end.", { errors: [{ path: "valueHigh", message: "The high end must be at least the low end" }] });
    }
    const data = intakeData(input);
    // Autosave sends the whole set each time: links are written (and audited) only when it differs.
    const currentLinks = input.datasetIds !== undefined ? await datasetLinkIds(tx, id) : [];
    const links = input.datasetIds !== undefined ? await checkDatasets(tx, ctx.actor, input.datasetIds) : currentLinks;
    const linksChanged = input.datasetIds !== undefined && (await replaceDatasetLinks(tx, id, links, currentLinks));
    // A reviewer's override stands until the answers change; then the screening decides again.
    const tierChange = input.riskAnswers !== undefined ? { tier: screenRisk(input.riskAnswers).tier, overrideReason: null } : {};
    const updated = await tx.useCase.update({ where: { id }, data: { ...data, ...tierChange } });
    await recordAudit(tx, ctx, {
      action: "use_case.updated", entityType: "use_case", entityId: id,
      before: { ...pick(uc, Object.keys(data)), ...(linksChanged ? { datasetIds: currentLinks } : {}) },
      after: { ...pick(updated, Object.keys(data)), ...(linksChanged ? { datasetIds: links } : {}) },
    });
  });
  return getUseCase(ctx.actor, id);
}

/** A reviewer overrides the screened tier with a written reason (audited). */
export async function overrideTier(ctx: Ctx, id: string, input: OverrideTierInput): Promise<UseCaseDetail> {
  requirePermission(ctx.actor, "usecase.review");
  await db().$transaction(async (tx) => {
    const uc = await lockVisible(tx, ctx.actor, id);
    if (uc.ownerId === ctx.actor.userId) throw new AppError("forbidden", "Separation of duties: the owner may not override the risk tier of their own use case.");
    await tx.useCase.update({ where: { id }, data: { tier: input.tier, overrideReason: input.reason } });
    await tx.useCaseComment.create({ data: { useCaseId: id, authorId: ctx.actor.userId, body: `Risk tier set to ${input.tier} (screened: ${uc.screenedTier}): ${input.reason}`, mentionIds: [] } });
    await recordAudit(tx, ctx, { action: "use_case.tier_overridden", entityType: "use_case", entityId: id, before: { tier: uc.tier }, after: { tier: input.tier, reason: input.reason } });
  });
  return getUseCase(ctx.actor, id);
}

function pick(o: object, keys: string[]): Record<string, unknown> {
  const r = o as Record<string, unknown>;
  return Object.fromEntries(keys.map((k) => [k, r[k]]));
}
