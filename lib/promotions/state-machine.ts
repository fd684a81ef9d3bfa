import { conflict } from "@/lib/errors";

// The promotion lifecycle as data. Services never assign a state directly: they ask
// `transition(state, event)`, which answers the next state or a 409 naming what is allowed.
export const PROMOTION_STATES = [
  "draft",
  "pending_approval",
  "approved",
  "executing",
  "compensating",
  "succeeded",
  "failed",
  "rollback_pending",
  "rolling_back",
  "rolled_back",
  "rejected",
  "cancelled",
] as const;
export type PromotionStateName = (typeof PROMOTION_STATES)[number];

export const PROMOTION_EVENTS = [
  "submit",
  "approve",
  "reject",
  "request_changes",
  "cancel",
  "start_execution",
  "execution_succeeded",
  "step_failed",
  "compensation_done",
  "request_rollback",
  "approve_rollback",
  "reject_rollback",
  "rollback_done",
  "rollback_failed",
] as const;
export type PromotionEvent = (typeof PROMOTION_EVENTS)[number];

const TABLE: Record<PromotionStateName, Partial<Record<PromotionEvent, PromotionStateName>>> = {
  draft: { submit: "pending_approval", cancel: "cancelled" },
  pending_approval: { approve: "approved", reject: "rejected", request_changes: "draft", cancel: "cancelled" },
  // Cancelling an approved request is allowed until a worker has started on it.
  approved: { start_execution: "executing", cancel: "cancelled" },
  executing: { execution_succeeded: "succeeded", step_failed: "compensating" },
  compensating: { compensation_done: "failed" },
  succeeded: { request_rollback: "rollback_pending" },
  rollback_pending: { approve_rollback: "rolling_back", reject_rollback: "succeeded" },
  rolling_back: { rollback_done: "rolled_back", rollback_failed: "failed" },
  failed: {},
  rolled_back: {},
  rejected: {},
  cancelled: {},
};

export const TERMINAL_STATES: readonly PromotionStateName[] = ["failed", "rolled_back", "rejected", "cancelled"];
/** States in which a worker owns the promotion and outside systems may be changing. */
export const WORKER_STATES: readonly PromotionStateName[] = ["approved", "executing", "compensating", "rolling_back"];

const EVENT_LABELS: Record<PromotionEvent, string> = {
  submit: "submit it for approval",
  approve: "approve it",
  reject: "reject it",
  request_changes: "request changes",
  cancel: "cancel it",
  start_execution: "start executing it",
  execution_succeeded: "mark it succeeded",
  step_failed: "fail a step",
  compensation_done: "finish undoing it",
  request_rollback: "roll it back",
  approve_rollback: "approve its rollback",
  reject_rollback: "reject its rollback",
  rollback_done: "finish its rollback",
  rollback_failed: "fail its rollback",
};

export function allowedEvents(state: PromotionStateName): PromotionEvent[] {
  return Object.keys(TABLE[state]) as PromotionEvent[];
}

export function canTransition(state: PromotionStateName, event: PromotionEvent): boolean {
  return TABLE[state][event] !== undefined;
}

/** The next state, or a 409 that says why not and what is possible from here. */
export function transition(state: PromotionStateName, event: PromotionEvent): PromotionStateName {
  const next = TABLE[state][event];
  if (!next) {
    const allowed = allowedEvents(state);
    const hint = allowed.length ? ` From here you may ${allowed.map((e) => EVENT_LABELS[e]).join(", or ")}.` : " It is final.";
    throw conflict(`A promotion that is ${state.replace(/_/g, " ")} cannot ${EVENT_LABELS[event]}.${hint}`, { state, allowedEvents: allowed });
  }
  return next;
}
