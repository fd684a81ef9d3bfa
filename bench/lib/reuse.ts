import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { migrate } from "@/lib/migrate/migrate";
import { assertLocal } from "@/lib/test/test-database";
import type { BenchDatabase } from "./database";
import type { LoadedData } from "./load";

// Measuring again without loading again: `BENCH_KEEP_DB=1 npm run bench -- --scale full`
// keeps its database and writes what the scenarios need to know about it (hub ids,
// tokens) to bench/results/tmp/ (git-ignored); `--db <url>` then measures that database
// again, after applying any newer migrations (an index being tried). Loading the full
// scale takes minutes; a query-plan fix is checked in one.

const DIR = path.resolve(import.meta.dirname, "../results/tmp");

export interface Loaded {
  ctxData: LoadedData;
  load: Record<string, { rows: number; seconds: number }>;
  postgres: string;
}

const fileOf = (url: string) => path.join(DIR, `${new URL(url).pathname.slice(1)}.json`);

export function saveLoaded(url: string, scale: string, seed: number, loaded: Loaded): string {
  mkdirSync(DIR, { recursive: true });
  const file = fileOf(url);
  writeFileSync(file, JSON.stringify({ scale, seed, ...loaded }));
  return file;
}

export async function reuseLoaded(url: string, scale: string, seed: number): Promise<{ database: BenchDatabase; loaded: Loaded }> {
  assertLocal(url);
  let saved: Loaded & { scale: string; seed: number };
  try {
    saved = JSON.parse(readFileSync(fileOf(url), "utf8"));
  } catch {
    throw new Error(`--db ${url}: no ${path.relative(process.cwd(), fileOf(url))}; keep a database with BENCH_KEEP_DB=1 npm run bench first`);
  }
  if (saved.scale !== scale || saved.seed !== seed) throw new Error(`--db ${url} holds scale ${saved.scale}, seed ${saved.seed}; pass --scale ${saved.scale} --seed ${saved.seed}`);
  await migrate(url);
  return { database: { url, adminUrl: url, drop: async () => {} }, loaded: { ctxData: saved.ctxData, load: saved.load, postgres: saved.postgres } };
}
