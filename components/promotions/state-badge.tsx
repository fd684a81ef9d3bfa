import { Badge, type BadgeTone } from "@/components/ui/badge";

const TONE: Record<string, BadgeTone> = {
  draft: "neutral", pending_approval: "info", approved: "info", executing: "warning", compensating: "warning", succeeded: "success",
  failed: "danger", rollback_pending: "info", rolling_back: "warning", rolled_back: "neutral", rejected: "danger", cancelled: "neutral",
  pass: "success", warn: "warning", fail: "danger",
};

export function StateBadge({ state }: { state: string }) {
  return <Badge tone={TONE[state] ?? "neutral"}>{state.replace(/_/g, " ")}</Badge>;
}

/** Promotions executed against the demo fakes (demo mode, no integrations) say so wherever they appear. */
export function FakesBadge({ usedFakes }: { usedFakes: boolean | null }) {
  return usedFakes ? <span title="Executed in demo mode against the built-in fakes of lakeFS, MLflow and Airflow: nothing real was changed."><Badge tone="warning">demo fakes</Badge></span> : null;
}
