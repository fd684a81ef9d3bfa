import type { Budget } from "./types";

// Scenarios of the issue whose endpoints or pages have not landed on main yet. The
// run lists them as "not available yet" (with what they wait for); each moves to a
// real scenario file as its area lands.

export interface Planned {
  name: string;
  waitsFor: string;
  budget: Budget;
}

// Every scenario of the issue has landed; the list stays for the next area's scenarios.
export const planned: Planned[] = [];
