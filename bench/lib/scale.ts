// The two sizes of the benchmark. Full is the enterprise size; small is a
// twentieth of it, measured for 1 s per side, so CI finishes the whole run in a minute and a
// half: at that size the run proves every scenario answers (and the audit chain holds), it
// does not judge latencies.

export interface Scale {
  name: "small" | "full";
  teams: number;
  users: number;
  useCases: number;
  assets: number;
  versions: number;
  edges: number;
  promotions: number;
  auditEvents: number;
  /** Load-tool bounds per scenario. */
  seconds: number;
  maxRequests: number;
  connections: number;
}

export const SCALES: Record<Scale["name"], Scale> = {
  small: { name: "small", teams: 12, users: 120, useCases: 500, assets: 2_500, versions: 10_000, edges: 50_000, promotions: 1_000, auditEvents: 5_000, seconds: 1, maxRequests: 400, connections: 2 },
  full: { name: "full", teams: 40, users: 800, useCases: 10_000, assets: 50_000, versions: 200_000, edges: 1_000_000, promotions: 20_000, auditEvents: 100_000, seconds: 8, maxRequests: 4_000, connections: 2 },
};
