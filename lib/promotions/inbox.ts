import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/policy/actor";
import { scopeFor, type RoleName } from "@/lib/policy/permissions";
import { can, requirePermission, teamFilter } from "@/lib/policy/require";
import { tally, whyCannotDecide, type Decision } from "@/lib/promotions/approval-rules";
import { loadSides, type Side } from "@/lib/promotions/inbox-sides";
import { timeAfter, timeCursor } from "@/lib/promotions/keyset";
import type { ApprovalPolicyFacts } from "@/lib/promotions/approval-rules";
import { pendingUseCaseDecisions } from "@/lib/promotions/use-case-facts";

// The reviewer's inbox: promotions and rollbacks waiting for a decision, oldest first, a keyset
// page at a time, with what the list shows to decide (the diff against what runs now, the latest
// gate results, the tally, whether the request went stale). Everything else is on the promotion
// page. "I can decide" narrows it in SQL to what the caller may decide now, by the same rules
// decidePromotion applies (whyCannotDecide); "all visible" is what their read scope shows.

export const inboxQuery = z.object({
  show: z.enum(["decide", "visible"], { message: "Show 'decide' (what you can decide) or 'visible' (everything waiting that you may see)" }).default("decide"),
  environment: z.string().trim().min(1).max(100).optional(),
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});
export type InboxQuery = z.infer<typeof inboxQuery>;

interface PageRow {
  id: string; number: number; state: "pending_approval" | "rollback_pending"; round: number; strategy: string; justification: string; rollbackReason: string | null;
  submittedAt: Date; modelVersionId: string; previousVersionId: string | null; envKey: string; envName: string; requesterId: string; requesterName: string; rollbackRequestedById: string | null; rollbackRequestedByName: string | null;
  requiredApprovals: number; rollbackApprovals: number; approverRoles: RoleName[]; approverTeamIds: string[]; highRiskRole: RoleName | null;
  requesterMayNotApprove: boolean; authorMayNotApprove: boolean; highRisk: boolean; authorId: string | null;
  decisions: { reviewerId: string; decision: Decision["decision"]; roles: RoleName[] | null }[];
  gates: { gate: string; verdict: "pass" | "fail" | "warn"; reason: string }[];
  assetId: string | null;
}

/**
 * SQL: the caller may decide this request now (whyCannotDecide, as a WHERE over p, pol and uc).
 * Roles and teams pick the policies first, as arrays of ids: a condition the planner can
 * estimate, so it walks the (state, submitted_at, id) index in order and stops at the page
 * instead of sorting every waiting request (2,300 at full bench scale).
 */
function canDecideSql(actor: Actor): Prisma.Sql {
  const purpose = Prisma.sql`(CASE WHEN p.state = 'rollback_pending' THEN 'rollback' ELSE 'promotion' END)::"ApprovalPurpose"`;
  return Prisma.sql`(
    NOT (pol.requester_may_not_approve AND (CASE WHEN p.state = 'rollback_pending' THEN COALESCE(p.rollback_requested_by_id, p.requested_by_id) ELSE p.requested_by_id END) = ${actor.userId}::uuid)
    AND NOT (pol.author_may_not_approve AND EXISTS (SELECT 1 FROM audit_events ae WHERE ae.entity_type = 'model_version' AND ae.entity_id = p.model_version_id::text
      AND ae.action = 'model_version.registered' AND ae.actor_type = 'user' AND ae.actor_id = ${actor.userId}))
    AND NOT EXISTS (SELECT 1 FROM promotion_approvals pa WHERE pa.promotion_id = p.id AND pa.purpose = ${purpose} AND pa.round = p.round AND pa.reviewer_id = ${actor.userId}::uuid)
    AND (p.policy_id = ANY(ARRAY(SELECT ap.id FROM environment_policies ap WHERE ap.approver_roles::text[] && ${actor.roles}::text[]
          AND (cardinality(ap.approver_team_ids) = 0 OR ap.approver_team_ids && ${actor.teamIds}::text[])))
      OR ((uc.tier = 'high' OR p.inherited_risk_tier IN ('high', 'prohibited')) AND p.policy_id = ANY(ARRAY(SELECT hp.id FROM environment_policies hp WHERE hp.high_risk_role::text = ANY(${actor.roles}::text[]))))))`;
}

/** One statement: the page (an index walk per waiting state), then per row what the list shows but the diff. */
async function loadPage(actor: Actor, q: InboxQuery): Promise<PageRow[]> {
  // The inbox is open to whoever may approve; which requests they see follows their read scope.
  const readScope = scopeFor(actor.roles, "promotion.read");
  const teams = readScope ? teamFilter(actor, readScope) : [];
  const after = timeAfter(q.cursor);
  return db().$queryRaw<PageRow[]>`
    WITH page AS (
      SELECT x.* FROM unnest(ARRAY['pending_approval', 'rollback_pending']::"PromotionState"[]) s(state)
      CROSS JOIN LATERAL (
        -- High risk as decide.ts judges it: the use case's own tier, or what lineage passes on (gates.ts inheritsHighRisk).
        SELECT p.id, p.submitted_at, (uc.tier = 'high' OR p.inherited_risk_tier IN ('high', 'prohibited')) AS high_risk
        FROM promotions p
        JOIN environment_policies pol ON pol.id = p.policy_id
        LEFT JOIN use_cases uc ON uc.id = p.use_case_id
        WHERE p.state = s.state
          AND ${teams ? Prisma.sql`p.team_id = ANY(${teams}::uuid[])` : Prisma.sql`TRUE`}
          AND ${q.environment ? Prisma.sql`p.environment_id = (SELECT id FROM environments WHERE key = ${q.environment})` : Prisma.sql`TRUE`}
          AND ${after ? Prisma.sql`(p.submitted_at > ${after.at} OR (p.submitted_at = ${after.at} AND p.id > ${after.id}::uuid))` : Prisma.sql`TRUE`}
          AND ${q.show === "decide" ? canDecideSql(actor) : Prisma.sql`TRUE`}
        ORDER BY p.submitted_at, p.id
        LIMIT ${q.limit + 1}
      ) x
      ORDER BY x.submitted_at, x.id
      LIMIT ${q.limit + 1}
    )
    SELECT p.id::text, p.number, p.state::text AS state, p.round, p.strategy::text AS strategy, p.justification, p.rollback_reason AS "rollbackReason",
      page.submitted_at AS "submittedAt", p.model_version_id::text AS "modelVersionId", p.previous_deployment->>'modelVersionId' AS "previousVersionId",
      e.key AS "envKey", e.name AS "envName", u.id::text AS "requesterId", u.name AS "requesterName", p.rollback_requested_by_id::text AS "rollbackRequestedById", rb.name AS "rollbackRequestedByName",
      pol.required_approvals AS "requiredApprovals", pol.rollback_approvals AS "rollbackApprovals", pol.approver_roles::text[] AS "approverRoles", pol.approver_team_ids AS "approverTeamIds",
      pol.high_risk_role::text AS "highRiskRole", pol.requester_may_not_approve AS "requesterMayNotApprove", pol.author_may_not_approve AS "authorMayNotApprove",
      COALESCE(page.high_risk, false) AS "highRisk",
      (SELECT ae.actor_id FROM audit_events ae WHERE ae.entity_type = 'model_version' AND ae.entity_id = p.model_version_id::text
        AND ae.action = 'model_version.registered' AND ae.actor_type = 'user' ORDER BY ae.seq DESC LIMIT 1) AS "authorId",
      COALESCE((SELECT json_agg(json_build_object('reviewerId', pa.reviewer_id, 'decision', pa.decision, 'roles', (SELECT array_agg(ur.role) FROM user_roles ur WHERE ur.user_id = pa.reviewer_id)))
        FROM promotion_approvals pa WHERE pa.promotion_id = p.id AND pa.round = p.round
          AND pa.purpose = (CASE WHEN p.state = 'rollback_pending' THEN 'rollback' ELSE 'promotion' END)::"ApprovalPurpose"), '[]') AS decisions,
      COALESCE((SELECT json_agg(json_build_object('gate', g.gate, 'verdict', g.verdict, 'reason', g.reason) ORDER BY g.gate)
        FROM promotion_gate_results g WHERE g.promotion_id = p.id
          AND g.evaluated_at = (SELECT max(g2.evaluated_at) FROM promotion_gate_results g2 WHERE g2.promotion_id = p.id)), '[]') AS gates,
      mv.asset_id::text AS "assetId"
    FROM page
    JOIN promotions p ON p.id = page.id
    JOIN environments e ON e.id = p.environment_id
    JOIN environment_policies pol ON pol.id = p.policy_id
    JOIN users u ON u.id = p.requested_by_id
    LEFT JOIN users rb ON rb.id = p.rollback_requested_by_id
    LEFT JOIN model_versions mv ON mv.id = p.model_version_id
    ORDER BY page.submitted_at, page.id`;
}

export async function approvalsInbox(actor: Actor, q: InboxQuery = inboxQuery.parse({})) {
  requirePermission(actor, "promotion.approve");
  const rows = await loadPage(actor, q);
  const page = rows.slice(0, q.limit);
  const sides = await loadSides(page.flatMap((p) => [p.modelVersionId, p.previousVersionId]), page.flatMap((p) => (p.assetId ? [{ assetId: p.assetId, environment: p.envKey }] : [])));
  const items = page.map((p) => {
    const purpose = p.state === "rollback_pending" ? "rollback" : "promotion";
    const requested = sides.versions.get(p.modelVersionId);
    const running = p.assetId ? sides.runningIn(p.assetId, p.envKey) : undefined;
    // A rollback's "candidate" is the version that would come back: what ran before this
    // promotion (none when it was the model's first deployment there: the rollback removes it).
    const candidate = purpose === "rollback" ? (p.previousVersionId ? sides.versions.get(p.previousVersionId) ?? null : null) : requested ?? null;
    const current = running && (purpose === "rollback" || running.side.id !== p.modelVersionId) ? { ...running.side, since: running.since.toISOString() } : null;
    const decisions: Decision[] = p.decisions.map((d) => ({ reviewerId: d.reviewerId, reviewerRoles: d.roles ?? [], decision: d.decision }));
    const policy: ApprovalPolicyFacts = {
      requiredApprovals: p.requiredApprovals, approverRoles: p.approverRoles, approverTeamIds: p.approverTeamIds, highRiskRole: p.highRiskRole,
      requesterMayNotApprove: p.requesterMayNotApprove, authorMayNotApprove: p.authorMayNotApprove,
    };
    const why = whyCannotDecide(actor, { requesterId: purpose === "rollback" ? (p.rollbackRequestedById ?? p.requesterId) : p.requesterId, modelAuthorId: p.authorId, decisions, policy, highRisk: p.highRisk, purpose });
    const t = tally(decisions, policy, p.highRisk && purpose === "promotion", purpose === "rollback" ? p.rollbackApprovals : p.requiredApprovals);
    return {
      id: p.id, number: p.number, purpose, state: p.state, environment: { key: p.envKey, name: p.envName }, strategy: p.strategy, justification: p.justification, rollbackReason: p.rollbackReason,
      requestedBy: { id: p.requesterId, name: p.requesterName }, submittedAt: p.submittedAt.toISOString(),
      /** Who asked for the rollback (a rollback's requester, for separation of duties). */
      rollbackRequestedBy: p.rollbackRequestedById && p.rollbackRequestedByName ? { id: p.rollbackRequestedById, name: p.rollbackRequestedByName } : null,
      model: requested ? { name: requested.modelName, assetId: requested.assetId, version: requested.version } : null,
      /** What the decision puts in place: the requested version, or for a rollback the one that comes back. */
      candidate: candidate ? sideView(candidate) : null,
      current: current ? { ...sideView(current), since: current.since } : null,
      // Stale: what runs there now is newer than the requested version.
      stale: purpose === "promotion" && !!(requested && running && running.side.id !== requested.id && running.side.createdAt > requested.createdAt),
      gates: p.gates,
      approvals: t.approvals,
      required: t.required,
      highRisk: p.highRisk,
      /** The policy's extra role for high-risk requests, while no approval from it is in yet. */
      stillNeeds: t.missingHighRiskRole ? p.highRiskRole : null,
      canDecide: why === null,
      cannotDecideReason: why,
    };
  });
  const last = page.at(-1);
  // Use cases waiting for review come with the first page only (they are not paged here).
  const useCases = !q.cursor && can(actor, "promotion.approve") && actor.roles.some((r) => r === "reviewer" || r === "admin") ? await pendingUseCaseDecisions(db()) : [];
  return {
    show: q.show,
    items,
    nextCursor: rows.length > q.limit && last ? timeCursor(last.submittedAt, last.id) : null,
    useCases: useCases.map((u) => ({ ...u, updatedAt: new Date(u.updatedAt).toISOString() })),
  };
}

function sideView(s: Side) {
  return { id: s.id, version: s.version, createdAt: s.createdAt.toISOString(), metrics: s.metrics, params: s.params, code: s.code, data: s.data };
}

export type Inbox = Awaited<ReturnType<typeof approvalsInbox>>;
export type InboxItem = Inbox["items"][number];
