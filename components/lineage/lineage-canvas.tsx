"use client";
import { useEffect, useMemo } from "react";
import { Background, Controls, MarkerType, MiniMap, ReactFlow, useReactFlow, type Edge, type NodeTypes } from "@xyflow/react";
import "@xyflow/react/dist/style.css";
import type { ViewEdge, ViewNode } from "@/components/lineage/graph-model";
import { useElkLayout, type Positions } from "@/components/lineage/use-elk-layout";
import { LineageNode, NODE_HEIGHT, NODE_WIDTH, type LineageFlowNode, type LineageNodeData } from "@/components/lineage/lineage-node";

// Defined once: a new nodeTypes object per render makes React Flow re-create every node.
const NODE_TYPES: NodeTypes = { lineage: LineageNode };
const EDGE = { stroke: "#94a3b8", strokeWidth: 1.2 };
const EDGE_ON = { stroke: "#f59e0b", strokeWidth: 2.5 };
const MINIMAP_COLORS: Record<string, string> = { dataset: "#93c5fd", feature_set: "#86efac", model: "#fcd34d", job: "#cbd5e1", deployment: "#fca5a5" };

// Below this zoom a node's name is a few pixels high: a long chain fitted whole is a row of
// blank boxes. Then the view centres on the root at a zoom that can be read instead; the
// minimap and the zoom controls still show the whole graph.
const READABLE_ZOOM = 0.6;

/** Fits the whole graph into view whenever a new layout arrives (a deeper walk, a filter), unless that makes it unreadable. */
function FitOnLayout({ positions, rootKey }: { positions: Positions | null; rootKey: string | undefined }) {
  const flow = useReactFlow();
  useEffect(() => {
    if (!positions) return;
    void (async () => {
      await flow.fitView({ padding: 0.05, duration: 0 });
      const root = rootKey ? positions[rootKey] : undefined;
      if (root && flow.getZoom() < READABLE_ZOOM) await flow.setCenter(root.x + NODE_WIDTH / 2, root.y + NODE_HEIGHT / 2, { zoom: READABLE_ZOOM, duration: 0 });
    })();
  }, [positions, rootKey, flow]);
  return null;
}

/** The graph itself: elk positions (from the worker), pan and zoom, highlighted path. */
export function LineageCanvas({ nodes, edges, rootId, selected, highlight, onSelect }: {
  nodes: ViewNode[]; edges: ViewEdge[]; rootId: string; selected: string | null; highlight: Set<string>; onSelect: (id: string) => void;
}) {
  const sized = useMemo(() => nodes.map((n) => ({ id: n.id, width: NODE_WIDTH, height: NODE_HEIGHT })), [nodes]);
  const positions = useElkLayout(sized, edges);
  // Node and edge objects change only when their look does: React Flow compares them by
  // identity, so a click re-renders the nodes on the old and new path, not all 600.
  const plainNodes = useMemo<LineageFlowNode[]>(() => nodes.map((n) => ({
    id: n.id, type: "lineage", position: positions?.[n.id] ?? { x: 0, y: 0 }, width: NODE_WIDTH, height: NODE_HEIGHT, ariaLabel: `${n.kind} ${n.label}`,
    data: { label: n.label, sub: n.column ? n.sub : `${n.kind} · ${n.sub}`, kind: n.kind, mark: n.assetId === rootId ? "root" : "plain" },
  })), [nodes, positions, rootId]);
  const rfNodes = useMemo(() => plainNodes.map((n) => {
    const mark: LineageNodeData["mark"] = n.id === selected ? "selected" : n.data.mark === "root" ? "root" : highlight.has(n.id) ? "path" : "plain";
    return mark === n.data.mark ? n : { ...n, data: { ...n.data, mark } };
  }), [plainNodes, selected, highlight]);
  const plainEdges = useMemo<Edge[]>(() => edges.map((e) => ({ id: e.id, source: e.source, target: e.target, markerEnd: { type: MarkerType.ArrowClosed }, style: EDGE })), [edges]);
  const rfEdges = useMemo(() => plainEdges.map((e) => (highlight.has(e.source) && highlight.has(e.target) ? { ...e, style: EDGE_ON } : e)), [plainEdges, highlight]);
  if (!positions) return <div role="status" className="flex h-full items-center justify-center text-sm text-slate-500">Laying out {nodes.length} nodes…</div>;
  return (
    <ReactFlow nodes={rfNodes} edges={rfEdges} nodeTypes={NODE_TYPES} className={highlight.size ? "lineage-dim" : undefined} fitView minZoom={0.05} onlyRenderVisibleElements nodesConnectable={false} nodesDraggable={false}
      onNodeClick={(_, n) => onSelect(n.id)} proOptions={{ hideAttribution: true }}>
      <FitOnLayout positions={positions} rootKey={nodes.find((n) => n.assetId === rootId)?.id} />
      <Background />
      <Controls showInteractive={false} />
      <MiniMap pannable zoomable nodeColor={(n) => MINIMAP_COLORS[(n.data as LineageNodeData).kind] ?? "#e2e8f0"} />
    </ReactFlow>
  );
}
