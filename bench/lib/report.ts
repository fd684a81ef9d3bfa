import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Stats } from "./measure";
import type { Budget } from "../scenarios/types";
import { RATIO_BUDGET } from "../scenarios/types";

// The run's results: a table on stdout, a JSON file for machines and a markdown
// summary for people, both naming every budget that was missed.

export interface ScenarioResult {
  name: string;
  budget: Budget;
  api: Stats;
  sql?: Stats;
  /** API p50 ÷ raw SQL p50. */
  ratio?: number;
  eventsPerSecond?: number;
  misses: string[];
}

export interface RunReport {
  date: string;
  scale: string;
  seed: number;
  machine: { cpus: number; cpuModel: string; memoryGb: number; node: string; postgres: string; loadAverage: { atStart: number[]; atEnd?: number[] } };
  load: Record<string, { rows: number; seconds: number }>;
  scenarios: ScenarioResult[];
  notAvailable: { name: string; waitsFor: string }[];
  peakRssMb: number;
  auditChain: string;
  misses: string[];
  errors: string[];
}

const f = (n: number | undefined, d = 1) => (n === undefined || Number.isNaN(n) ? "-" : n.toFixed(d));

export function judge(r: Omit<ScenarioResult, "misses">): string[] {
  const misses: string[] = [];
  const b = r.budget;
  if (b.kind === "p95" && r.api.p95 > b.ms) misses.push(`${r.name}: p95 ${f(r.api.p95)} ms > ${b.ms} ms (${b.label})`);
  if (b.kind === "eventsPerSecond" && (r.eventsPerSecond ?? 0) < b.min) misses.push(`${r.name}: ${f(r.eventsPerSecond, 0)} events/s < ${b.min} (${b.label})`);
  if (r.ratio !== undefined && r.ratio > RATIO_BUDGET) misses.push(`${r.name}: API ÷ raw SQL at p50 = ${f(r.ratio, 2)} > ${RATIO_BUDGET}`);
  return misses;
}

/** `loadAtStart`: os.loadavg() when the measurements began; the one at the end is read now. */
export function machineInfo(postgres: string, loadAtStart: number[]): RunReport["machine"] {
  const r = (xs: number[]) => xs.map((x) => Number(x.toFixed(1)));
  // The load average tells how noisy the machine was (2 cores shared with other work).
  return { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? "?", memoryGb: Math.round(os.totalmem() / 2 ** 30), node: process.version, postgres, loadAverage: { atStart: r(loadAtStart), atEnd: r(os.loadavg()) } };
}

function table(report: RunReport): string[] {
  const head = "| scenario | req/s | p50 ms | p95 ms | p99 ms | SQL p50 ms | API÷SQL | events/s | budget | ok |";
  const lines = [head, "|---|---:|---:|---:|---:|---:|---:|---:|---|---|"];
  for (const s of report.scenarios) {
    lines.push(`| ${s.name} | ${f(s.api.rps, 0)} | ${f(s.api.p50)} | ${f(s.api.p95)} | ${f(s.api.p99)} | ${f(s.sql?.p50, 2)} | ${f(s.ratio, 2)} | ${f(s.eventsPerSecond, 0)} | ${s.budget.label} | ${s.misses.length ? "MISSED" : "ok"} |`);
  }
  return lines;
}

export function printReport(report: RunReport): void {
  console.log("");
  for (const l of table(report)) console.log(l);
  console.log(`\npeak RSS of the app: ${report.peakRssMb} MB; audit chain: ${report.auditChain}`);
  if (report.notAvailable.length) console.log(`not available yet: ${report.notAvailable.map((n) => n.name).join("; ")}`);
  console.log(report.misses.length ? `budgets missed (${report.misses.length}):\n  ${report.misses.join("\n  ")}` : "all budgets met");
  for (const e of report.errors) console.log(`ERROR: ${e}`);
}

export function writeReport(report: RunReport, outDir: string): { json: string; md: string } {
  mkdirSync(outDir, { recursive: true });
  const base = path.join(outDir, `${report.date.slice(0, 10)}-${report.scale}`);
  writeFileSync(`${base}.json`, JSON.stringify(report, null, 2) + "\n");
  const m = report.machine;
  const md = [
    `# Benchmark, ${report.scale} scale, ${report.date}`,
    "",
    `Machine: ${m.cpus} × ${m.cpuModel}, ${m.memoryGb} GB, Node ${m.node}, ${m.postgres}. Seed ${report.seed}. Load average (1/5/15 min) ${m.loadAverage.atStart.join("/")} at the start, ${m.loadAverage.atEnd?.join("/") ?? "?"} at the end.`,
    "",
    "Loaded: " + Object.entries(report.load).map(([k, v]) => `${v.rows.toLocaleString("en")} ${k} (${f(v.seconds)} s)`).join(", ") + ".",
    "",
    ...table(report),
    "",
    `Peak RSS of the app: ${report.peakRssMb} MB. Audit chain after the run: ${report.auditChain}.`,
    "",
    report.misses.length ? `## Budgets missed\n\n${report.misses.map((x) => `- ${x}`).join("\n")}` : "All budgets met.",
    "",
    report.notAvailable.length ? `## Not available yet\n\n${report.notAvailable.map((x) => `- ${x.name}: waits for ${x.waitsFor}`).join("\n")}` : "",
    report.errors.length ? `\n## Errors\n\n${report.errors.map((x) => `- ${x}`).join("\n")}` : "",
  ].join("\n");
  writeFileSync(`${base}.md`, md + "\n");
  return { json: `${base}.json`, md: `${base}.md` };
}
