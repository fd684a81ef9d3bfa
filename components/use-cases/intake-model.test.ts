import { describe, expect, it } from "vitest";
import { emptyIntake, savableInput, stepErrors, type IntakeState } from "@/components/use-cases/intake-model";

const TEAM = "3f1c2b9e-6a51-4c1e-9a43-0d7b2f3e8a10";
function filled(over: Record<string, string> = {}): IntakeState {
  const s = emptyIntake(TEAM);
  Object.assign(s.form, {
    title: "Shift planner", problem: "Shift plans are built by hand every week.", businessOwner: "Head of Ops", intendedUsers: "Store managers",
    valueType: "cost", valueLow: "100", valueHigh: "300", valueConfidence: "medium", successMetrics: "Planning time halved",
    dataNeeded: "Rosters", dataReadiness: "3", feasibility: "4", complexity: "2", targetDate: "", ...over,
  });
  return s;
}

describe("what the intake's autosave sends", () => {
  it("lets the data step pass with a linked dataset and no description", () => {
    const s = { ...filled({ dataNeeded: "" }), datasets: [{ id: "7d4a9c2e-1b3f-4e5a-8c6d-2f1e0a9b8c7d", name: "orders", namespace: "curated" }] };
    expect(stepErrors(2, s)).toEqual({});
    expect(stepErrors(2, filled({ dataNeeded: "" }))).toEqual({ dataNeeded: "Link a catalog dataset or describe the data needed" });
  });

  it("sends null for an emptied optional field, so clearing it is saved", () => {
    const { input, unsaved } = savableInput(filled({ dataNeeded: "  ", successMetrics: "", valueLow: "" }));
    expect(input).toMatchObject({ dataNeeded: null, successMetrics: null, valueLow: null, targetDate: null, valueHigh: 300, title: "Shift planner" });
    expect(unsaved).toEqual([]);
  });

  it("holds back an emptied title or an invalid value and names it instead of sending it", () => {
    const { input, unsaved } = savableInput(filled({ title: "", valueLow: "500" }));
    expect(input).not.toHaveProperty("title");
    expect(input).not.toHaveProperty("valueHigh");
    expect(unsaved).toEqual(["Title is required", "The high end must be at least the low end"]);
  });
});
