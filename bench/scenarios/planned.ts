import type { Budget } from "./types";
import { PAGE_BUDGET } from "./types";

// Scenarios of the issue whose endpoints or pages have not landed on main yet. The
// run lists them as "not available yet" (with what they wait for); each moves to a
// real scenario file as its area lands.

export interface Planned {
  name: string;
  waitsFor: string;
  budget: Budget;
}

export const planned: Planned[] = [
  { name: "page TTFB: portfolio dashboard", waitsFor: "dashboard page (branch usecases)", budget: PAGE_BUDGET },
  { name: "page TTFB: a use case", waitsFor: "use-case page (branch usecases)", budget: PAGE_BUDGET },
  { name: "page TTFB: a lineage page", waitsFor: "lineage page (branch catalog)", budget: PAGE_BUDGET },
];
