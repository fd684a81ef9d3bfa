import { Badge, type BadgeTone } from "@/components/ui/badge";

const TONE: Record<string, BadgeTone> = { dataset: "info", feature_set: "success", model: "warning", job: "neutral", deployment: "danger" };
export const KIND_LABEL: Record<string, string> = { dataset: "Dataset", feature_set: "Feature set", model: "Model", job: "Job", deployment: "Deployment" };

export function KindBadge({ kind }: { kind: string }) {
  return <Badge tone={TONE[kind] ?? "neutral"}>{KIND_LABEL[kind] ?? kind}</Badge>;
}
