import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { allowedEvents, PROMOTION_EVENTS, PROMOTION_STATES, TERMINAL_STATES, transition } from "@/lib/promotions/state-machine";

describe("promotion state machine", () => {
  it("walks the happy path from draft to rolled back", () => {
    let s = transition("draft", "submit");
    expect(s).toBe("pending_approval");
    s = transition(s, "approve");
    s = transition(s, "start_execution");
    s = transition(s, "execution_succeeded");
    expect(s).toBe("succeeded");
    s = transition(s, "request_rollback");
    s = transition(s, "approve_rollback");
    expect(transition(s, "rollback_done")).toBe("rolled_back");
  });

  it("sends a request back to draft when changes are requested", () => {
    expect(transition("pending_approval", "request_changes")).toBe("draft");
  });

  it("fails through compensation, never straight from executing", () => {
    expect(transition("executing", "step_failed")).toBe("compensating");
    expect(transition("compensating", "compensation_done")).toBe("failed");
    expect(() => transition("executing", "compensation_done")).toThrow(AppError);
  });

  it("refuses approving a cancelled request with a 409 naming the state", () => {
    try {
      transition("cancelled", "approve");
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(AppError);
      expect((e as AppError).code).toBe("conflict");
      expect((e as AppError).message).toContain("cancelled");
      expect((e as AppError).extra.allowedEvents).toEqual([]);
    }
  });

  it("does not cancel a promotion once a worker runs it", () => {
    expect(() => transition("executing", "cancel")).toThrow(/executing cannot cancel/);
  });

  it("has no way out of terminal states", () => {
    for (const s of TERMINAL_STATES) expect(allowedEvents(s)).toEqual([]);
  });

  it("only reaches known states from every (state, event) pair", () => {
    for (const s of PROMOTION_STATES) {
      for (const e of PROMOTION_EVENTS) {
        try {
          expect(PROMOTION_STATES).toContain(transition(s, e));
        } catch (err) {
          expect((err as AppError).code).toBe("conflict");
        }
      }
    }
  });
});
