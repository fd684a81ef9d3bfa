import { seedBenchUseCases } from "@/lib/use-cases/bench-seed";

// Usage: DATABASE_URL=... tsx scripts/bench-seed-use-cases.ts [count]
// Adds bulk use cases for the benchmark on top of the demo seed (which must have run).
const url = process.env.DATABASE_URL;
if (!url) {
  console.error("DATABASE_URL is not set: point it at the database to fill.");
  process.exit(1);
}
const count = Number(process.argv[2] ?? 10_000);
const r = await seedBenchUseCases(url, count);
console.log(`bench seed: ${r.useCases} use cases, ${r.scores} scores, ${r.events} events in ${r.ms} ms`);
