// Who may do what, as data. Deny by default: a role absent from a permission's
// grants may not do it. Scopes narrow a grant to the actor's teams or to records
// they own; services turn a scope into the WHERE clause of their query (see scope.ts).
// The README's permission matrix is generated from this table (npm run permissions:matrix).

export const ROLES = ["product_owner", "reviewer", "approver", "executive", "admin"] as const;
export type RoleName = (typeof ROLES)[number];

export const ROLE_LABELS: Record<RoleName, string> = {
  product_owner: "Product owner",
  reviewer: "Reviewer",
  approver: "Approver",
  executive: "Executive",
  admin: "Admin",
};

/** all: every record; team: records of the actor's teams; own: records the actor created. */
export type Scope = "all" | "team" | "own";

export interface PermissionDef {
  description: string;
  /** The API token scope that must be present for a token to use this permission. */
  tokenScope: TokenScope;
  grants: Partial<Record<RoleName, Scope>>;
}

export const TOKEN_SCOPES = {
  "read": "Read everything the owner may read",
  "use-cases:write": "Create and change use cases and scores",
  "catalog:write": "Register assets and versions",
  "lineage:write": "Send OpenLineage events",
  "promotions:write": "Request, approve and execute promotions",
  "admin": "Administer users, teams and tokens",
} as const;
export type TokenScope = keyof typeof TOKEN_SCOPES;

const EVERYONE_ALL = { product_owner: "all", reviewer: "all", approver: "all", executive: "all", admin: "all" } as const;

export const PERMISSIONS = {
  "me.read": { description: "See one's own profile, roles and teams", tokenScope: "read", grants: EVERYONE_ALL },
  "user.read": { description: "List users with their roles and teams", tokenScope: "read", grants: { admin: "all" } },
  "user.manage": { description: "Change a user's roles and team memberships", tokenScope: "admin", grants: { admin: "all" } },
  "team.read": { description: "List teams", tokenScope: "read", grants: EVERYONE_ALL },
  "team.manage": { description: "Create and change teams", tokenScope: "admin", grants: { admin: "all" } },
  "token.read": {
    description: "List API tokens (own, or everyone's for admins)",
    tokenScope: "read",
    grants: { product_owner: "own", reviewer: "own", approver: "own", executive: "own", admin: "all" },
  },
  "token.manage": {
    description: "Create and revoke API tokens (own, or for anyone for admins)",
    tokenScope: "admin",
    grants: { product_owner: "own", reviewer: "own", approver: "own", executive: "own", admin: "all" },
  },
  "audit.read": { description: "Read the audit log", tokenScope: "read", grants: { approver: "all", executive: "all", admin: "all" } },
  // Catalog and lineage (issue 5). Product owners see and register their teams' assets only;
  // another team's asset answers like a missing one, in lists and in lineage walks alike.
  "catalog.read": {
    description: "Search the catalog and read assets, versions, runs, lineage and impact",
    tokenScope: "read",
    grants: { product_owner: "team", reviewer: "all", approver: "all", executive: "all", admin: "all" },
  },
  "catalog.write": {
    description: "Register assets, dataset and model versions, deployments and use-case links",
    tokenScope: "catalog:write",
    grants: { product_owner: "team", reviewer: "team", approver: "team", admin: "all" },
  },
  // Lineage describes what ran: an event may touch any team's datasets, so the grant is not team-scoped.
  "lineage.write": {
    description: "Send OpenLineage events",
    tokenScope: "lineage:write",
    grants: { product_owner: "all", reviewer: "all", approver: "all", admin: "all" },
  },
  // Use cases (issue 4): product owners work within their teams; the CoE and leadership read everything.
  "usecase.read": {
    description: "Read use cases, their scores, comments and timeline",
    tokenScope: "read",
    grants: { product_owner: "team", reviewer: "all", approver: "all", executive: "all", admin: "all" },
  },
  "usecase.create": { description: "Create use cases and edit their drafts", tokenScope: "use-cases:write", grants: { product_owner: "team", admin: "all" } },
  "usecase.submit": { description: "Submit a use case for review or withdraw it", tokenScope: "use-cases:write", grants: { product_owner: "team", admin: "all" } },
  "usecase.review": {
    description: "Start the review of use cases, request changes and override their risk tier",
    tokenScope: "use-cases:write",
    grants: { reviewer: "all", approver: "all" },
  },
  "usecase.score": { description: "Score use cases against the rubric", tokenScope: "use-cases:write", grants: { reviewer: "all" } },
  "usecase.decide": { description: "Approve, reject, hold and resume use cases", tokenScope: "use-cases:write", grants: { approver: "all" } },
  "usecase.deliver": {
    description: "Move approved use cases into development, production and retirement",
    tokenScope: "use-cases:write",
    grants: { product_owner: "team", approver: "all", admin: "all" },
  },
  "usecase.comment": {
    description: "Comment on use cases",
    tokenScope: "use-cases:write",
    grants: { product_owner: "team", reviewer: "all", approver: "all", executive: "all", admin: "all" },
  },
  // Notifications are personal: each person lists and marks read only their own inbox. Marking
  // one read changes nothing anyone else sees, so a read-scoped token may do it too.
  "notification.read": {
    description: "See one's own notifications and mark them read",
    tokenScope: "read",
    grants: { product_owner: "own", reviewer: "own", approver: "own", executive: "own", admin: "own" },
  },
  "rubric.read": { description: "Read the scoring rubrics", tokenScope: "read", grants: EVERYONE_ALL },
  "rubric.manage": { description: "Edit and publish scoring rubrics", tokenScope: "admin", grants: { admin: "all" } },
  "portfolio.read": {
    description: "See the portfolio dashboard",
    tokenScope: "read",
    grants: { product_owner: "team", reviewer: "all", approver: "all", executive: "all", admin: "all" },
  },
  "environment.read": { description: "See environments and their promotion policies", tokenScope: "read", grants: EVERYONE_ALL },
  "environment.manage": { description: "Create environments and publish new policy versions", tokenScope: "admin", grants: { admin: "all" } },
  "integration.manage": { description: "Configure and test lakeFS, MLflow and Airflow connections", tokenScope: "admin", grants: { admin: "all" } },
  "promotion.read": {
    description: "See promotions, their gates, approvals and timeline",
    tokenScope: "read",
    grants: { product_owner: "team", reviewer: "all", approver: "all", executive: "all", admin: "all" },
  },
  "promotion.request": { description: "Request the promotion of a model version", tokenScope: "promotions:write", grants: { product_owner: "team", admin: "all" } },
  "promotion.cancel": { description: "Cancel a promotion request", tokenScope: "promotions:write", grants: { product_owner: "own", admin: "all" } },
  "promotion.approve": { description: "Approve, reject or request changes on promotions", tokenScope: "promotions:write", grants: { reviewer: "all", approver: "all", admin: "all" } },
  "promotion.rollback": { description: "Roll back a succeeded promotion", tokenScope: "promotions:write", grants: { approver: "all", admin: "all" } },
} as const satisfies Record<string, PermissionDef>;

export type Permission = keyof typeof PERMISSIONS;

export function scopeFor(roles: readonly RoleName[], permission: Permission): Scope | null {
  const grants: Partial<Record<RoleName, Scope>> = PERMISSIONS[permission].grants;
  const order: Scope[] = ["all", "team", "own"];
  let best: Scope | null = null;
  for (const role of roles) {
    const s = grants[role];
    if (s && (best === null || order.indexOf(s) < order.indexOf(best))) best = s;
  }
  return best;
}
