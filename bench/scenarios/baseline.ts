import { LIST_BUDGET, type Scenario } from "./types";

// The fixed cost of one authenticated API request: routing, the Bearer token lookup
// (hash, then token row, user, roles and teams in one statement), the policy check and
// the JSON answer, plus /me's own statement (the names of the caller's teams).
// Every other scenario pays it on top of its own queries, which is why a question whose
// SQL takes well under a millisecond cannot stay within API ÷ SQL ≤ 2.
export const baselineScenarios: Scenario[] = [
  {
    // What the framework alone costs: Next.js routing, the request wrapper (request id, log
    // line) and a tiny JSON answer, no database. Any API ÷ SQL ratio has this in its numerator;
    // a question whose SQL takes less than half of it cannot meet ≤ 2 in this stack.
    name: "framework floor: health check (no database, no auth)",
    requires: ["GET /api/health"], budget: LIST_BUDGET,
    requests: () => [{ method: "GET", path: "/api/health" }],
  },
  {
    name: "API floor: who am I (token auth only)",
    requires: ["GET /api/v1/me"], budget: LIST_BUDGET, ratio: true,
    requests: (ctx) => [{ method: "GET", path: "/api/v1/me", headers: ctx.admin }],
    // The app's two statements (lib/auth/load-actor.ts, lib/users/users.ts getMe): the token
    // with its owner's roles and teams as arrays, then the names of those teams.
    sql: (ctx) => [[
      { text: `SELECT t.id::text AS token_id, t.scopes, t.expires_at, t.revoked_at, t.last_used_at, u.id::text AS user_id, u.email, u.name, u.active,
          ARRAY(SELECT r.role::text FROM user_roles r WHERE r.user_id = u.id ORDER BY r.role) AS roles,
          ARRAY(SELECT m.team_id::text FROM team_memberships m WHERE m.user_id = u.id ORDER BY m.team_id) AS team_ids
        FROM api_tokens t JOIN users u ON u.id = t.user_id WHERE t.hash = encode(sha256(convert_to($1, 'UTF8')), 'hex')`, values: [ctx.identity.admin.token] },
      { text: "SELECT id::text, slug, name FROM teams WHERE id = ANY (ARRAY(SELECT team_id FROM team_memberships WHERE user_id = $1))", values: [ctx.identity.admin.userId] },
    ]],
  },
];
