// One factory for every TanStack Query key, so invalidation is predictable.
export const queryKeys = {
  me: () => ["me"] as const,
  users: (q: string) => ["users", q] as const,
  teams: () => ["teams"] as const,
  // No userId: every token the caller may list (all of them for an admin).
  tokens: (userId?: string) => ["tokens", userId ?? "all"] as const,
  audit: (filters: Record<string, string | undefined>) => ["audit", filters] as const,
  lineage: (q: Record<string, string | number | undefined>) => ["lineage", q] as const,
  impactList: (q: Record<string, string | number | undefined>) => ["lineage", "impact", q] as const,
  useCases: (filters: Record<string, string | undefined>) => ["use-cases", "list", filters] as const,
  useCase: (id: string) => ["use-cases", "one", id] as const,
  useCaseScores: (id: string) => ["use-cases", "one", id, "scores"] as const,
  useCaseComments: (id: string) => ["use-cases", "one", id, "comments"] as const,
  datasetSearch: (q: string) => ["catalog", "datasets", q] as const,
  rubrics: () => ["rubrics"] as const,
  portfolioSummary: () => ["portfolio", "summary"] as const,
  notifications: (filter: "all" | "unread") => ["notifications", "list", filter] as const,
  unreadNotifications: () => ["notifications", "unread"] as const,
  promotion: (id: string) => ["promotions", id] as const,
  /** Without arguments: every inbox list (the prefix to invalidate). */
  approvalsInbox: (show?: string, environment = "") => (show ? (["approvals", "inbox", show, environment] as const) : (["approvals", "inbox"] as const)),
  environments: () => ["environments"] as const,
  integrations: (envKey: string) => ["environments", envKey, "integrations"] as const,
  policies: (envKey: string) => ["environments", envKey, "policies"] as const,
};
