import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { encode } from "next-auth/jwt";
import { verifyAuditChain } from "@/lib/audit/verify";
import { parseArgs } from "./lib/args";
import { freshDatabase } from "./lib/database";
import { loadAll } from "./lib/load";
import { reuseLoaded, saveLoaded } from "./lib/reuse";
import { measureHttp, measureSql, measureTtfb } from "./lib/measure";
import { writePlans } from "./lib/plans";
import { judge, machineInfo, printReport, writeReport, type RunReport, type ScenarioResult } from "./lib/report";
import { startServer, type RunningServer } from "./lib/server";
import { allScenarios, planned } from "./scenarios";
import type { BenchContext, Scenario } from "./scenarios/types";

// `npm run bench`: a fresh local database loaded to the chosen scale, the production
// build served by `next start`, every scenario whose endpoint exists on this
// checkout measured through the API and as raw SQL, and a report of the budgets.

const ROOT = path.resolve(import.meta.dirname, "..");
// Its own build by default; CI builds once into .next and shares it (BENCH_DIST_DIR=.next --skip-build).
const DIST = process.env.BENCH_DIST_DIR || ".next-bench";
const SECRET = "bench-secret-0123456789abcdef0123456789abcdef";

async function build(skip: boolean): Promise<void> {
  if (skip && existsSync(path.join(ROOT, DIST, "BUILD_ID"))) return console.log(`reusing the build in ${DIST} (--skip-build)`);
  console.log(`next build into ${DIST} ...`);
  const t0 = Date.now();
  const child = spawn(process.execPath, ["node_modules/next/dist/bin/next", "build"], { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", NEXT_DIST_DIR: DIST } });
  let out = "";
  const keep = (b: Buffer) => { out = (out + b.toString()).slice(-6000); };
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  const code = await new Promise<number | null>((r) => child.once("exit", r));
  if (code !== 0) throw new Error(`next build failed (exit ${code}):\n${out}`);
  console.log(`built in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
}

/** The operations this checkout serves, from its OpenAPI document ("GET /api/v1/assets", ...). */
async function operations(server: RunningServer): Promise<Set<string>> {
  const doc = (await (await fetch(`${server.url}/api/v1/openapi.json`)).json()) as { paths: Record<string, Record<string, unknown>> };
  return new Set(Object.entries(doc.paths).flatMap(([p, methods]) => Object.keys(methods).map((m) => `${m.toUpperCase()} ${p}`)));
}

async function pageExists(server: RunningServer, p: string, session: Record<string, string>): Promise<boolean> {
  const res = await fetch(`${server.url}${p}`, { headers: session, redirect: "manual" });
  await res.arrayBuffer();
  return res.status === 200;
}

async function runScenario(s: Scenario, ctx: BenchContext, server: RunningServer, dbUrl: string, bounds: { seconds: number; maxRequests: number; connections: number }): Promise<ScenarioResult> {
  const all = s.requests(ctx, bounds.maxRequests);
  // Requests that write (ingestion: each one new events) are not measured again after warming up.
  const requests = s.eventsPerRequest ? all.slice(5) : all;
  // One warm-up pass (JIT, plan caches, Prisma's first query) that also proves each request answers 2xx.
  for (const r of all.slice(0, 5)) {
    const res = await fetch(server.url + r.path, { method: r.method, headers: { ...r.headers, ...(r.body ? { "content-type": "application/json" } : {}) }, body: r.body, redirect: "manual" });
    const text = await res.text();
    if (res.status >= 300) throw new Error(`${s.name}: ${r.method} ${r.path} answered ${res.status}: ${text.slice(0, 300)}`);
  }
  const api = s.ttfb ? await measureTtfb(server.url, requests, bounds) : await measureHttp(server.url, requests, bounds);
  const sql = s.sql && s.ratio ? await measureSql(dbUrl, s.sql(ctx), bounds) : undefined;
  const partial = {
    name: s.name, budget: s.budget, api, sql,
    ratio: sql ? api.p50 / sql.p50 : undefined,
    // Events stored per second: only requests answered 201 stored new events (200 is a duplicate).
    eventsPerSecond: s.eventsPerRequest ? api.rps * s.eventsPerRequest * ((api.statuses["201"] ?? 0) / Math.max(1, api.count)) : undefined,
  };
  return { ...partial, misses: judge(partial) };
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const started = new Date();
  console.log(`bench: scale ${args.scale.name}, seed ${args.seed}, port ${args.port}`);
  const reused = args.db ? await reuseLoaded(args.db, args.scale.name, args.seed) : undefined;
  const database = reused?.database ?? (await freshDatabase("bench"));
  let server: RunningServer | undefined;
  const errors: string[] = [];
  try {
    const loaded = reused?.loaded ?? (await loadAll(database.url, args.scale, args.seed));
    if (!reused && process.env.BENCH_KEEP_DB === "1") console.log(`saved the run's context to ${path.relative(ROOT, saveLoaded(database.url, args.scale.name, args.seed, loaded))}; measure again with --db ${database.url}`);
    if (reused) console.log(`measuring the kept database ${database.url} again (loaded earlier: ${Object.keys(loaded.load).join(", ")})`);
    const { ctxData, load, postgres } = loaded;
    await build(args.skipBuild);
    server = await startServer(ROOT, args.port, { DATABASE_URL: database.url, NEXTAUTH_SECRET: SECRET, DEMO_MODE: "true", NEXT_DIST_DIR: DIST });
    const jwt = await encode({ token: { sub: ctxData.identity.admin.userId, uid: ctxData.identity.admin.userId, email: ctxData.identity.admin.email, name: "Bench User 0" }, secret: SECRET });
    const ctx: BenchContext = {
      ...ctxData, seed: args.seed, runTag: reused ? `again-${Date.now()}` : "",
      admin: { authorization: `Bearer ${ctxData.identity.admin.token}` },
      owner: { authorization: `Bearer ${ctxData.identity.owner.token}` },
      approver: { authorization: `Bearer ${ctxData.identity.approver.token}` },
      session: { cookie: `next-auth.session-token=${jwt}` },
    };
    const ops = await operations(server);
    const loadAtStart = os.loadavg();
    const results: ScenarioResult[] = [];
    const notAvailable = planned.map((p) => ({ name: p.name, waitsFor: p.waitsFor }));
    for (const s of allScenarios) {
      if (args.only && !s.name.includes(args.only)) continue;
      const missing: string[] = [];
      for (const req of s.requires) {
        const ok = req.startsWith("PAGE ") ? await pageExists(server, req.slice(5), ctx.session) : ops.has(req);
        if (!ok) missing.push(req);
      }
      if (missing.length) {
        notAvailable.push({ name: s.name, waitsFor: missing.join(", ") });
        continue;
      }
      process.stdout.write(`- ${s.name} ... `);
      try {
        const r = await runScenario(s, ctx, server, database.url, args.scale);
        results.push(r);
        console.log(`p50 ${r.api.p50.toFixed(1)} ms, p95 ${r.api.p95.toFixed(1)} ms, ${r.api.rps.toFixed(0)} req/s${r.ratio ? `, API÷SQL ${r.ratio.toFixed(2)}` : ""}${r.api.errors ? `, ${r.api.errors} ERRORS ${JSON.stringify(r.api.statuses)}` : ""}`);
        if (r.api.errors) errors.push(`${s.name}: ${r.api.errors} failed requests (${JSON.stringify(r.api.statuses)})`);
      } catch (e) {
        console.log("FAILED");
        errors.push((e as Error).message);
      }
    }
    const peakRssMb = server.peakRssMb();
    await server.stop();
    server = undefined;
    if (args.plans) {
      const written = await writePlans(database.url, ctx, `scale ${args.scale.name}, seed ${args.seed}, ${started.toISOString().slice(0, 10)}`, path.join(ROOT, "bench/plans"), args.only);
      console.log(`wrote ${written.length} query plans to bench/plans/`);
    }
    const chain = await verifyAuditChain(database.url);
    if (!chain.ok) errors.push(`audit chain broken at seq ${chain.brokenSeq}: ${chain.reason}`);
    const report: RunReport = {
      date: started.toISOString(), scale: args.scale.name, seed: args.seed, machine: machineInfo(postgres, loadAtStart), load, scenarios: results, notAvailable,
      peakRssMb, auditChain: chain.ok ? `intact (${chain.events} events)` : `BROKEN at ${chain.brokenSeq}`,
      misses: results.flatMap((r) => r.misses), errors,
    };
    printReport(report);
    const files = writeReport(report, path.resolve(ROOT, args.outDir));
    console.log(`wrote ${path.relative(ROOT, files.json)} and ${path.relative(ROOT, files.md)}`);
    process.exitCode = errors.length || (args.strict && report.misses.length) ? 1 : 0;
  } finally {
    if (server) await server.stop();
    if (process.env.BENCH_KEEP_DB === "1" || reused) console.log(`kept the database: ${database.url}`);
    else await database.drop();
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.stack ?? e.message : e);
  process.exit(1);
});
