import type { HttpRequestSpec, SqlStep } from "../lib/measure";
import type { Identity } from "../gen/identity";
import type { CatalogData } from "../gen/catalog";
import type { LineageData } from "../gen/lineage";

// A scenario is one question the portal answers, asked through the API (or a page)
// and, for query scenarios, asked again as raw SQL so the overhead is a ratio.

export type Budget =
  | { kind: "p95"; ms: number; label: string }
  | { kind: "eventsPerSecond"; min: number; label: string };

export interface BenchContext {
  seed: number;
  /** "" on a fresh database; unique when a kept one is measured again, so ingested events are new. */
  runTag: string;
  identity: Identity;
  catalog: CatalogData;
  lineage: LineageData;
  /** Authorization header of the admin token (sees everything). */
  admin: Record<string, string>;
  /** Authorization header of an approver's token (the approvals inbox). */
  approver: Record<string, string>;
  /** Authorization header of a team-scoped product owner's token. */
  owner: Record<string, string>;
  /** Cookie header of a signed-in session, for server-rendered pages. */
  session: Record<string, string>;
  /** Data loaded by area generators that landed later (use cases, promotions). */
  extra: Record<string, unknown>;
}

export interface Scenario {
  name: string;
  /** "METHOD /path" of the OpenAPI document, or "PAGE /path": the scenario runs only when all exist. */
  requires: string[];
  budget: Budget;
  /** Measure time to first byte with fetch instead of full responses with autocannon. */
  ttfb?: boolean;
  /** Events carried by one request (ingestion scenarios). */
  eventsPerRequest?: number;
  /** Compare with raw SQL at p50 (API ÷ SQL ≤ 2). */
  ratio?: boolean;
  requests(ctx: BenchContext, maxRequests: number): HttpRequestSpec[];
  sql?(ctx: BenchContext): SqlStep[][];
}

export const LIST_BUDGET: Budget = { kind: "p95", ms: 50, label: "lists and search p95 ≤ 50 ms" };
export const LINEAGE_BUDGET: Budget = { kind: "p95", ms: 100, label: "lineage depth 10 from a hub p95 ≤ 100 ms" };
export const DASHBOARD_BUDGET: Budget = { kind: "p95", ms: 100, label: "dashboards p95 ≤ 100 ms" };
export const PAGE_BUDGET: Budget = { kind: "p95", ms: 300, label: "page TTFB p95 ≤ 300 ms" };
export const INGEST_BUDGET: Budget = { kind: "eventsPerSecond", min: 1500, label: "ingestion ≥ 1,500 events/s" };
export const RATIO_BUDGET = 2;
