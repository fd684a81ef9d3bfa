import "server-only";
import { db } from "@/lib/db";
import { notFound, type FieldError } from "@/lib/errors";
import { zodFieldErrors } from "@/lib/http/problem";
import type { Actor } from "@/lib/policy/actor";
import { can } from "@/lib/policy/require";
import type { UseCase } from "@/lib/generated/prisma/client";
import { availableTransitions, EDITABLE_STATES, type Facts } from "@/lib/use-cases/lifecycle";
import { visibleWhere } from "@/lib/use-cases/access";
import { linkedAssets } from "@/lib/use-cases/dataset-links";
import { screenRisk } from "@/lib/use-cases/risk";
import { OVERSIGHT_CLOSED_STATES } from "@/lib/use-cases/oversight-schema";
import { submittableSchema } from "@/lib/use-cases/schemas";
import type { UseCaseDetail, UseCaseSummary } from "@/lib/use-cases/views";

/** The intake fields that still stop a submission, as field errors, given the ids of its linked catalog datasets. */
export function missingForSubmit(uc: UseCase, datasetIds: string[]): FieldError[] {
  const r = submittableSchema.safeParse({
    ...uc,
    datasetIds,
    targetDate: uc.targetDate ? uc.targetDate.toISOString().slice(0, 10) : null,
    valueType: uc.valueType ?? undefined, valueLow: uc.valueLow ?? undefined, valueHigh: uc.valueHigh ?? undefined,
    valueConfidence: uc.valueConfidence ?? undefined, dataReadiness: uc.dataReadiness ?? undefined,
    feasibility: uc.feasibility ?? undefined, complexity: uc.complexity ?? undefined,
  });
  return r.success ? [] : zodFieldErrors(r.error);
}

export function factsOf(uc: UseCase, minScores: number, datasetIds: string[], note?: string): Facts {
  return {
    state: uc.state, heldFrom: uc.heldFrom, tier: uc.tier, teamId: uc.teamId, ownerId: uc.ownerId,
    scoreCount: uc.scoreCount, minScores, missing: missingForSubmit(uc, datasetIds), note,
  };
}

export function summaryOf(uc: UseCase & { team: { name: string }; owner: { name: string } }): UseCaseSummary {
  return {
    id: uc.id, title: uc.title, teamId: uc.teamId, teamName: uc.team.name, ownerId: uc.ownerId, ownerName: uc.owner.name,
    state: uc.state, tier: uc.tier, valueType: uc.valueType, valueLow: uc.valueLow, valueHigh: uc.valueHigh,
    priority: uc.scoreCount > 0 ? uc.priority : null, scoreCount: uc.scoreCount, disagreement: uc.disagreement,
    createdAt: uc.createdAt.toISOString(), stateChangedAt: uc.stateChangedAt.toISOString(),
  };
}

export async function getUseCase(actor: Actor, id: string): Promise<UseCaseDetail> {
  const uc = await db().useCase.findFirst({
    where: { id, ...visibleWhere(actor) },
    include: { team: { select: { name: true } }, owner: { select: { name: true } }, events: { orderBy: { createdAt: "asc" } } },
  });
  if (!uc) throw notFound("The use case");
  const [rubric, linked] = await Promise.all([
    db().rubric.findFirst({ where: { publishedAt: { not: null } }, orderBy: { version: "desc" }, select: { minScores: true } }),
    linkedAssets(actor, id),
  ]);
  const actorIds = [...new Set(uc.events.map((e) => e.actorId).filter((x): x is string => !!x))];
  const names = new Map((await db().user.findMany({ where: { id: { in: actorIds } }, select: { id: true, name: true } })).map((u) => [u.id, u.name]));
  const facts = factsOf(uc, rubric?.minScores ?? 2, linked.datasetIds, "(any)");
  const resource = { teamId: uc.teamId, ownerId: uc.ownerId };
  const answers = uc.riskAnswers as Record<string, boolean>;
  return {
    ...summaryOf(uc),
    problem: uc.problem, businessOwner: uc.businessOwner, intendedUsers: uc.intendedUsers, valueConfidence: uc.valueConfidence,
    successMetrics: uc.successMetrics, dataNeeded: uc.dataNeeded, assets: linked.assets, hiddenAssets: linked.hiddenAssets, dataReadiness: uc.dataReadiness, feasibility: uc.feasibility,
    complexity: uc.complexity, targetDate: uc.targetDate ? uc.targetDate.toISOString().slice(0, 10) : null,
    riskAnswers: answers, screenedTier: uc.screenedTier, screenedRule: uc.screenedRule, rulesFired: screenRisk(answers).fired,
    overrideReason: uc.overrideReason, humanOversightPlan: uc.humanOversightPlan, heldFrom: uc.heldFrom, updatedAt: uc.updatedAt.toISOString(),
    timeline: uc.events.map((e) => ({
      transition: e.transition, fromState: e.fromState, toState: e.toState, actorName: e.actorId ? (names.get(e.actorId) ?? null) : null, note: e.note, createdAt: e.createdAt.toISOString(),
    })),
    allowedTransitions: availableTransitions(actor, facts),
    can: {
      edit: EDITABLE_STATES.includes(uc.state) && can(actor, "usecase.create", resource),
      score: ["submitted", "in_review"].includes(uc.state) && can(actor, "usecase.score") && actor.userId !== uc.ownerId,
      comment: can(actor, "usecase.comment", resource),
      overrideTier: can(actor, "usecase.review") && actor.userId !== uc.ownerId,
      documentOversight: !(OVERSIGHT_CLOSED_STATES as readonly string[]).includes(uc.state) && can(actor, "usecase.create", resource),
    },
  };
}
