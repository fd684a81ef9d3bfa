import { Badge, type BadgeTone } from "@/components/ui/badge";
import { STATE_LABELS, type State } from "@/lib/use-cases/lifecycle";

const TIER_TONE: Record<string, BadgeTone> = { prohibited: "danger", high: "warning", limited: "info", minimal: "success" };
const STATE_TONE: Partial<Record<State, BadgeTone>> = {
  approved: "success", in_development: "info", in_production: "success", rejected: "danger", changes_requested: "warning", on_hold: "warning",
};

export const TIER_COLORS: Record<string, string> = { prohibited: "#b91c1c", high: "#d97706", limited: "#2563eb", minimal: "#059669" };

export function TierBadge({ tier }: { tier: string }) {
  return <Badge tone={TIER_TONE[tier] ?? "neutral"}>{tier} risk</Badge>;
}

export function StateBadge({ state }: { state: State }) {
  return <Badge tone={STATE_TONE[state] ?? "neutral"}>{STATE_LABELS[state]}</Badge>;
}

export const formatKeur = (v: number | null) => (v === null ? "—" : v >= 1000 ? `€${(v / 1000).toFixed(1)}M` : `€${v}k`);
