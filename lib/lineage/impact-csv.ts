import type { Impact } from "@/lib/lineage/impact-schemas";

const cell = (v: unknown) => {
  const s = v === null || v === undefined ? "" : String(v);
  // Quote always; neutralise spreadsheet formulas in names that come from producers.
  return `"${(/^[=+\-@]/.test(s) ? `'${s}` : s).replace(/"/g, '""')}"`;
};

/** One row per affected thing, so a spreadsheet can filter by category and owner. */
export function impactCsv(i: Impact): string {
  const header = ["category", "kind", "namespace", "name", "version", "environment", "columns", "depth", "owner_team", "use_case_ids", "risk_tier"];
  const ucFor = (assetId: string) => i.useCases.filter((u) => u.viaAssetIds.includes(assetId));
  const rows: unknown[][] = [
    ...i.assets.map((a) => ["asset", a.kind, a.namespace, a.name, "", "", a.columns.join(" "), a.depth, a.ownerTeamName, ucFor(a.assetId).map((u) => u.useCaseId).join(" "), ucFor(a.assetId).map((u) => u.riskTier ?? "").join(" ").trim()]),
    ...i.modelVersions.map((m) => ["model_version", "model", "", m.modelName, m.version, "", "", "", m.ownerTeamName, ucFor(m.assetId).map((u) => u.useCaseId).join(" "), ""]),
    ...i.deployments.map((d) => ["deployment", "deployment", "", d.modelName, d.version, d.environment, "", "", "", "", ""]),
    ...i.useCases.map((u) => ["use_case", "use_case", "", u.name ?? u.useCaseId, "", "", "", "", "", u.useCaseId, u.riskTier ?? ""]),
  ];
  return [header, ...rows].map((r) => r.map(cell).join(",")).join("\r\n") + "\r\n";
}
