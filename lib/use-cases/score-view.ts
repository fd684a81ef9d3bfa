import "server-only";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import type { Actor } from "@/lib/policy/actor";
import { can } from "@/lib/policy/require";
import { Prisma } from "@/lib/generated/prisma/client";
import { currentRubric, visibleTeams, visibleWhere } from "@/lib/use-cases/access";
import { explainScores } from "@/lib/use-cases/explain";
import { rankReason, type ScoreValues } from "@/lib/use-cases/priority";
import { rubricView } from "@/lib/use-cases/rubrics";
import type { ScoresView } from "@/lib/use-cases/views";

async function scoresOf(useCaseId: string) {
  return db().useCaseScore.findMany({
    where: { useCaseId },
    include: { rubric: { include: { criteria: { orderBy: { position: "asc" } } } }, reviewer: { select: { name: true } } },
    orderBy: [{ rubric: { version: "desc" } }, { createdAt: "asc" }],
  });
}
type ScoreRow = Awaited<ReturnType<typeof scoresOf>>[number];

/** The explanation of a use case's priority, each score under its own rubric version (see explain.ts). */
function explain(scores: ScoreRow[]) {
  return explainScores(scores.map((s) => ({ rubricVersion: s.rubric.version, criteria: s.rubric.criteria, disagreementSpread: s.rubric.disagreementSpread, values: s.values as ScoreValues })));
}

/**
 * Scores of a use case with their aggregate and explanation. A reviewer who has not
 * scored it yet sees only the count, so their score stays independent.
 */
export async function getScores(actor: Actor, useCaseId: string): Promise<ScoresView> {
  const where = visibleWhere(actor);
  const uc = await db().useCase.findFirst({ where: { id: useCaseId, ...where }, select: { id: true, title: true, priority: true, scoreCount: true, disagreement: true } });
  if (!uc) throw notFound("The use case");
  const [rubric, scores] = await Promise.all([currentRubric(db()), scoresOf(useCaseId)]);
  const mine = scores.find((s) => s.reviewerId === actor.userId);
  const hidden = can(actor, "usecase.score") && !mine && !can(actor, "usecase.decide");
  const base = {
    rubric: rubric ? rubricView(rubric, rubric.id) : null,
    hidden,
    scoreCount: scores.length,
    myScore: mine ? { values: mine.values as ScoreValues, note: mine.note, rubricVersion: mine.rubric.version, priority: mine.priority, updatedAt: mine.updatedAt.toISOString() } : null,
  };
  if (hidden || scores.length === 0) return { ...base, scores: [], aggregate: null };
  const explanation = explain(scores)!;
  // The next use case down the ranking, among those this actor may see. The row comparison
  // starts the (priority, id) index scan right below this one; written as OR (as Prisma would)
  // it filtered its way down from the top. Only the lowest-ranked scored use case walks on
  // through the unscored ones (priority 0) to find there is none.
  const teams = visibleTeams(actor);
  const [next] = await db().$queryRaw<{ id: string; title: string; priority: number }[]>`
    SELECT u.id, u.title, u.priority FROM use_cases u
    WHERE ${teams === null ? Prisma.sql`TRUE` : Prisma.sql`u.team_id = ANY(CAST(${teams} AS uuid[]))`}
      AND u.score_count > 0 AND (u.priority, u.id) < (${uc.priority}::float8, ${uc.id}::uuid)
    ORDER BY u.priority DESC, u.id DESC LIMIT 1`;
  const nextExplained = next ? explain(await scoresOf(next.id)) : null;
  return {
    ...base,
    scores: scores.map((s) => ({
      reviewerId: s.reviewerId, reviewerName: s.reviewer.name, rubricVersion: s.rubric.version, values: s.values as ScoreValues,
      priority: s.priority, note: s.note, updatedAt: s.updatedAt.toISOString(),
    })),
    aggregate: {
      priority: uc.priority,
      disagreement: uc.disagreement,
      explanation: { mixedVersions: explanation.mixedVersions, versions: explanation.versions, combined: explanation.combined },
      rankAbove: next && nextExplained
        ? { id: next.id, title: next.title, priority: next.priority, reason: rankReason({ title: uc.title, parts: explanation.combined, priority: uc.priority }, { title: next.title, parts: nextExplained.combined, priority: next.priority }) }
        : null,
    },
  };
}
