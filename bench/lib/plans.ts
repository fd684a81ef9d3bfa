import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { allScenarios } from "../scenarios";
import type { BenchContext } from "../scenarios/types";
import { runSteps } from "./measure";

// EXPLAIN (ANALYZE, BUFFERS) of every hot-path query (the raw SQL each scenario
// mirrors from its service), one file per scenario, so a plan that regresses shows in
// the diff of bench/plans/.

const slug = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");

export async function writePlans(databaseUrl: string, ctx: BenchContext, label: string, outDir: string, only?: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  mkdirSync(outDir, { recursive: true });
  const written: string[] = [];
  try {
    for (const s of allScenarios) {
      if (!s.sql || (only && !s.name.includes(only))) continue;
      const question = s.sql(ctx)[0]!;
      const parts = [`# ${s.name} (${label})`, ""];
      await runSteps(client, question); // warm the cache as the bench does
      await runSteps(client, question, async (_step, text, values) => {
        const { rows } = await client.query<{ "QUERY PLAN": string }>(`EXPLAIN (ANALYZE, BUFFERS) ${text}`, values);
        parts.push(text.replace(/\s+/g, " ").trim(), "", ...rows.map((r) => r["QUERY PLAN"]), "");
      });
      const file = path.join(outDir, `${slug(s.name)}.txt`);
      writeFileSync(file, parts.join("\n"));
      written.push(file);
    }
  } finally {
    await client.end();
  }
  return written;
}
