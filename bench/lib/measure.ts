import autocannon from "autocannon";
import pg from "pg";

// Two measurements of one question, bounded by time and by count: the API through
// autocannon (HTTP/1.1 keep-alive, C connections, on 127.0.0.1 only) and the same
// question as raw SQL with `pg` (C clients). Latencies are kept whole and the
// percentiles computed here, so both sides use the same arithmetic.

export interface Stats {
  count: number;
  errors: number;
  statuses: Record<string, number>;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
}

export interface HttpRequestSpec {
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  path: string;
  headers?: Record<string, string>;
  body?: string;
}

export interface Bounds {
  seconds: number;
  maxRequests: number;
  connections: number;
}

const MIN_SAMPLES = 5;

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

function stats(latencies: number[], seconds: number, errors: number, statuses: Record<string, number>): Stats {
  const s = [...latencies].sort((a, b) => a - b);
  return { count: s.length, errors, statuses, rps: s.length / seconds, p50: percentile(s, 50), p95: percentile(s, 95), p99: percentile(s, 99) };
}

function assertLocalUrl(url: string): void {
  const host = new URL(url).hostname;
  if (host !== "127.0.0.1" && host !== "localhost") throw new Error(`the bench only loads 127.0.0.1, not ${host}`);
}

/** A request as sent: a JSON body says so. */
function wire(r: HttpRequestSpec) {
  return { method: r.method, path: r.path, headers: { ...r.headers, ...(r.body ? { "content-type": "application/json" } : {}) }, body: r.body };
}

export async function measureHttp(baseUrl: string, requests: HttpRequestSpec[], b: Bounds): Promise<Stats> {
  assertLocalUrl(baseUrl);
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  let errors = 0, next = 0;
  const started = performance.now();
  const instance = autocannon({
    url: baseUrl,
    connections: b.connections,
    // autocannon's `amount` overrides `duration`; bound by time here and stop at the count below.
    duration: b.seconds,
    timeout: 30,
    // One list shared by every connection, each request taken once before any is sent again:
    // given the list itself, autocannon replays it per connection, so with 2 connections half
    // of the ingestion requests were copies of events already stored (cheap duplicates).
    requests: [{ setupRequest: (req) => ({ ...req, ...wire(requests[next++ % requests.length]!) }) }],
  });
  instance.on("response", (_client: unknown, status: number, _bytes: number, ms: number) => {
    latencies.push(ms);
    statuses[status] = (statuses[status] ?? 0) + 1;
    if (status >= 400) errors++;
    if (latencies.length === b.maxRequests) instance.stop();
  });
  const result = await instance;
  errors += result.errors + result.timeouts;
  // A question slower than the time bound would report nothing (autocannon drops the
  // requests still in flight): top up to a few sequential samples, bounded at a minute.
  for (const deadline = performance.now() + 60_000; latencies.length < MIN_SAMPLES && performance.now() < deadline; ) {
    const r = wire(requests[next++ % requests.length]!);
    const t0 = performance.now();
    const res = await fetch(baseUrl + r.path, r);
    await res.arrayBuffer();
    latencies.push(performance.now() - t0);
    statuses[res.status] = (statuses[res.status] ?? 0) + 1;
    if (res.status >= 400) errors++;
  }
  const elapsed = (performance.now() - started) / 1000;
  return stats(latencies, elapsed, errors, statuses);
}

/** Time to first byte (response headers) of server-rendered pages, C fetch loops. */
export async function measureTtfb(baseUrl: string, requests: HttpRequestSpec[], b: Bounds): Promise<Stats> {
  assertLocalUrl(baseUrl);
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  let errors = 0, next = 0;
  const started = performance.now();
  const deadline = started + b.seconds * 1000;
  const loop = async () => {
    while (performance.now() < deadline && next < b.maxRequests) {
      const r = requests[next++ % requests.length]!;
      const t0 = performance.now();
      const res = await fetch(baseUrl + r.path, { method: r.method, headers: r.headers, redirect: "manual" });
      latencies.push(performance.now() - t0);
      await res.arrayBuffer();
      statuses[res.status] = (statuses[res.status] ?? 0) + 1;
      if (res.status >= 400) errors++;
    }
  };
  await Promise.all(Array.from({ length: b.connections }, loop));
  return stats(latencies, (performance.now() - started) / 1000, errors, statuses);
}

/**
 * One statement. `values` may be a function of the previous statement's rows, for a service
 * whose second statement uses the ids the first one answered (a page, then its details).
 */
export type SqlStep = { text: string; values?: unknown[] | ((previous: Record<string, unknown>[]) => unknown[]) };

/** Runs the statements of one question in order, each given the rows of the one before. */
export async function runSteps(c: pg.Client, steps: SqlStep[], each?: (step: SqlStep, text: string, values: unknown[] | undefined) => Promise<void>): Promise<void> {
  let previous: Record<string, unknown>[] = [];
  for (const s of steps) {
    const values = typeof s.values === "function" ? s.values(previous) : s.values;
    previous = (await c.query<Record<string, unknown>>(s.text, values)).rows;
    await each?.(s, s.text, values);
  }
}

/** The same question as raw SQL: each item is the statements one API request stands for. */
export async function measureSql(databaseUrl: string, questions: SqlStep[][], b: Bounds): Promise<Stats> {
  const clients = await Promise.all(Array.from({ length: b.connections }, async () => {
    const c = new pg.Client({ connectionString: databaseUrl });
    await c.connect();
    return c;
  }));
  const latencies: number[] = [];
  let next = 0, errors = 0;
  const started = performance.now();
  const deadline = started + b.seconds * 1000;
  try {
    await Promise.all(clients.map(async (c) => {
      while (performance.now() < deadline && next < b.maxRequests) {
        const steps = questions[next++ % questions.length]!;
        const t0 = performance.now();
        try {
          await runSteps(c, steps);
        } catch (e) {
          errors++;
          if (errors === 1) console.error(`  raw SQL failed: ${(e as Error).message}`);
        }
        latencies.push(performance.now() - t0);
      }
    }));
  } finally {
    await Promise.all(clients.map((c) => c.end()));
  }
  return stats(latencies, (performance.now() - started) / 1000, errors, {});
}
