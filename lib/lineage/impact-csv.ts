import "server-only";
import type { Actor } from "@/lib/policy/actor";
import { affectedAssets } from "@/lib/lineage/impact-walk";
import { afterRow, listPage, type After } from "@/lib/lineage/impact";
import { IMPACT_EXPORT_NODE_CAP } from "@/lib/lineage/limits";
import type { ImpactList, ImpactQuery } from "@/lib/lineage/impact-schemas";

const CHUNK = 2_000;
const HEADER = ["category", "kind", "namespace", "name", "version", "environment", "columns", "depth", "owner_team", "use_case_ids", "risk_tier"];

const cell = (v: unknown) => {
  const s = v === null || v === undefined ? "" : String(v);
  // Quote always; neutralise spreadsheet formulas in names that come from producers.
  return `"${(/^[=+\-@]/.test(s) ? `'${s}` : s).replace(/"/g, '""')}"`;
};
const line = (r: unknown[]) => r.map(cell).join(",") + "\r\n";

type Row = Record<string, unknown>;

/**
 * The whole impact as CSV, one row per affected thing so a spreadsheet can filter by category
 * and owner. The walk runs first (so a bad question is still a 404/422, not a broken download),
 * with a far larger cap than the page's; the rows then stream out a keyset page at a time.
 */
export async function impactCsv(actor: Actor, q: ImpactQuery): Promise<{ filename: string; truncated: boolean; body: ReadableStream<Uint8Array> }> {
  const a = await affectedAssets(actor, q, IMPACT_EXPORT_NODE_CAP, { materialize: true });
  async function* all(list: ImpactList): AsyncGenerator<Row> {
    let after: After | null = null;
    for (;;) {
      const page = await listPage(a, list, after, CHUNK);
      yield* page.items;
      if (!page.nextCursor) return;
      after = afterRow(list, page.items.at(-1)!);
    }
  }
  async function* rows(): AsyncGenerator<string> {
    yield line(HEADER);
    // Use cases first (they are few): each asset and model version row names the ones it serves.
    const useCases: Row[] = (await listPage(a, "useCases", null, 100_000)).items;
    const served = new Map<string, Row[]>();
    for (const u of useCases) for (const id of u.viaAssetIds as string[]) served.set(id, [...(served.get(id) ?? []), u]);
    const ucCells = (assetId: string) => {
      const list = served.get(assetId) ?? [];
      return [list.map((u) => u.useCaseId).join(" "), list.map((u) => u.riskTier ?? "").join(" ").trim()];
    };
    for await (const x of all("assets")) yield line(["asset", x.kind, x.namespace, x.name, "", "", (x.columns as string[]).join(" "), x.depth, x.ownerTeamName, ...ucCells(x.assetId as string)]);
    for await (const m of all("modelVersions")) yield line(["model_version", "model", "", m.modelName, m.version, "", "", "", m.ownerTeamName, ucCells(m.assetId as string)[0], ""]);
    for await (const d of all("deployments")) yield line(["deployment", "deployment", "", d.modelName, d.version, d.environment, "", "", "", "", ""]);
    for (const u of useCases) yield line(["use_case", "use_case", "", u.name ?? u.useCaseId, "", "", "", "", "", u.useCaseId, u.riskTier ?? ""]);
  }
  const it = rows();
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      // Batch lines into chunks of a few hundred so the stream is not one write per row.
      let buf = "";
      for (let i = 0; i < 500; i++) {
        const { value, done } = await it.next();
        if (done) { if (buf) controller.enqueue(encoder.encode(buf)); controller.close(); return; }
        buf += value;
      }
      controller.enqueue(encoder.encode(buf));
    },
    async cancel() { await it.return(undefined); },
  });
  return { filename: `impact-${a.root.name.replace(/[^\w.-]+/g, "_")}.csv`, truncated: a.truncated ?? false, body };
}
