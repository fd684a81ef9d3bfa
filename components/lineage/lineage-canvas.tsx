"use client";
import { useMemo } from "react";
import { Background, Controls, MarkerType, MiniMap, ReactFlow, type Edge, type Node } from "@xyflow/react";
import "@xyflow/react/dist/style.css";
import type { ViewEdge, ViewNode } from "@/components/lineage/graph-model";
import { useElkLayout } from "@/components/lineage/use-elk-layout";

const COLORS: Record<string, string> = { dataset: "#e0ecff", feature_set: "#dcfce7", model: "#fef3c7", job: "#f1f5f9", deployment: "#fee2e2" };
const W = 220;
const H = 54;

/** The graph itself: elk positions (from the worker), pan and zoom, highlighted path. */
export function LineageCanvas({ nodes, edges, rootId, selected, highlight, onSelect }: {
  nodes: ViewNode[]; edges: ViewEdge[]; rootId: string; selected: string | null; highlight: Set<string>; onSelect: (id: string) => void;
}) {
  const sized = useMemo(() => nodes.map((n) => ({ id: n.id, width: W, height: H })), [nodes]);
  const positions = useElkLayout(sized, edges);
  const rfNodes: Node[] = useMemo(() => nodes.map((n) => ({
    id: n.id,
    position: positions?.[n.id] ?? { x: 0, y: 0 },
    data: { label: <div className="text-left"><div className="truncate text-xs font-semibold">{n.label}</div><div className="truncate text-[10px] text-slate-500">{n.column ? n.sub : `${n.kind} · ${n.sub}`}</div></div> },
    style: {
      width: W, height: H, padding: 6, background: COLORS[n.kind] ?? "#fff", borderRadius: 8,
      border: n.id === selected ? "2px solid #1d4ed8" : n.assetId === rootId ? "2px solid #0f172a" : highlight.has(n.id) ? "2px solid #f59e0b" : "1px solid #cbd5e1",
      opacity: highlight.size && !highlight.has(n.id) ? 0.45 : 1,
    },
    ariaLabel: `${n.kind} ${n.label}`,
  })), [nodes, positions, selected, highlight, rootId]);
  const rfEdges: Edge[] = useMemo(() => edges.map((e) => ({
    id: e.id, source: e.source, target: e.target, markerEnd: { type: MarkerType.ArrowClosed },
    style: { stroke: highlight.has(e.source) && highlight.has(e.target) ? "#f59e0b" : "#94a3b8", strokeWidth: highlight.has(e.source) && highlight.has(e.target) ? 2.5 : 1.2 },
  })), [edges, highlight]);
  if (!positions) return <div role="status" className="flex h-full items-center justify-center text-sm text-slate-500">Laying out {nodes.length} nodes…</div>;
  return (
    <ReactFlow nodes={rfNodes} edges={rfEdges} fitView minZoom={0.05} onlyRenderVisibleElements nodesConnectable={false} nodesDraggable={false}
      onNodeClick={(_, n) => onSelect(n.id)} proOptions={{ hideAttribution: true }}>
      <Background />
      <Controls showInteractive={false} />
      <MiniMap pannable zoomable />
    </ReactFlow>
  );
}
