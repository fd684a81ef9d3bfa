import { randomUUID } from "node:crypto";
import { readFileSync, readdirSync } from "node:fs";
import { ingestLineage } from "@/lib/lineage/ingest";
import { db } from "@/lib/db";

// Measures OpenLineage ingestion throughput through the service (validation, dedupe,
// batched SQL, audit): BATCHES batches of BATCH synthetic Spark-like run events, each
// with inputs, outputs, a schema and column lineage. Run against a scratch database:
//   DATABASE_URL=... npx tsx --conditions=react-server scripts/bench-lineage-ingest.ts
// Besides events/s it prints the CPU time spent per event by this process and by the
// database's server processes (Linux /proc): on a shared, loaded machine wall-clock
// rates swing with the neighbours, CPU per event much less.
const BATCH = Number(process.env.BATCH ?? 500);
const BATCHES = Number(process.env.BATCHES ?? 6);

function event(i: number, salt: string) {
  const ns = `bench-${salt}`;
  const ds = (n: number) => `warehouse.table_${n % 400}`;
  const field = (n: string) => ({ name: n, type: "string" });
  const f = { _producer: "https://example.test/bench", _schemaURL: "https://openlineage.io/spec/facets/1-1-0/SchemaDatasetFacet.json#/$defs/SchemaDatasetFacet" };
  return {
    eventType: i % 2 ? "COMPLETE" : "START", eventTime: new Date(Date.UTC(2026, 0, 1) + i * 1000).toISOString(),
    producer: "https://example.test/bench", schemaURL: "https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent",
    run: { runId: randomUUID(), facets: { processing_engine: { ...f, version: "3.5.0", name: "spark" } } },
    job: { namespace: ns, name: `job_${i % 300}` },
    inputs: [{ namespace: ns, name: ds(i), facets: { schema: { ...f, fields: ["a", "b", "c"].map(field) } } }],
    outputs: [{ namespace: ns, name: ds(i + 1), facets: {
      schema: { ...f, fields: ["a", "b"].map(field) },
      columnLineage: { ...f, fields: { a: { inputFields: [{ namespace: ns, name: ds(i), field: "a" }] }, b: { inputFields: [{ namespace: ns, name: ds(i), field: "c" }] } } },
    } }],
  };
}

/** CPU milliseconds used so far by the PostgreSQL processes serving this database (0 where /proc is not readable). */
function databaseCpuMs(database: string): number {
  let ticks = 0;
  for (const pid of readdirSync("/proc").filter((d) => /^\d+$/.test(d))) {
    try {
      if (!readFileSync(`/proc/${pid}/cmdline`, "utf8").includes(` ${database} `)) continue;
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      ticks += Number(f[11]) + Number(f[12]); // utime + stime, in clock ticks of 10 ms
    } catch { /* the process ended meanwhile */ }
  }
  return ticks * 10;
}

const admin = await db().user.findFirst({ where: { roles: { some: { role: "admin" } } }, include: { memberships: true } });
const actor = { kind: "user" as const, userId: admin?.id ?? randomUUID(), email: "bench@local", name: "bench", roles: ["admin" as const], teamIds: [] };
const database = new URL(process.env.DATABASE_URL ?? "postgresql://localhost/postgres").pathname.slice(1);
const salt = randomUUID().slice(0, 8);
await ingestLineage({ actor, requestId: randomUUID() }, event(-1, salt)); // compiles the validators, opens the pool
let n = 0;
const [cpu0, db0, started] = [process.cpuUsage(), databaseCpuMs(database), performance.now()];
for (let b = 0; b < BATCHES; b++) {
  const events = Array.from({ length: BATCH }, () => event(n++, salt));
  const t = performance.now();
  const r = await ingestLineage({ actor, requestId: randomUUID() }, BATCH === 1 ? events[0] : events);
  if (BATCHES <= 20) console.log(`batch ${b}: ${r.stored} stored in ${Math.round(performance.now() - t)} ms`);
}
const secs = (performance.now() - started) / 1000;
const [cpu, dbCpu] = [process.cpuUsage(cpu0), databaseCpuMs(database) - db0];
console.log(`${n} events in ${secs.toFixed(2)} s = ${Math.round(n / secs)} events/s (batches of ${BATCH})`);
console.log(`CPU per event: ${((cpu.user + cpu.system) / 1000 / n).toFixed(3)} ms here, ${(dbCpu / n).toFixed(3)} ms in PostgreSQL; load average ${readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ")}`);
await db().$disconnect();
