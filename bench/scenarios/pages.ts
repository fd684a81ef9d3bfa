import { PAGE_BUDGET, type BenchContext, type Scenario } from "./types";

// Server-rendered pages, time to first byte, with a signed-in session cookie (the
// admin's, so every record is visible). TTFB covers the session check, the layout
// and whatever the page renders on the server; the data of the client-rendered parts
// is measured by the API scenarios.

const sampledUseCases = (ctx: BenchContext) => (ctx.extra.useCaseIds as string[] | undefined) ?? [];

export const pageScenarios: Scenario[] = [
  {
    name: "page TTFB: home (shell)",
    requires: ["PAGE /"], budget: PAGE_BUDGET, ttfb: true,
    requests: (ctx) => [{ method: "GET", path: "/", headers: ctx.session }],
  },
  {
    name: "page TTFB: portfolio dashboard",
    requires: ["PAGE /dashboards/portfolio"], budget: PAGE_BUDGET, ttfb: true,
    requests: (ctx) => [{ method: "GET", path: "/dashboards/portfolio", headers: ctx.session }],
  },
  {
    name: "page TTFB: a use case",
    requires: ["PAGE /use-cases"], budget: PAGE_BUDGET, ttfb: true,
    requests: (ctx) => sampledUseCases(ctx).map((id) => ({ method: "GET", path: `/use-cases/${id}`, headers: ctx.session })),
  },
  {
    name: "page TTFB: a lineage page (from a hub)",
    requires: ["PAGE /lineage"], budget: PAGE_BUDGET, ttfb: true,
    requests: (ctx) => [ctx.lineage.downHub, ctx.lineage.upHub, ctx.lineage.chainNode].map((id) => ({ method: "GET", path: `/lineage?${new URLSearchParams({ nodeId: id })}`, headers: ctx.session })),
  },
  {
    name: "page TTFB: audit log",
    requires: ["PAGE /audit"], budget: PAGE_BUDGET, ttfb: true,
    requests: (ctx) => [{ method: "GET", path: "/audit", headers: ctx.session }],
  },
];
