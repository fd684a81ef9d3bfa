import { createHash } from "node:crypto";

// Deterministic randomness: the same --seed gives the same database, row for row,
// so two runs (or two machines) measure the same data.

export interface Rng {
  /** [0, 1) */
  next(): number;
  int(lo: number, hiExclusive: number): number;
  pick<T>(items: readonly T[]): T;
  /** true with probability p */
  chance(p: number): boolean;
  /** A few distinct items. */
  sample<T>(items: readonly T[], n: number): T[];
}

/** mulberry32: tiny, fast, good enough for synthetic data. */
export function rng(seed: number, stream = ""): Rng {
  let a = (seed ^ hash32(stream)) >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo));
  return {
    next,
    int,
    pick: (items) => items[int(0, items.length)]!,
    chance: (p) => next() < p,
    sample: (items, n) => {
      const out = new Set<(typeof items)[number]>();
      while (out.size < Math.min(n, items.length)) out.add(items[int(0, items.length)]!);
      return [...out];
    },
  };
}

function hash32(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

/** A UUID (v4 layout) derived from the seed and a label, so ids are stable across runs. */
export function seededUuid(seed: number, label: string): string {
  const h = createHash("sha1").update(`${seed}:${label}`).digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${((parseInt(h[16]!, 16) & 3) | 8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
