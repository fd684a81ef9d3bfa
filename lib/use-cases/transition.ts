import "server-only";
import { db, type Tx } from "@/lib/db";
import { recordAudit } from "@/lib/audit/record";
import type { RequestContext } from "@/lib/http/context";
import type { Actor } from "@/lib/policy/actor";
import { requirePermission } from "@/lib/policy/require";
import { planTransition } from "@/lib/use-cases/lifecycle";
import { currentRubric, lockVisible } from "@/lib/use-cases/access";
import { datasetLinkIds } from "@/lib/use-cases/dataset-links";
import { factsOf, getUseCase } from "@/lib/use-cases/read";
import type { TransitionInput } from "@/lib/use-cases/schemas";
import { mentionHandles } from "@/lib/use-cases/comments";
import { notify, usersByHandle, whoMayRead } from "@/lib/notifications/notify";
import type { UseCaseDetail } from "@/lib/use-cases/views";

/** The change request as a comment on the use case, and notifications in the same transaction. */
async function sendChangeRequest(tx: Tx, actorId: string, uc: { id: string; teamId: string; ownerId: string }, note: string): Promise<string[]> {
  const mentioned = whoMayRead(await usersByHandle(tx, mentionHandles(note)), uc).map((u) => u.userId);
  await tx.useCaseComment.create({ data: { useCaseId: uc.id, authorId: actorId, kind: "change_request", body: note, mentionIds: [...new Set([uc.ownerId, ...mentioned])] } });
  return notify(tx, { useCaseId: uc.id, actorId, text: note, recipients: [{ userId: uc.ownerId, kind: "change_request" }, ...mentioned.map((userId) => ({ userId, kind: "mention" as const }))] });
}

/** The decision reaches the owner: the reviewer's note when there is one, else what was decided. */
async function sendDecision(tx: Tx, actorId: string, uc: { id: string; ownerId: string }, kind: "approved" | "rejected", note: string | undefined): Promise<string[]> {
  const text = note?.trim() || (kind === "approved" ? "Approved for build." : "Rejected.");
  return notify(tx, { useCaseId: uc.id, actorId, text, recipients: [{ userId: uc.ownerId, kind }] });
}

/**
 * Moves a use case through its lifecycle: the row is locked, planTransition decides
 * (409 with the allowed next states, 403, or the guard's error), and the new state,
 * the timeline entry, a change-request note for the owner and the audit event are
 * written in one transaction.
 */
export async function transitionUseCase(ctx: RequestContext & { actor: Actor }, id: string, input: TransitionInput): Promise<UseCaseDetail> {
  requirePermission(ctx.actor, "usecase.read");
  await db().$transaction(async (tx) => {
    const uc = await lockVisible(tx, ctx.actor, id);
    const rubric = await currentRubric(tx);
    const datasets = input.transition === "submit" ? await datasetLinkIds(tx, id) : [];
    const to = planTransition(ctx.actor, input.transition, factsOf(uc, rubric?.minScores ?? 2, datasets, input.note));
    const now = new Date();
    await tx.useCase.update({
      where: { id },
      data: {
        state: to,
        stateChangedAt: now,
        heldFrom: input.transition === "hold" ? uc.state : input.transition === "resume" ? null : uc.heldFrom,
      },
    });
    await tx.useCaseEvent.updateMany({ where: { useCaseId: id, endedAt: null }, data: { endedAt: now } });
    await tx.useCaseEvent.create({ data: { useCaseId: id, transition: input.transition, fromState: uc.state, toState: to, actorId: ctx.actor.userId, note: input.note || null, createdAt: now } });
    // The reviewer's note goes to the owner (and to anyone it @mentions who may read the use
    // case); a decision reaches the owner, who otherwise learns of it only by looking.
    const notified =
      input.transition === "request_changes" && input.note ? await sendChangeRequest(tx, ctx.actor.userId, uc, input.note)
      : input.transition === "approve" || input.transition === "reject" ? await sendDecision(tx, ctx.actor.userId, uc, input.transition === "approve" ? "approved" : "rejected", input.note)
      : [];
    await recordAudit(tx, ctx, {
      action: `use_case.${input.transition}`, entityType: "use_case", entityId: id,
      before: { state: uc.state }, after: { state: to, ...(input.note ? { note: input.note } : {}), ...(notified.length ? { notified } : {}) },
    });
  });
  return getUseCase(ctx.actor, id);
}
