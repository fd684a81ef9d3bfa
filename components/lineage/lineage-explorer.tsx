"use client";
import Link from "next/link";
import { useMemo, useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { apiFetch } from "@/lib/client/api";
import { queryKeys } from "@/lib/client/query-keys";
import type { LineageGraph } from "@/lib/lineage/graph-schemas";
import { ErrorState, LoadingRows } from "@/components/ui/states";
import { Table, Td, Th } from "@/components/ui/table";
import { KindBadge, KIND_LABEL } from "@/components/catalog/kind-badge";
import { LineageCanvas } from "@/components/lineage/lineage-canvas";
import { hiddenBy, pathBetween, viewOf } from "@/components/lineage/graph-model";

const KINDS = ["dataset", "feature_set", "job", "model", "deployment"];
const DAY = 86_400_000;

export function LineageExplorer({ nodeId }: { nodeId: string }) {
  const [depth, setDepth] = useState(4);
  const [direction, setDirection] = useState<"both" | "up" | "down">("both");
  const [level, setLevel] = useState<"dataset" | "column">("dataset");
  const [view, setView] = useState<"graph" | "table">("graph");
  const [kinds, setKinds] = useState(new Set(KINDS));
  const [daysAgo, setDaysAgo] = useState(0);
  const [selected, setSelected] = useState<string | null>(null);
  const [collapsed, setCollapsed] = useState(new Set<string>());
  const [today] = useState(() => Math.floor(Date.now() / DAY) * DAY);
  const asOf = daysAgo ? new Date(today - (daysAgo - 1) * DAY).toISOString() : undefined;
  const params = { nodeId, depth, direction, asOf, columns: "true", limit: 1000, shape: "nodes" };
  const q = useQuery({
    queryKey: queryKeys.lineage(params),
    queryFn: ({ signal }) => apiFetch<LineageGraph>(`/api/v1/lineage?${new URLSearchParams(Object.entries(params).filter(([, v]) => v !== undefined).map(([k, v]) => [k, String(v)]))}`, { signal }),
    placeholderData: (prev) => prev,
  });
  const g = q.data;
  const rootId = g?.rootId ?? "";
  const allEdges = useMemo(() => (g ? viewOf(g, "dataset", new Set(KINDS), new Set()).edges : []), [g]);
  const hidden = useMemo(() => hiddenBy(allEdges, rootId, collapsed), [allEdges, rootId, collapsed]);
  const shown = useMemo(() => (g ? viewOf(g, level, kinds, hidden) : { nodes: [], edges: [] }), [g, level, kinds, hidden]);
  const highlight = useMemo(() => (selected && level === "dataset" ? pathBetween(shown.edges, rootId, selected) : new Set<string>()), [selected, shown.edges, rootId, level]);
  const sel = shown.nodes.find((n) => n.id === selected);
  const names = new Map(shown.nodes.map((n) => [n.id, n.column ? `${n.sub}.${n.label}` : n.label]));

  return (
    <div className="space-y-3">
      <form className="flex flex-wrap items-end gap-3 text-sm" onSubmit={(e) => e.preventDefault()} aria-label="Graph options">
        <label className="flex flex-col">Depth<input type="number" min={0} max={100} value={depth} onChange={(e) => setDepth(Math.max(0, Math.min(100, Number(e.target.value))))} className="w-20 rounded border border-slate-300 px-2 py-1" /></label>
        <label className="flex flex-col">Direction<select value={direction} onChange={(e) => setDirection(e.target.value as typeof direction)} className="rounded border border-slate-300 px-2 py-1"><option value="both">Up and downstream</option><option value="up">Upstream</option><option value="down">Downstream</option></select></label>
        <fieldset className="flex items-center gap-2"><legend className="sr-only">Level</legend>
          {(["dataset", "column"] as const).map((l) => <label key={l} className="flex items-center gap-1"><input type="radio" name="level" checked={level === l} onChange={() => setLevel(l)} />{l === "dataset" ? "Dataset level" : "Column level"}</label>)}
        </fieldset>
        <fieldset className="flex flex-wrap items-center gap-2"><legend className="sr-only">Kinds shown</legend>
          {KINDS.map((k) => <label key={k} className="flex items-center gap-1"><input type="checkbox" checked={kinds.has(k)} onChange={() => setKinds((s) => { const n = new Set(s); if (n.has(k)) n.delete(k); else n.add(k); return n; })} />{KIND_LABEL[k]}</label>)}
        </fieldset>
        <label className="flex flex-col">As of: {asOf ? asOf.slice(0, 10) : "now"}<input type="range" min={0} max={365} value={daysAgo} onChange={(e) => setDaysAgo(Number(e.target.value))} aria-valuetext={asOf ? `as of ${asOf.slice(0, 10)}` : "now"} /></label>
        <div role="group" aria-label="View" className="flex gap-1">
          {(["graph", "table"] as const).map((v) => <button key={v} type="button" aria-pressed={view === v} onClick={() => setView(v)} className={`rounded border px-2 py-1 ${view === v ? "border-brand-600 bg-brand-50" : "border-slate-300"}`}>{v === "graph" ? "Graph" : "Table"}</button>)}
        </div>
      </form>
      {q.isError ? <ErrorState error={q.error} onRetry={() => q.refetch()} /> : !g ? <LoadingRows label="Loading lineage" rows={6} /> : (
        <>
          <p className="text-sm text-slate-600" role="status">{shown.nodes.length} nodes, {shown.edges.length} edges{g.truncated ? " — truncated at the node limit; narrow the depth or direction" : ""}{level === "column" && shown.edges.length === 0 ? " — no column-level lineage here" : ""}.</p>
          {view === "graph" ? (
            <div className="grid gap-3 lg:grid-cols-[1fr_18rem]">
              <div className="h-[620px] rounded-lg border border-slate-200 bg-white" data-testid="lineage-canvas">
                <LineageCanvas nodes={shown.nodes} edges={shown.edges} rootId={rootId} selected={selected} highlight={highlight} onSelect={setSelected} />
              </div>
              <aside aria-label="Selected node" className="rounded-lg border border-slate-200 bg-white p-3 text-sm">
                {sel ? (
                  <>
                    <KindBadge kind={sel.kind} /><p className="mt-1 break-all font-medium">{sel.column ? `${sel.sub}.${sel.label}` : sel.label}</p>
                    <p className="break-all text-xs text-slate-500">{sel.column ? "" : sel.sub}</p>
                    <div className="mt-3 flex flex-col gap-2">
                      <Link className="text-brand-700 hover:underline" href={`/catalog/${sel.assetId}`}>Open asset page</Link>
                      <Link className="text-brand-700 hover:underline" href={`/lineage?nodeId=${sel.assetId}`}>Re-centre the graph here</Link>
                      {level === "dataset" && sel.assetId !== rootId ? <button type="button" className="text-left text-brand-700 hover:underline" onClick={() => setCollapsed((s) => { const n = new Set(s); if (n.has(sel.id)) n.delete(sel.id); else n.add(sel.id); return n; })}>{collapsed.has(sel.id) ? "Expand its neighbours" : "Collapse its neighbours"}</button> : null}
                    </div>
                  </>
                ) : <p className="text-slate-500">Select a node to highlight its path from the root and open it.</p>}
              </aside>
            </div>
          ) : (
            <Table aria-label="Lineage edges">
              <thead><tr><Th>From</Th><Th>To</Th><Th>First seen</Th></tr></thead>
              <tbody className="divide-y divide-slate-100">
                {shown.edges.map((e) => <tr key={e.id}><Td>{names.get(e.source)}</Td><Td>{names.get(e.target)}</Td><Td className="text-xs">{e.firstSeenAt?.slice(0, 10) ?? "—"}</Td></tr>)}
              </tbody>
            </Table>
          )}
        </>
      )}
    </div>
  );
}
