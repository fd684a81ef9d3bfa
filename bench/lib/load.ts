import { spawnSync } from "node:child_process";
import path from "node:path";
import pg from "pg";
import { seedBenchUseCases } from "@/lib/use-cases/bench-seed";
import { loadAudit } from "../gen/audit";
import { loadCatalog, type CatalogData } from "../gen/catalog";
import { loadIdentity, type Identity } from "../gen/identity";
import { loadLineage, type LineageData } from "../gen/lineage";
import { loadPromotions } from "../gen/promotions";
import type { Scale } from "./scale";

// Loads every generator in dependency order into the fresh database, then VACUUM ANALYZE
// so the planner sees the real sizes and index-only scans work (autovacuum would get
// there, but not before the run).

export interface LoadedData {
  identity: Identity;
  catalog: CatalogData;
  lineage: LineageData;
  extra: Record<string, unknown>;
}

function demoSeed(url: string): void {
  const root = path.resolve(import.meta.dirname, "../..");
  const r = spawnSync(path.join(root, "node_modules/.bin/tsx"), ["--conditions=react-server", "prisma/seed.ts"], { cwd: root, encoding: "utf8", env: { ...process.env, DATABASE_URL: url } });
  if (r.status !== 0) throw new Error(`the demo seed failed (exit ${r.status}): ${r.stderr.slice(-2000)}`);
}

export async function loadAll(url: string, scale: Scale, seed: number): Promise<{ ctxData: LoadedData; load: Record<string, { rows: number; seconds: number }>; postgres: string }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const load: Record<string, { rows: number; seconds: number }> = {};
  const timed = async <T>(label: string, rows: (t: T) => number, fn: () => Promise<T>): Promise<T> => {
    const t0 = performance.now();
    process.stdout.write(`loading ${label} ... `);
    const out = await fn();
    const seconds = (performance.now() - t0) / 1000;
    load[label] = { rows: rows(out), seconds };
    console.log(`${rows(out).toLocaleString("en")} in ${seconds.toFixed(1)} s`);
    return out;
  };
  try {
    await client.query("SET synchronous_commit = off");
    const postgres = (await client.query<{ v: string }>("SELECT split_part(version(), ' on ', 1) AS v")).rows[0]!.v;
    // The demo seed first: personas, environments, the published rubric that scored use cases need.
    await timed("demo seed", () => 0, async () => demoSeed(url));
    const identity = await timed("users", () => scale.users, () => loadIdentity(client, scale, seed));
    // The audit chain first: every later write by the app appends after it.
    await timed("audit events", () => scale.auditEvents, () => loadAudit(client, scale, seed, identity.userIds));
    const catalog = await timed("assets", (c) => c.ids.length, () => loadCatalog(client, scale, seed, identity.teamIds));
    load["versions"] = { rows: catalog.datasetVersionIds.length + catalog.modelVersionIds.length, seconds: 0 };
    const lineage = await timed("lineage edges", (l) => l.edges, () => loadLineage(client, scale, seed, catalog));
    const promotions = await timed("promotions", (p) => p.promotions, () => loadPromotions(client, scale, seed, catalog, identity.userIds, identity.teamIds));
    // Use cases through the use-case area's own batched seeder (lib/use-cases/bench-seed.ts).
    await timed("use cases", () => scale.useCases, () => seedBenchUseCases(url, scale.useCases));
    // VACUUM as well: a freshly bulk-loaded table has no visibility map, so every index-only
    // scan would visit the heap; in production autovacuum has long since set it.
    await timed("vacuum analyze", () => 0, () => client.query("VACUUM (ANALYZE)"));
    // Use cases for the page scenarios: the seeder's ids are random, so pick them by title order (stable).
    const useCaseIds = (await client.query<{ id: string }>("SELECT id::text FROM use_cases ORDER BY title, id LIMIT 20")).rows.map((r) => r.id);
    return { ctxData: { identity, catalog, lineage, extra: { promotions, useCaseIds } }, load, postgres };
  } finally {
    await client.end();
  }
}
