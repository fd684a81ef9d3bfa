import { ROLE_LABELS, type RoleName } from "@/lib/policy/permissions";
import type { PolicyView } from "@/lib/environments/schemas";

// One-line descriptions of a policy version for the environments page and its history, so the
// page reads the same wherever a policy is shown.

const role = (r: RoleName) => ROLE_LABELS[r].toLowerCase();

export function approvalsSummary(p: PolicyView): string {
  const who = p.approverRoles.map(role).join(" or ");
  const base = p.requiredApprovals === 0 ? "No approval needed" : `${p.requiredApprovals} approval${p.requiredApprovals === 1 ? "" : "s"} from ${who}${p.approverTeamIds.length ? ` (approving teams only)` : ""}`;
  return p.highRiskRole ? `${base}; high-risk use cases also need a ${role(p.highRiskRole)}` : base;
}

export function dutiesSummary(p: PolicyView): string {
  const off = [!p.requesterMayNotApprove && "the requester may approve", !p.authorMayNotApprove && "the model's author may approve"].filter(Boolean);
  return off.length ? `Relaxed: ${off.join(", ")}` : "Requester and model author may not approve";
}

export function gatesSummary(p: PolicyView): string {
  const g = p.gates;
  const metrics = g.metrics.length ? `${g.metrics.map((m) => `${m.metric} ${m.op} ${m.threshold}${m.required ? " (required)" : ""}`).join(", ")} [${g.metricsLevel}]` : "no metric thresholds";
  const regression = g.maxRegression !== null ? `, at most ${g.maxRegression} worse than what runs now` : "";
  return `${metrics}${regression}; reproducibility ${g.reproducibility}, lineage ${g.lineage}, data quality ${g.dataQuality}, risk tier ${g.riskTier}, use case approved ${g.useCaseApproved}`;
}
