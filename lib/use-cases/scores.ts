import "server-only";
import { db, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { recordAudit } from "@/lib/audit/record";
import type { RequestContext } from "@/lib/http/context";
import type { Actor } from "@/lib/policy/actor";
import { requirePermission } from "@/lib/policy/require";
import { currentRubric, lockVisible } from "@/lib/use-cases/access";
import { explainScores } from "@/lib/use-cases/explain";
import { priorityOf, type ScoreValues } from "@/lib/use-cases/priority";
import { getScores } from "@/lib/use-cases/score-view";
import type { SubmitScoreInput } from "@/lib/use-cases/schemas";
import type { UseCaseState } from "@/lib/generated/prisma/client";
import type { ScoresView } from "@/lib/use-cases/views";

/** The states in which reviewers score a use case (the home page lists these as waiting for a score). */
export const SCORABLE: readonly UseCaseState[] = ["submitted", "in_review"];

/**
 * A reviewer's own score under the current rubric. Its priority is computed now and
 * frozen with the rubric version, so publishing a later version never changes it.
 * The use case's mean priority and disagreement flag are refreshed in the same transaction.
 */
export async function submitScore(ctx: RequestContext & { actor: Actor }, useCaseId: string, input: SubmitScoreInput): Promise<ScoresView> {
  requirePermission(ctx.actor, "usecase.score");
  await db().$transaction(async (tx) => {
    const uc = await lockVisible(tx, ctx.actor, useCaseId);
    if (uc.ownerId === ctx.actor.userId) throw new AppError("forbidden", "Separation of duties: you own this use case, so you may not score it.");
    if (!SCORABLE.includes(uc.state)) throw new AppError("conflict", `Scores are taken while a use case is submitted or in review; this one is ${uc.state}.`, { extra: { state: uc.state } });
    const rubric = await currentRubric(tx);
    if (!rubric) throw new AppError("conflict", "No rubric is published yet; an admin must publish one before scoring.");
    const keys = rubric.criteria.map((c) => c.key);
    const errors = [
      ...keys.filter((k) => input.values[k] === undefined).map((k) => ({ path: `values.${k}`, message: "Score this criterion (1 to 5)" })),
      ...Object.keys(input.values).filter((k) => !keys.includes(k)).map((k) => ({ path: `values.${k}`, message: `Not a criterion of rubric version ${rubric.version}` })),
    ];
    if (errors.length) throw new AppError("validation", `The score must cover exactly the criteria of rubric version ${rubric.version}: ${keys.join(", ")}.`, { errors });
    const priority = priorityOf(input.values, rubric.criteria);
    const before = await tx.useCaseScore.findUnique({ where: { useCaseId_reviewerId: { useCaseId, reviewerId: ctx.actor.userId } } });
    const data = { rubricId: rubric.id, values: input.values, priority, note: input.note };
    const score = await tx.useCaseScore.upsert({
      where: { useCaseId_reviewerId: { useCaseId, reviewerId: ctx.actor.userId } },
      create: { useCaseId, reviewerId: ctx.actor.userId, ...data },
      update: data,
    });
    await refreshAggregate(tx, useCaseId);
    await recordAudit(tx, ctx, {
      action: before ? "use_case.score_updated" : "use_case.scored", entityType: "use_case", entityId: useCaseId,
      before: before ? { values: before.values, priority: before.priority } : null,
      after: { scoreId: score.id, rubricVersion: rubric.version, values: input.values, priority },
    });
  });
  return getScores(ctx.actor, useCaseId);
}

/**
 * Recomputes the denormalised priority, count and disagreement flag from the frozen
 * scores: the mean of their own priorities, and disagreement within a rubric version
 * (explain.ts says why).
 */
export async function refreshAggregate(tx: Tx, useCaseId: string): Promise<void> {
  const scores = await tx.useCaseScore.findMany({ where: { useCaseId }, include: { rubric: { include: { criteria: true } } } });
  const explained = explainScores(scores.map((s) => ({ rubricVersion: s.rubric.version, criteria: s.rubric.criteria, disagreementSpread: s.rubric.disagreementSpread, values: s.values as ScoreValues })));
  const disagreement = explained?.disagreement ?? false;
  const priority = scores.length ? scores.reduce((s, x) => s + x.priority, 0) / scores.length : 0;
  await tx.useCase.update({ where: { id: useCaseId }, data: { priority, scoreCount: scores.length, disagreement } });
}
