import type { LineageGraph } from "@/lib/lineage/graph-schemas";

export interface ViewNode { id: string; assetId: string; label: string; sub: string; kind: string; depth: number; column?: string }
export interface ViewEdge { id: string; source: string; target: string; firstSeenAt?: string }

/** Dataset level: one node per asset. Column level: one node per (dataset, column) on a column edge. */
export function viewOf(g: LineageGraph, level: "dataset" | "column", kinds: Set<string>, hidden: Set<string>): { nodes: ViewNode[]; edges: ViewEdge[] } {
  const assets = new Map(g.graph.map((n) => [n.data.assetId, n.data]));
  if (level === "column") {
    const nodes = new Map<string, ViewNode>();
    const edges: ViewEdge[] = [];
    for (const e of g.columnEdges) {
      const [s, t] = [assets.get(e.sourceId), assets.get(e.targetId)];
      if (!s || !t || hidden.has(e.sourceId) || hidden.has(e.targetId)) continue;
      const sid = `${e.sourceId}#${e.sourceColumn}`;
      const tid = `${e.targetId}#${e.targetColumn}`;
      nodes.set(sid, { id: sid, assetId: e.sourceId, label: e.sourceColumn, sub: s.name, kind: s.kind, depth: s.depth, column: e.sourceColumn });
      nodes.set(tid, { id: tid, assetId: e.targetId, label: e.targetColumn, sub: t.name, kind: t.kind, depth: t.depth, column: e.targetColumn });
      edges.push({ id: `${sid}>${tid}`, source: sid, target: tid });
    }
    return { nodes: [...nodes.values()], edges };
  }
  const keep = (id: string) => !hidden.has(id) && kinds.has(assets.get(id)?.kind ?? "");
  const nodes = g.graph.filter((n) => keep(n.data.assetId)).map((n) => ({ id: n.data.assetId, assetId: n.data.assetId, label: n.data.name, sub: n.data.namespace, kind: n.data.kind, depth: n.data.depth }));
  const edges = g.edges.filter((e) => keep(e.sourceId) && keep(e.targetId)).map((e) => ({ id: `${e.sourceId}>${e.targetId}`, source: e.sourceId, target: e.targetId, firstSeenAt: e.firstSeenAt }));
  return { nodes, edges };
}

/** Nodes on a shortest path between root and target (either direction), for highlighting. */
export function pathBetween(edges: ViewEdge[], root: string, target: string): Set<string> {
  const adj = new Map<string, string[]>();
  for (const e of edges) { adj.set(e.source, [...(adj.get(e.source) ?? []), e.target]); adj.set(e.target, [...(adj.get(e.target) ?? []), e.source]); }
  const prev = new Map<string, string | null>([[root, null]]);
  const queue = [root];
  while (queue.length) {
    const n = queue.shift()!;
    if (n === target) break;
    for (const m of adj.get(n) ?? []) if (!prev.has(m)) { prev.set(m, n); queue.push(m); }
  }
  const out = new Set<string>();
  for (let n: string | null | undefined = target; n; n = prev.get(n)) { if (!prev.has(n)) break; out.add(n); }
  return out;
}

function reach(edges: ViewEdge[], root: string, forward: boolean, stop: Set<string>): Set<string> {
  const adj = new Map<string, string[]>();
  for (const e of edges) { const [a, b] = forward ? [e.source, e.target] : [e.target, e.source]; adj.set(a, [...(adj.get(a) ?? []), b]); }
  const seen = new Set([root]);
  const queue = [root];
  while (queue.length) {
    const n = queue.shift()!;
    if (n !== root && stop.has(n)) continue;
    for (const m of adj.get(n) ?? []) if (!seen.has(m)) { seen.add(m); queue.push(m); }
  }
  return seen;
}

/** What collapsing nodes hides: whatever is reachable from the root only through a collapsed node, either side. */
export function hiddenBy(edges: ViewEdge[], root: string, collapsed: Set<string>): Set<string> {
  if (!collapsed.size) return new Set();
  const visible = new Set([...reach(edges, root, true, collapsed), ...reach(edges, root, false, collapsed)]);
  return new Set(edges.flatMap((e) => [e.source, e.target]).filter((n) => !visible.has(n)));
}
