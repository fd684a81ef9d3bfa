"use client";
import { memo } from "react";
import { Handle, Position, useStore, type Node, type NodeProps } from "@xyflow/react";

// One node of the lineage graph. Memoised, with only primitive data, so that selecting a
// node or highlighting a path re-renders the few nodes whose look changed, not all of them
// (with 600 nodes, re-rendering every node on a click took over half a second). Nodes off
// the highlighted path are dimmed by a class on the canvas (CSS), not by their data, for
// the same reason. Zoomed far out, where no label is legible, a node draws as a plain box:
// much less to paint per frame.

export const NODE_WIDTH = 220;
export const NODE_HEIGHT = 54;
const COLORS: Record<string, string> = { dataset: "#e0ecff", feature_set: "#dcfce7", model: "#fef3c7", job: "#f1f5f9", deployment: "#fee2e2" };
const COMPACT_BELOW_ZOOM = 0.4;
// Edges attach to the handles; nobody drags new ones, so they need not show.
const HIDDEN = { opacity: 0 };

export type LineageNodeData = { label: string; sub: string; kind: string; mark: "root" | "selected" | "path" | "plain" };
export type LineageFlowNode = Node<LineageNodeData, "lineage">;

const BORDER: Record<LineageNodeData["mark"], string> = {
  selected: "2px solid #1d4ed8", root: "2px solid #0f172a", path: "2px solid #f59e0b", plain: "1px solid #cbd5e1",
};

function LineageNodeView({ data }: NodeProps<LineageFlowNode>) {
  const compact = useStore((s) => s.transform[2] < COMPACT_BELOW_ZOOM);
  return (
    <div
      data-mark={data.mark}
      style={{ width: NODE_WIDTH, height: NODE_HEIGHT, background: COLORS[data.kind] ?? "#fff", border: BORDER[data.mark] }}
      className="rounded-lg px-2 py-1.5 text-left [.lineage-dim_&[data-mark=plain]]:opacity-45"
    >
      <Handle type="target" position={Position.Left} isConnectable={false} style={HIDDEN} />
      {compact ? null : (
        <>
          <div className="truncate text-xs font-semibold">{data.label}</div>
          <div className="truncate text-[10px] text-slate-500">{data.sub}</div>
        </>
      )}
      <Handle type="source" position={Position.Right} isConnectable={false} style={HIDDEN} />
    </div>
  );
}

export const LineageNode = memo(LineageNodeView);
