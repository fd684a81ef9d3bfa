// Layered layout off the main thread, so a graph of hundreds of nodes never blocks the page.
import ELK from "elkjs/lib/elk.bundled.js";

interface LayoutRequest { id: number; nodes: { id: string; width: number; height: number }[]; edges: { source: string; target: string }[] }

const elk = new ELK();

self.onmessage = async (e: MessageEvent<LayoutRequest>) => {
  const { id, nodes, edges } = e.data;
  const known = new Set(nodes.map((n) => n.id));
  const graph = await elk.layout({
    id: "root",
    layoutOptions: { "elk.algorithm": "layered", "elk.direction": "RIGHT", "elk.layered.spacing.nodeNodeBetweenLayers": "90", "elk.spacing.nodeNode": "28", "elk.layered.cycleBreaking.strategy": "GREEDY" },
    children: nodes.map((n) => ({ id: n.id, width: n.width, height: n.height })),
    edges: edges.filter((x) => known.has(x.source) && known.has(x.target)).map((x, i) => ({ id: `e${i}`, sources: [x.source], targets: [x.target] })),
  });
  const positions = Object.fromEntries((graph.children ?? []).map((c) => [c.id, { x: c.x ?? 0, y: c.y ?? 0 }]));
  (self as unknown as Worker).postMessage({ id, positions });
};
