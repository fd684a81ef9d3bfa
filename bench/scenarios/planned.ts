import type { Budget } from "./types";
import { DASHBOARD_BUDGET, LINEAGE_BUDGET, LIST_BUDGET, PAGE_BUDGET } from "./types";

// Scenarios of the issue whose endpoints or pages have not landed on main yet. The
// run lists them as "not available yet" (with what they wait for); each moves to a
// real scenario file as its area lands.

export interface Planned {
  name: string;
  waitsFor: string;
  budget: Budget;
}

export const planned: Planned[] = [
  { name: "portfolio list with filters", waitsFor: "GET /api/v1/use-cases (branch usecases)", budget: LIST_BUDGET },
  { name: "portfolio full-text search", waitsFor: "GET /api/v1/use-cases?q= (branch usecases)", budget: LIST_BUDGET },
  { name: "portfolio dashboard summary", waitsFor: "GET /api/v1/portfolio/summary (branch usecases)", budget: DASHBOARD_BUDGET },
  { name: "lineage depth 3 down from a hub", waitsFor: "lineage graph endpoint (branch catalog)", budget: LINEAGE_BUDGET },
  { name: "lineage depth 3 up to a hub", waitsFor: "lineage graph endpoint (branch catalog)", budget: LINEAGE_BUDGET },
  { name: "lineage depth 10 down from a hub", waitsFor: "lineage graph endpoint (branch catalog)", budget: LINEAGE_BUDGET },
  { name: "lineage depth 10 up to a hub", waitsFor: "lineage graph endpoint (branch catalog)", budget: LINEAGE_BUDGET },
  { name: "impact analysis from a hub", waitsFor: "impact endpoint (branch catalog)", budget: LINEAGE_BUDGET },
  { name: "approvals inbox", waitsFor: "approvals endpoint (branch promotions)", budget: LIST_BUDGET },
  { name: "promotion dashboard", waitsFor: "promotion dashboard endpoint (branch promotions)", budget: DASHBOARD_BUDGET },
  { name: "prod at a past date", waitsFor: "prod-at-date endpoint (branch promotions/catalog)", budget: LIST_BUDGET },
  { name: "page TTFB: portfolio dashboard", waitsFor: "dashboard page (branch usecases)", budget: PAGE_BUDGET },
  { name: "page TTFB: a use case", waitsFor: "use-case page (branch usecases)", budget: PAGE_BUDGET },
  { name: "page TTFB: a lineage page", waitsFor: "lineage page (branch catalog)", budget: PAGE_BUDGET },
];
