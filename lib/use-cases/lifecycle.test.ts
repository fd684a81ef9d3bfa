import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import type { Actor } from "@/lib/policy/actor";
import type { RoleName } from "@/lib/policy/permissions";
import { planTransition, STATES, transitionsFrom, TRANSITION_NAMES, type Facts, type State, type TransitionName } from "@/lib/use-cases/lifecycle";

const TEAM = "team-1";
const actor = (roles: RoleName[], id = "someone"): Actor => ({ kind: "user", userId: id, email: `${id}@x`, name: id, roles, teamIds: [TEAM] });
const owner = actor(["product_owner"], "owner");
const reviewer = actor(["reviewer"]);
const approver = actor(["approver"]);

const facts = (state: State, over: Partial<Facts> = {}): Facts => ({
  state, heldFrom: null, tier: "high", teamId: TEAM, ownerId: "owner", scoreCount: 2, minScores: 2, missing: [], note: "because", ...over,
});

// Who may make each move, and where it leads from each legal state.
const LEGAL: Record<TransitionName, { by: Actor; from: State[]; to: State }> = {
  submit: { by: owner, from: ["draft", "changes_requested"], to: "submitted" },
  withdraw: { by: owner, from: ["submitted"], to: "draft" },
  start_review: { by: reviewer, from: ["submitted"], to: "in_review" },
  request_changes: { by: reviewer, from: ["submitted", "in_review"], to: "changes_requested" },
  approve: { by: approver, from: ["in_review"], to: "approved" },
  reject: { by: approver, from: ["submitted", "in_review"], to: "rejected" },
  start_development: { by: owner, from: ["approved"], to: "in_development" },
  go_live: { by: owner, from: ["in_development"], to: "in_production" },
  retire: { by: approver, from: ["approved", "in_development", "in_production"], to: "retired" },
  hold: { by: approver, from: ["submitted", "in_review", "approved", "in_development", "in_production"], to: "on_hold" },
  resume: { by: approver, from: ["on_hold"], to: "in_review" },
};

function errorOf(fn: () => unknown): AppError {
  try {
    fn();
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error("expected an AppError");
}

describe("use-case lifecycle", () => {
  for (const name of TRANSITION_NAMES) {
    const { by, from, to } = LEGAL[name];
    for (const state of STATES) {
      if (from.includes(state)) {
        it(`${name}: ${state} -> ${to} is legal`, () => {
          expect(planTransition(by, name, facts(state, { heldFrom: "in_review" }))).toBe(to);
        });
      } else {
        it(`${name}: refuses from ${state} with 409 and the allowed next states`, () => {
          const e = errorOf(() => planTransition(by, name, facts(state, { heldFrom: "in_review" })));
          expect(e.code).toBe("conflict");
          expect(e.extra.allowedNextStates).toEqual([...new Set(transitionsFrom({ state, heldFrom: "in_review" }).map((t) => t.to))]);
        });
      }
    }
  }

  it("answers retired and rejected with no allowed next state", () => {
    expect(errorOf(() => planTransition(approver, "hold", facts("retired"))).extra.allowedNextStates).toEqual([]);
    expect(transitionsFrom({ state: "rejected", heldFrom: null })).toEqual([]);
  });

  it("lists the allowed next states of a draft in the 409", () => {
    const e = errorOf(() => planTransition(approver, "approve", facts("draft")));
    expect(e.extra).toMatchObject({ state: "draft", allowedNextStates: ["submitted"], allowedTransitions: ["submit"] });
  });

  it("refuses a product owner approving (403) and a reviewer approving (403)", () => {
    expect(errorOf(() => planTransition(owner, "approve", facts("in_review"))).code).toBe("forbidden");
    expect(errorOf(() => planTransition(reviewer, "approve", facts("in_review"))).code).toBe("forbidden");
  });

  it("refuses a product owner of another team submitting", () => {
    const stranger = { ...owner, userId: "other", teamIds: ["team-2"] };
    expect(errorOf(() => planTransition(stranger, "submit", facts("draft"))).code).toBe("forbidden");
  });

  it("keeps the owner from approving their own use case even as an approver", () => {
    const both = actor(["product_owner", "approver"], "owner");
    expect(errorOf(() => planTransition(both, "approve", facts("in_review"))).message).toMatch(/Separation of duties/);
  });

  it("needs the rubric's minimum number of scores before approval", () => {
    const e = errorOf(() => planTransition(approver, "approve", facts("in_review", { scoreCount: 1, minScores: 2 })));
    expect(e.code).toBe("conflict");
    expect(e.message).toMatch(/at least 2 completed scores; this use case has 1/);
  });

  it("refuses to submit a prohibited use case or an incomplete intake", () => {
    expect(errorOf(() => planTransition(owner, "submit", facts("draft", { tier: "prohibited" }))).errors[0]!.path).toBe("riskAnswers");
    const e = errorOf(() => planTransition(owner, "submit", facts("draft", { missing: [{ path: "valueType", message: "Required" }] })));
    expect(e.code).toBe("validation");
    expect(e.errors).toEqual([{ path: "valueType", message: "Required" }]);
  });

  it("requires a note to request changes, reject, hold or retire", () => {
    for (const [name, state, by] of [["request_changes", "in_review", reviewer], ["reject", "in_review", approver], ["hold", "approved", approver], ["retire", "in_production", approver]] as const) {
      expect(errorOf(() => planTransition(by, name, facts(state, { note: "  " }))).errors[0]!.path).toBe("note");
    }
  });

  it("resumes to the state it was held from", () => {
    expect(planTransition(approver, "resume", facts("on_hold", { heldFrom: "in_development" }))).toBe("in_development");
  });
});
