import path from "node:path";
import { parseArgs } from "./lib/args";
import { freshDatabase } from "./lib/database";
import { loadAll } from "./lib/load";
import { writePlans } from "./lib/plans";
import type { BenchContext } from "./scenarios/types";

// `npm run bench:plans -- --scale full`: loads the bench data into a fresh database
// and writes EXPLAIN (ANALYZE, BUFFERS) of every hot-path query to
// bench/plans/<scenario>.txt. `npm run bench -- --plans` writes the same files from
// the database it has just measured, without loading the data a second time.

const ROOT = path.resolve(import.meta.dirname, "..");

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const database = await freshDatabase("plans");
  try {
    const { ctxData } = await loadAll(database.url, args.scale, args.seed);
    const ctx: BenchContext = { ...ctxData, seed: args.seed, runTag: "", admin: {}, owner: {}, approver: {}, session: {} };
    for (const f of await writePlans(database.url, ctx, `scale ${args.scale.name}, seed ${args.seed}`, path.join(ROOT, "bench/plans"), args.only)) console.log(`wrote ${path.relative(ROOT, f)}`);
  } finally {
    await database.drop();
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.stack ?? e.message : e);
  process.exit(1);
});
