"use client";
import { useEffect, useRef, useState } from "react";

export type Positions = Record<string, { x: number; y: number }>;

/** Positions from the elk worker for the given nodes and edges; stale answers are dropped. */
export function useElkLayout(nodes: { id: string; width: number; height: number }[], edges: { source: string; target: string }[]) {
  const worker = useRef<Worker | null>(null);
  const seq = useRef(0);
  const [positions, setPositions] = useState<Positions | null>(null);
  useEffect(() => {
    worker.current = new Worker(new URL("./layout.worker.ts", import.meta.url), { type: "module" });
    worker.current.onmessage = (e: MessageEvent<{ id: number; positions: Positions }>) => {
      if (e.data.id === seq.current) setPositions(e.data.positions);
    };
    return () => worker.current?.terminate();
  }, []);
  const key = JSON.stringify([nodes.map((n) => n.id), edges.map((e) => e.source + ">" + e.target)]);
  useEffect(() => {
    if (!worker.current) return;
    seq.current += 1;
    worker.current.postMessage({ id: seq.current, nodes, edges });
    // key captures the graph's identity; nodes/edges objects change every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  return positions;
}
