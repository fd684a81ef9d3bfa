import { PAGE_BUDGET, type Scenario } from "./types";

// Server-rendered pages, time to first byte, with a signed-in session cookie.
export const pageScenarios: Scenario[] = [
  {
    name: "page TTFB: home (shell)",
    requires: ["PAGE /"], budget: PAGE_BUDGET, ttfb: true,
    requests: (ctx) => [{ method: "GET", path: "/", headers: ctx.session }],
  },
  {
    name: "page TTFB: audit log",
    requires: ["PAGE /audit"], budget: PAGE_BUDGET, ttfb: true,
    requests: (ctx) => [{ method: "GET", path: "/audit", headers: ctx.session }],
  },
];
