import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/policy/actor";
import { can } from "@/lib/policy/require";
import { approvalsInbox, inboxQuery } from "@/lib/promotions/inbox";
import { listNotifications } from "@/lib/notifications/inbox";
import { listNotificationsQuery, type NotificationView } from "@/lib/notifications/schemas";
import { currentRubric, visibleTeams, visibleWhere } from "@/lib/use-cases/access";
import { Prisma } from "@/lib/generated/prisma/client";
import { SCORABLE } from "@/lib/use-cases/scores";

// The home page answers "what needs me now?" for whoever signs in: promotions they can
// decide, use cases waiting for their score, their own use cases waiting for their changes,
// and unread notifications. Each list comes from the service its own page uses, with the
// same permission checks, and only for roles that can act on it.

const SHOWN = 5;

export interface UseCaseLine { id: string; title: string; state: string; since: string }
export interface Home {
  decisions: { items: { id: string; number: number; purpose: string; model: string; environment: string; highRisk: boolean; approvals: number; required: number }[]; more: boolean } | null;
  toScore: { items: UseCaseLine[]; total: number } | null;
  /** In review with the scores approval needs (the rubric's minimum), for those who approve or reject use cases. */
  toDecide: { items: UseCaseLine[]; total: number } | null;
  yourChanges: { items: UseCaseLine[]; total: number } | null;
  notifications: { items: NotificationView[]; unread: number } | null;
  /** The portfolio in four numbers, for whoever may read the portfolio dashboard. */
  glance: { inReview: number; building: number; live: number; openHighRisk: number } | null;
}

export async function homeFor(actor: Actor): Promise<Home> {
  const [decisions, toScore, toDecide, yourChanges, notifications, glance] = await Promise.all([
    can(actor, "promotion.approve") ? approvalsInbox(actor, inboxQuery.parse({ show: "decide", limit: SHOWN })) : null,
    // Highest priority first, as the portfolio ranks them; the owner may not score their own.
    can(actor, "usecase.score") && can(actor, "usecase.read")
      ? linesOfUseCases({ AND: [visibleWhere(actor), { state: { in: [...SCORABLE] } }, { ownerId: { not: actor.userId } }, { scores: { none: { reviewerId: actor.userId } } }] }, [{ priority: "desc" }, { id: "desc" }])
      : null,
    can(actor, "usecase.decide") && can(actor, "usecase.read") ? readyToDecide(actor) : null,
    can(actor, "usecase.create") && can(actor, "usecase.read")
      ? linesOfUseCases({ AND: [visibleWhere(actor), { ownerId: actor.userId }, { state: { in: ["changes_requested", "draft"] } }] }, [{ stateChangedAt: "desc" }, { id: "desc" }])
      : null,
    can(actor, "notification.read") ? listNotifications(actor, listNotificationsQuery.parse({ unread: "true", limit: SHOWN })) : null,
    can(actor, "portfolio.read") ? portfolioGlance(actor) : null,
  ]);
  return {
    decisions: decisions && {
      items: decisions.items.map((p) => ({
        id: p.id, number: p.number, purpose: p.purpose, model: p.model ? `${p.model.name} v${p.model.version}` : "A model version",
        environment: p.environment.name, highRisk: p.highRisk, approvals: p.approvals, required: p.required,
      })),
      more: decisions.nextCursor !== null,
    },
    toScore,
    toDecide,
    yourChanges,
    notifications: notifications && { items: notifications.items, unread: notifications.unreadCount },
    glance,
  };
}

async function linesOfUseCases(where: Prisma.UseCaseWhereInput, orderBy: Prisma.UseCaseOrderByWithRelationInput[]): Promise<{ items: UseCaseLine[]; total: number }> {
  const [rows, total] = await Promise.all([
    db().useCase.findMany({ where, orderBy, take: SHOWN, select: { id: true, title: true, state: true, stateChangedAt: true } }),
    db().useCase.count({ where }),
  ]);
  return { items: rows.map((r) => ({ id: r.id, title: r.title, state: r.state, since: r.stateChangedAt.toISOString() })), total };
}

/** Use cases an approver can decide now: in review, scored as often as the current rubric asks, not their own. */
async function readyToDecide(actor: Actor): Promise<NonNullable<Home["toDecide"]>> {
  const minScores = (await currentRubric(db()))?.minScores ?? 2;
  return linesOfUseCases({ AND: [visibleWhere(actor), { state: "in_review" }, { scoreCount: { gte: minScores } }, { ownerId: { not: actor.userId } }] }, [{ priority: "desc" }, { id: "desc" }]);
}

/** One aggregate over the use cases the actor's portfolio view covers (the dashboard's scope). */
async function portfolioGlance(actor: Actor): Promise<NonNullable<Home["glance"]>> {
  const teams = visibleTeams(actor, "portfolio.read");
  const scope = teams === null ? Prisma.sql`TRUE` : Prisma.sql`u.team_id = ANY(CAST(${teams} AS uuid[]))`;
  const [row] = await db().$queryRaw<NonNullable<Home["glance"]>[]>`
    SELECT count(*) FILTER (WHERE u.state IN ('submitted', 'in_review'))::int AS "inReview",
           count(*) FILTER (WHERE u.state IN ('approved', 'in_development'))::int AS building,
           count(*) FILTER (WHERE u.state = 'in_production')::int AS live,
           count(*) FILTER (WHERE u.tier IN ('high', 'prohibited') AND u.state NOT IN ('draft', 'rejected', 'retired'))::int AS "openHighRisk"
    FROM use_cases u WHERE ${scope}`;
  return row!;
}
