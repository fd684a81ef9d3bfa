import type { RubricInput } from "@/lib/use-cases/rubric-schemas";

// The CoE's first rubric: what the seed publishes as version 1 and tests start from.
export const DEFAULT_RUBRIC: RubricInput = {
  name: "CoE prioritisation rubric",
  minScores: 2,
  disagreementSpread: 2,
  criteria: [
    { key: "impact", label: "Business impact", weight: 0.3, direction: "higher_is_better", description: "Value to the business if it works", anchors: ["Negligible", "Local improvement", "Noticeable for one unit", "Material for a business line", "Strategic, company-wide"] },
    { key: "feasibility", label: "Technical feasibility", weight: 0.25, direction: "higher_is_better", description: "Can we build it with known methods and skills?", anchors: ["Research problem", "Unproven approach", "Done elsewhere, new to us", "Done by us before", "Routine for the platform"] },
    { key: "data_readiness", label: "Data readiness", weight: 0.2, direction: "higher_is_better", description: "Is the data available, documented and of known quality?", anchors: ["Does not exist", "Exists, no access", "Accessible, unknown quality", "Catalogued and tested", "Versioned, with quality checks"] },
    { key: "complexity", label: "Operational complexity", weight: 0.1, direction: "lower_is_better", description: "Effort to run it in production (lower is better)", anchors: ["Batch, no SLA", "Daily batch with monitoring", "Near real time", "Real time with fallbacks", "Real time, many integrations, 24/7"] },
    { key: "risk", label: "Residual risk", weight: 0.15, direction: "lower_is_better", description: "Harm if it goes wrong after mitigations (lower is better)", anchors: ["None", "Minor, reversible", "Moderate, contained", "Serious for individuals", "Severe or irreversible"] },
  ],
};
