import { describe, expect, it } from "vitest";
import { tally, whyCannotDecide, type ApprovalPolicyFacts } from "@/lib/promotions/approval-rules";

const policy: ApprovalPolicyFacts = { requiredApprovals: 2, approverRoles: ["approver"], approverTeamIds: [], highRiskRole: "admin" };
const base = { requesterId: "req", modelAuthorId: "author", decisions: [], policy, highRisk: false };
const approver = (id: string) => ({ userId: id, roles: ["approver"] as const, teamIds: [] });

describe("separation of duties", () => {
  it("refuses the requester", () => {
    expect(whyCannotDecide(approver("req"), base)).toMatch(/You requested this promotion/);
  });
  it("says 'rollback' to the person who asked for a rollback", () => {
    expect(whyCannotDecide(approver("req"), { ...base, purpose: "rollback" })).toMatch(/You asked for this rollback/);
  });
  it("refuses the model's author", () => {
    expect(whyCannotDecide(approver("author"), base)).toMatch(/registered this model version/);
  });
  it("lets the requester and the author approve when the policy version relaxes it", () => {
    const relaxed = { ...policy, requesterMayNotApprove: false, authorMayNotApprove: false };
    expect(whyCannotDecide(approver("req"), { ...base, policy: relaxed })).toBeNull();
    expect(whyCannotDecide(approver("author"), { ...base, policy: relaxed })).toBeNull();
    expect(whyCannotDecide(approver("author"), { ...base, policy: { ...policy, requesterMayNotApprove: false } })).toMatch(/registered this model version/);
  });
  it("refuses a reviewer who already decided", () => {
    const decisions = [{ reviewerId: "a", reviewerRoles: ["approver"] as const, decision: "approve" as const }];
    expect(whyCannotDecide(approver("a"), { ...base, decisions })).toMatch(/already decided/);
  });
  it("refuses roles the policy does not name", () => {
    expect(whyCannotDecide({ userId: "x", roles: ["reviewer"], teamIds: [] }, base)).toMatch(/only from approvers/);
  });
  it("accepts the extra role on a high-risk request", () => {
    expect(whyCannotDecide({ userId: "x", roles: ["admin"], teamIds: [] }, { ...base, highRisk: true })).toBeNull();
  });
  it("does not limit the extra role of a high-risk request to the approving teams", () => {
    const p = { ...policy, approverTeamIds: ["t1"] };
    expect(whyCannotDecide({ userId: "x", roles: ["admin"], teamIds: [] }, { ...base, policy: p, highRisk: true })).toBeNull();
    expect(whyCannotDecide({ userId: "x", roles: ["admin"], teamIds: [] }, { ...base, policy: p, highRisk: false })).toMatch(/only from approvers/);
  });
  it("enforces approving teams", () => {
    const p = { ...policy, approverTeamIds: ["t1"] };
    expect(whyCannotDecide(approver("x"), { ...base, policy: p })).toMatch(/approving teams/);
    expect(whyCannotDecide({ ...approver("x"), teamIds: ["t1"] }, { ...base, policy: p })).toBeNull();
  });
});

describe("tally", () => {
  const d = (id: string, roles: ("approver" | "admin")[] = ["approver"]) => ({ reviewerId: id, reviewerRoles: roles, decision: "approve" as const });
  it("needs two different approvers", () => {
    expect(tally([d("a")], policy, false).complete).toBe(false);
    expect(tally([d("a"), d("a")], policy, false).approvals).toBe(1);
    expect(tally([d("a"), d("b")], policy, false).complete).toBe(true);
  });
  it("needs the extra role on high risk", () => {
    const t = tally([d("a"), d("b")], policy, true);
    expect(t).toMatchObject({ complete: false, missingHighRiskRole: true });
    expect(tally([d("a"), d("b", ["admin"])], policy, true).complete).toBe(true);
  });
  it("ignores rejections and change requests in the count", () => {
    expect(tally([{ reviewerId: "a", reviewerRoles: ["approver"], decision: "reject" }], { ...policy, requiredApprovals: 1 }, false).approvals).toBe(0);
  });
});
