import { AppError, type FieldError } from "@/lib/errors";
import type { Actor } from "@/lib/policy/actor";
import type { Permission } from "@/lib/policy/permissions";
import { requirePermission } from "@/lib/policy/require";

// The lifecycle as data: each transition names where it may start, where it leads,
// the permission it needs and one guard (what must be true). planTransition is the
// only way a state changes; it is pure so every legal and illegal move is unit-tested.
export const STATES = ["draft", "submitted", "in_review", "changes_requested", "approved", "rejected", "in_development", "in_production", "on_hold", "retired"] as const;
export type State = (typeof STATES)[number];

export const STATE_LABELS: Record<State, string> = {
  draft: "Draft", submitted: "Submitted", in_review: "In review", changes_requested: "Changes requested", approved: "Approved for build",
  rejected: "Rejected", in_development: "In development", in_production: "In production", on_hold: "On hold", retired: "Retired",
};

/** States in which work is under way: a use case can be put on hold from any of them. */
export const ACTIVE_STATES: State[] = ["submitted", "in_review", "approved", "in_development", "in_production"];
/** States in which the owner may edit the intake. */
export const EDITABLE_STATES: State[] = ["draft", "changes_requested"];

/** What a guard may look at: the use case, the caller and the numbers around them. */
export interface Facts {
  state: State;
  heldFrom: State | null;
  tier: string;
  teamId: string;
  ownerId: string;
  scoreCount: number;
  minScores: number;
  /** Intake fields still missing or invalid for submission. */
  missing: FieldError[];
  note?: string;
}

interface TransitionDef {
  label: string;
  from: readonly State[];
  to: (f: Facts) => State;
  permission: Permission;
  /** The owner may not make this move on their own use case (separation of duties). */
  notByOwner?: boolean;
  guard?: (f: Facts) => AppError | null;
}

const needsNote = (what: string) => (f: Facts) =>
  f.note?.trim() ? null : new AppError("validation", `Say why you ${what}: a note is required.`, { errors: [{ path: "note", message: "Required for this transition" }] });

export const TRANSITIONS = {
  submit: {
    label: "Submit for review", from: ["draft", "changes_requested"], to: () => "submitted", permission: "usecase.submit",
    guard: (f) => {
      if (f.tier === "prohibited") return new AppError("validation", "A prohibited use case cannot be submitted: the risk screening found a prohibited practice.", { errors: [{ path: "riskAnswers", message: "Prohibited practice" }] });
      if (f.missing.length) return new AppError("validation", `Complete the intake before submitting: ${f.missing.map((m) => m.path).join(", ")}.`, { errors: f.missing });
      return null;
    },
  },
  withdraw: { label: "Withdraw to draft", from: ["submitted"], to: () => "draft", permission: "usecase.submit" },
  start_review: { label: "Start review", from: ["submitted"], to: () => "in_review", permission: "usecase.review", notByOwner: true },
  request_changes: { label: "Request changes", from: ["submitted", "in_review"], to: () => "changes_requested", permission: "usecase.review", notByOwner: true, guard: needsNote("request changes") },
  approve: {
    label: "Approve for build", from: ["in_review"], to: () => "approved", permission: "usecase.decide", notByOwner: true,
    guard: (f) => (f.scoreCount < f.minScores ? new AppError("conflict", `Approval needs at least ${f.minScores} completed scores; this use case has ${f.scoreCount}.`, { extra: { scoreCount: f.scoreCount, minScores: f.minScores } }) : null),
  },
  reject: { label: "Reject", from: ["submitted", "in_review"], to: () => "rejected", permission: "usecase.decide", notByOwner: true, guard: needsNote("reject it") },
  start_development: { label: "Start development", from: ["approved"], to: () => "in_development", permission: "usecase.deliver" },
  go_live: { label: "Mark in production", from: ["in_development"], to: () => "in_production", permission: "usecase.deliver" },
  retire: { label: "Retire", from: ["approved", "in_development", "in_production"], to: () => "retired", permission: "usecase.deliver", guard: needsNote("retire it") },
  hold: { label: "Put on hold", from: ACTIVE_STATES, to: () => "on_hold", permission: "usecase.decide", guard: needsNote("put it on hold") },
  resume: {
    label: "Resume", from: ["on_hold"], to: (f) => f.heldFrom ?? "submitted", permission: "usecase.decide",
  },
} as const satisfies Record<string, TransitionDef>;

export type TransitionName = keyof typeof TRANSITIONS;
export const TRANSITION_NAMES = Object.keys(TRANSITIONS) as [TransitionName, ...TransitionName[]];

const defs = TRANSITIONS as Record<TransitionName, TransitionDef>;

/** The transitions that may start from a state, with where each leads. */
export function transitionsFrom(facts: Pick<Facts, "state" | "heldFrom">): { transition: TransitionName; label: string; to: State }[] {
  return TRANSITION_NAMES.filter((n) => defs[n].from.includes(facts.state)).map((n) => ({
    transition: n, label: defs[n].label, to: defs[n].to({ heldFrom: facts.heldFrom } as Facts),
  }));
}

/** The transitions this actor could make now (for the page's buttons; the server checks again). */
export function availableTransitions(actor: Actor, facts: Facts): { transition: TransitionName; label: string; to: State }[] {
  return transitionsFrom(facts).filter((t) => {
    try {
      checkActor(actor, t.transition, facts);
      return true;
    } catch {
      return false;
    }
  });
}

function checkActor(actor: Actor, name: TransitionName, f: Facts): void {
  const def = defs[name];
  requirePermission(actor, def.permission, { teamId: f.teamId, ownerId: f.ownerId });
  if (def.notByOwner && actor.userId === f.ownerId) throw new AppError("forbidden", `Separation of duties: the owner of a use case may not ${def.label.toLowerCase()} it.`);
}

/**
 * Decides a transition: 409 with the allowed next states when it cannot start from the
 * current state, 403 when the actor may not make it, the guard's error when a
 * precondition fails; otherwise the state to move to.
 */
export function planTransition(actor: Actor, name: TransitionName, f: Facts): State {
  const def = defs[name];
  if (!def.from.includes(f.state)) {
    const allowed = transitionsFrom(f);
    throw new AppError("conflict", `A use case in state "${f.state}" cannot ${def.label.toLowerCase()}; allowed next states: ${allowed.map((a) => a.to).join(", ") || "none"}.`, {
      extra: { state: f.state, allowedNextStates: [...new Set(allowed.map((a) => a.to))], allowedTransitions: allowed.map((a) => a.transition) },
    });
  }
  checkActor(actor, name, f);
  const failed = def.guard?.(f);
  if (failed) throw failed;
  return def.to(f);
}
