import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { parseArgs } from "./lib/args";
import { freshDatabase } from "./lib/database";
import { loadAll } from "./lib/load";
import { allScenarios } from "./scenarios";
import type { BenchContext } from "./scenarios/types";

// `npm run bench:plans -- --scale full`: loads the bench data into a fresh database
// and writes EXPLAIN (ANALYZE, BUFFERS) of every hot-path query (the raw SQL each
// scenario mirrors from its service) to bench/plans/<scenario>.txt, so a plan that
// regresses shows in the diff. BENCH_DB_URL reuses an already loaded database.

const ROOT = path.resolve(import.meta.dirname, "..");
const slug = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const database = await freshDatabase("plans");
  try {
    const { ctxData } = await loadAll(database.url, args.scale, args.seed);
    const ctx: BenchContext = { ...ctxData, seed: args.seed, admin: {}, owner: {}, approver: {}, session: {} };
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    const out = path.join(ROOT, "bench/plans");
    mkdirSync(out, { recursive: true });
    try {
      for (const s of allScenarios) {
        if (!s.sql || (args.only && !s.name.includes(args.only))) continue;
        const question = s.sql(ctx)[0]!;
        const parts = [`# ${s.name} (scale ${args.scale.name}, seed ${args.seed})`, ""];
        for (const step of question) {
          await client.query(step.text, step.values); // warm the cache as the bench does
          const { rows } = await client.query<{ "QUERY PLAN": string }>(`EXPLAIN (ANALYZE, BUFFERS) ${step.text}`, step.values);
          parts.push(step.text.replace(/\s+/g, " ").trim(), "", ...rows.map((r) => r["QUERY PLAN"]), "");
        }
        writeFileSync(path.join(out, `${slug(s.name)}.txt`), parts.join("\n"));
        console.log(`wrote bench/plans/${slug(s.name)}.txt`);
      }
    } finally {
      await client.end();
    }
  } finally {
    await database.drop();
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.stack ?? e.message : e);
  process.exit(1);
});
