import type pg from "pg";
import { insertRows } from "../lib/insert";
import { rng } from "../lib/rng";
import type { Scale } from "../lib/scale";
import { BASE_TIME, type CatalogData } from "./catalog";

// Asset-level lineage with the shapes that hurt graph walks in real installs:
// a layered DAG (most edges go one or a few layers down), long chains across
// hundreds of hops, a few wide hubs (thousands of direct neighbours, both ways),
// and a sprinkling of backward edges that close cycles.

const LAYERS = 40;

export interface LineageData {
  edges: number;
  /** The asset with the most downstream edges, and the one with the most upstream edges. */
  downHub: string;
  upHub: string;
  /** One node in the middle of a long chain. */
  chainNode: string;
}

export async function loadLineage(client: pg.ClientBase, scale: Scale, seed: number, cat: CatalogData): Promise<LineageData> {
  const r = rng(seed, "lineage");
  const n = cat.ids.length;
  const layerOf = Array.from({ length: n }, () => r.int(0, LAYERS));
  const byLayer: number[][] = Array.from({ length: LAYERS }, () => []);
  layerOf.forEach((l, i) => byLayer[l]!.push(i));
  const seen = new Set<number>();
  const out: [number, number][] = [];
  const add = (s: number, t: number) => {
    if (s === t) return;
    const key = s * n + t;
    if (seen.has(key)) return;
    seen.add(key);
    out.push([s, t]);
  };

  // Hubs: 0.5% of edges each, out of a node in an early layer and into a node in a late one.
  const hubShare = Math.floor(scale.edges * 0.005);
  const downHub = byLayer[2]![0]!, upHub = byLayer[LAYERS - 3]![0]!;
  for (let k = 0; k < 10; k++) {
    const hubOut = k === 0 ? downHub : byLayer[1 + (k % 4)]![k]!;
    const hubIn = k === 0 ? upHub : byLayer[LAYERS - 2 - (k % 4)]![k]!;
    for (let j = 0; j < hubShare; j++) {
      const lo = layerOf[hubOut]! + 1;
      const down = byLayer[r.int(lo, Math.min(LAYERS, lo + 3))]!;
      add(hubOut, down[r.int(0, down.length)]!);
      const hi = layerOf[hubIn]!;
      const up = byLayer[r.int(Math.max(0, hi - 3), hi)]!;
      add(up[r.int(0, up.length)]!, hubIn);
    }
  }
  // Long chains: 2% of edges as chains of 200 hops through random nodes.
  let chainNode = cat.ids[downHub]!;
  for (let c = 0; c * 200 < scale.edges * 0.02; c++) {
    let prev = r.int(0, n);
    for (let h = 0; h < 200; h++) {
      const next = r.int(0, n);
      add(prev, next);
      if (c === 0 && h === 100) chainNode = cat.ids[next]!;
      prev = next;
    }
  }
  // The layered body, with 0.5% backward edges (cycles).
  while (out.length < scale.edges) {
    const s = r.int(0, n);
    const l = layerOf[s]!;
    const back = r.chance(0.005);
    const tl = back ? r.int(0, Math.max(1, l)) : Math.min(LAYERS - 1, l + (r.chance(0.7) ? 1 : r.int(2, 4)));
    const layer = byLayer[tl]!;
    add(s, layer[r.int(0, layer.length)]!);
  }

  const rows = out.map(([s, t]) => {
    const first = new Date(BASE_TIME + r.int(0, 300) * 86_400_000);
    return [cat.ids[s], cat.ids[t], first, first];
  });
  await insertRows(client, "lineage_edges", [
    { name: "source_id", type: "uuid[]" }, { name: "target_id", type: "uuid[]" }, { name: "first_seen_at", type: "timestamptz[]" }, { name: "last_seen_at", type: "timestamptz[]" },
  ], rows, { batch: 10_000 });
  return { edges: rows.length, downHub: cat.ids[downHub]!, upHub: cat.ids[upHub]!, chainNode };
}
