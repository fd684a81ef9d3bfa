import type { RoleName } from "@/lib/policy/permissions";

// Separation of duties and approval counting, as pure functions so every rule has a
// unit test. The service calls them with the rows it loaded under a row lock.

export interface ApproverFacts {
  userId: string;
  roles: readonly RoleName[];
  teamIds: readonly string[];
}

export interface ApprovalPolicyFacts {
  requiredApprovals: number;
  approverRoles: readonly RoleName[];
  approverTeamIds: readonly string[];
  highRiskRole: RoleName | null;
  /** Separation of duties (on unless a policy version turned it off). */
  requesterMayNotApprove?: boolean;
  authorMayNotApprove?: boolean;
}

export interface Decision {
  reviewerId: string;
  reviewerRoles: readonly RoleName[];
  decision: "approve" | "reject" | "request_changes";
}

/** Why this person may not decide on this request, or null when they may. */
export function whyCannotDecide(
  who: ApproverFacts,
  facts: { requesterId: string; modelAuthorId: string | null; decisions: readonly Decision[]; policy: ApprovalPolicyFacts; highRisk: boolean; purpose?: "promotion" | "rollback" },
): string | null {
  // For a rollback the requester is whoever asked for the rollback, and the sentence says so.
  if (facts.policy.requesterMayNotApprove !== false && who.userId === facts.requesterId)
    return facts.purpose === "rollback"
      ? "You asked for this rollback; separation of duties says someone else must approve it."
      : "You requested this promotion; separation of duties says someone else must approve it.";
  if (facts.policy.authorMayNotApprove !== false && facts.modelAuthorId && who.userId === facts.modelAuthorId) return "You registered this model version; separation of duties says someone else must approve it.";
  if (facts.decisions.some((d) => d.reviewerId === who.userId)) return "You have already decided on this request; each reviewer acts once.";
  const { approverRoles, approverTeamIds, highRiskRole } = facts.policy;
  const asApprover = who.roles.some((r) => approverRoles.includes(r));
  const asHighRiskRole = facts.highRisk && !!highRiskRole && who.roles.includes(highRiskRole);
  if (!asApprover && !asHighRiskRole) {
    const roles = [...approverRoles, ...(facts.highRisk && highRiskRole ? [highRiskRole] : [])];
    return `This environment's policy takes decisions only from ${roles.map((r) => `${r.replace(/_/g, " ")}s`).join(" or ")}.`;
  }
  // The extra role of a high-risk request (e.g. model risk) is an independent check, so it is
  // not limited to the approving teams.
  if (approverTeamIds.length && !asHighRiskRole && !who.teamIds.some((t) => approverTeamIds.includes(t))) return "This environment's policy takes decisions only from members of its approving teams.";
  return null;
}

export interface Tally {
  approvals: number;
  required: number;
  /** True when a high-risk request still lacks its approval from the extra role. */
  missingHighRiskRole: boolean;
  complete: boolean;
}

/** Distinct approvers count once each; a high-risk request also needs one from the extra role. */
export function tally(decisions: readonly Decision[], policy: ApprovalPolicyFacts, highRisk: boolean, required = policy.requiredApprovals): Tally {
  const approvers = new Map<string, readonly RoleName[]>();
  for (const d of decisions) if (d.decision === "approve") approvers.set(d.reviewerId, d.reviewerRoles);
  const needsExtra = highRisk && !!policy.highRiskRole;
  const missingHighRiskRole = needsExtra && ![...approvers.values()].some((roles) => roles.includes(policy.highRiskRole!));
  const requiredTotal = needsExtra ? Math.max(required, 1) : required;
  return { approvals: approvers.size, required: requiredTotal, missingHighRiskRole, complete: approvers.size >= requiredTotal && !missingHighRiskRole };
}
