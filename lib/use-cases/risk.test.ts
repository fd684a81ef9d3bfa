import { describe, expect, it } from "vitest";
import { RISK_QUESTIONS, screenRisk } from "@/lib/use-cases/risk";

describe("risk screening", () => {
  it("is minimal when no question is answered yes", () => {
    expect(screenRisk({})).toEqual({ tier: "minimal", rule: "minimal: no screening question applies", fired: [] });
    expect(screenRisk({ chatbot: false, employment: false }).tier).toBe("minimal");
  });

  it("names the rule that fired: hiring makes it high", () => {
    expect(screenRisk({ employment: true })).toMatchObject({ tier: "high", rule: "high: used in hiring decisions" });
  });

  it("lets the highest tier win whatever the order of answers", () => {
    const s = screenRisk({ chatbot: true, credit: true, socialScoring: true });
    expect(s.tier).toBe("prohibited");
    expect(s.rule).toBe("prohibited: social scoring of people");
    expect(s.fired).toEqual(["prohibited: social scoring of people", "high: used in credit or insurance decisions", "limited: people interact with an AI system and must be told so"]);
  });

  it("makes transparency duties limited", () => {
    expect(screenRisk({ generatesContent: true }).tier).toBe("limited");
    expect(screenRisk({ chatbot: true, generatesContent: true }).rule).toBe("limited: people interact with an AI system and must be told so");
  });

  it("maps every question to its own tier", () => {
    for (const q of RISK_QUESTIONS) expect(screenRisk({ [q.key]: true })).toMatchObject({ tier: q.tier, rule: `${q.tier}: ${q.rule}` });
  });
});
