import { LIST_BUDGET, type Scenario } from "./types";

// The fixed cost of one authenticated API request: routing, the Bearer token lookup
// (hash, token row, user with roles and teams), the policy check and the JSON answer.
// Every other scenario pays it on top of its own queries, which is why a question whose
// SQL takes well under a millisecond cannot stay within API ÷ SQL ≤ 2.
export const baselineScenarios: Scenario[] = [
  {
    name: "API floor: who am I (token auth only)",
    requires: ["GET /api/v1/me"], budget: LIST_BUDGET, ratio: true,
    requests: (ctx) => [{ method: "GET", path: "/api/v1/me", headers: ctx.admin }],
    sql: (ctx) => [[
      { text: `SELECT t.id, t.scopes, t.expires_at, t.revoked_at, t.last_used_at, u.id, u.email, u.name, u.active FROM api_tokens t JOIN users u ON u.id = t.user_id WHERE t.hash = encode(sha256(convert_to($1, 'UTF8')), 'hex')`, values: [ctx.identity.admin.token] },
      { text: "SELECT role FROM user_roles WHERE user_id = $1", values: [ctx.identity.admin.userId] },
      { text: "SELECT team_id FROM team_memberships WHERE user_id = $1", values: [ctx.identity.admin.userId] },
    ]],
  },
];
