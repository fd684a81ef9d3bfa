import { randomUUID } from "node:crypto";
import pg from "pg";
import { priorityOf, spreadOf, type CriterionDef, type ScoreValues } from "@/lib/use-cases/priority";
import { RISK_QUESTIONS, screenRisk } from "@/lib/use-cases/risk";

// Bulk use cases for the benchmark (npm run bench), not the demo seed: each batch of
// rows is one INSERT ... SELECT FROM unnest(arrays), so 10,000 use cases with ~25,000
// scores and ~50,000 timeline events take seconds, not one ORM round trip per row.
const STATES = ["draft", "submitted", "in_review", "approved", "in_development", "in_production", "rejected", "on_hold", "retired", "changes_requested"];
const PATH: Record<string, string[]> = {
  draft: ["draft"], submitted: ["draft", "submitted"], in_review: ["draft", "submitted", "in_review"], changes_requested: ["draft", "submitted", "in_review", "changes_requested"],
  approved: ["draft", "submitted", "in_review", "approved"], rejected: ["draft", "submitted", "in_review", "rejected"],
  in_development: ["draft", "submitted", "in_review", "approved", "in_development"], in_production: ["draft", "submitted", "in_review", "approved", "in_development", "in_production"],
  on_hold: ["draft", "submitted", "in_review", "on_hold"], retired: ["draft", "submitted", "in_review", "approved", "in_development", "in_production", "retired"],
};
const WORDS = ["demand", "fraud", "churn", "pricing", "routing", "forecast", "assistant", "triage", "extraction", "anomaly", "recommendation", "quality", "capacity", "risk", "claims", "energy", "inventory", "sentiment"];
const VALUE_TYPES = ["revenue", "cost", "risk_reduction", "experience"];

export interface BenchSeedResult { useCases: number; scores: number; events: number; ms: number }

/** Inserts `count` use cases (with scores and timelines) spread over the existing teams; returns what it wrote. */
export async function seedBenchUseCases(databaseUrl: string, count: number, batchSize = 1000): Promise<BenchSeedResult> {
  const started = performance.now();
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const teams = (await client.query<{ id: string }>("SELECT id FROM teams ORDER BY slug")).rows.map((r) => r.id);
    const users = (await client.query<{ id: string }>("SELECT id FROM users ORDER BY email")).rows.map((r) => r.id);
    const rubric = (await client.query<{ id: string }>("SELECT id FROM rubrics WHERE published_at IS NOT NULL ORDER BY version DESC LIMIT 1")).rows[0];
    if (!teams.length || users.length < 3 || !rubric) throw new Error("Seed the demo data first (teams, users and a published rubric are needed).");
    const criteria = (await client.query<CriterionDef & { disagreement_spread: number }>(
      `SELECT c.key, c.label, c.weight, c.direction::text AS direction, r.disagreement_spread FROM rubric_criteria c JOIN rubrics r ON r.id = c.rubric_id WHERE c.rubric_id = $1 ORDER BY c.position`, [rubric.id])).rows;
    let totals = { scores: 0, events: 0 };
    for (let start = 0; start < count; start += batchSize) {
      const n = Math.min(batchSize, count - start);
      const uc: Record<string, unknown[]> = { id: [], title: [], problem: [], team: [], owner: [], vt: [], low: [], high: [], feas: [], ready: [], cx: [], answers: [], tier: [], rule: [], state: [], changed: [], prio: [], cnt: [], dis: [], created: [] };
      const sc: Record<string, unknown[]> = { uc: [], reviewer: [], values: [], prio: [] };
      const ev: Record<string, unknown[]> = { uc: [], transition: [], from: [], to: [], at: [], ended: [] };
      for (let k = 0; k < n; k++) {
        const i = start + k;
        const id = randomUUID();
        const state = STATES[i % STATES.length]!;
        const answers = Object.fromEntries(RISK_QUESTIONS.map((q, j) => [q.key, j >= 4 && (i * 31 + j * 7) % 23 === 0]));
        const s = screenRisk(answers);
        const w = (j: number) => WORDS[(i * 7 + j * 13) % WORDS.length]!;
        const path = PATH[state]!;
        let t = Date.now() - (20 + (i % 700)) * 86_400_000;
        const times = path.map((_, step) => (step ? (t += (2 + ((i + step) % 30)) * 86_400_000) : t));
        const scored = path.includes("in_review") ? 2 + (i % 2) : 0;
        const scoreVals: ScoreValues[] = Array.from({ length: scored }, (_, r) => Object.fromEntries(criteria.map((c, j) => [c.key, 1 + ((i * 3 + r * 5 + j * 7) % 5)])));
        const prios = scoreVals.map((v) => priorityOf(v, criteria));
        const low = 20 + (i % 97) * 13;
        Object.entries({
          id, title: `${w(0)} ${w(1)} ${w(2)} model #${i}`, problem: `Teams handle ${w(3)} and ${w(4)} manually; ${w(5)} suffers.`, team: teams[i % teams.length], owner: users[i % users.length],
          vt: VALUE_TYPES[i % 4], low, high: low + (i % 41) * 20, feas: 1 + (i % 5), ready: 1 + ((i >> 1) % 5), cx: 1 + ((i >> 2) % 5), answers: JSON.stringify(answers), tier: s.tier, rule: s.rule,
          state, changed: new Date(times.at(-1)!), prio: prios.length ? prios.reduce((a, b) => a + b, 0) / prios.length : 0, cnt: scored,
          dis: spreadOf(scoreVals, criteria, criteria[0]?.disagreement_spread ?? 2).some((c) => c.disagreement), created: new Date(times[0]!),
        }).forEach(([key, v]) => uc[key]!.push(v));
        scoreVals.forEach((v, r) => (sc.uc!.push(id), sc.reviewer!.push(users[(i + 1 + r) % users.length]), sc.values!.push(JSON.stringify(v)), sc.prio!.push(prios[r])));
        path.forEach((to, step) => (ev.uc!.push(id), ev.transition!.push(step ? `to_${to}` : "create"), ev.from!.push(step ? path[step - 1] : null), ev.to!.push(to), ev.at!.push(new Date(times[step]!)), ev.ended!.push(step + 1 < times.length ? new Date(times[step + 1]!) : null)));
      }
      await client.query("BEGIN");
      await client.query(
        `INSERT INTO use_cases (id, title, problem, team_id, owner_id, business_owner, value_type, value_low, value_high, value_confidence, feasibility, data_readiness, complexity,
           risk_answers, screened_tier, screened_rule, tier, state, state_changed_at, priority, score_count, disagreement, created_at, updated_at)
         SELECT u.id, u.title, u.problem, u.team, u.owner, 'Bench owner', u.vt::"ValueType", u.low, u.high, 'medium', u.feas, u.ready, u.cx,
           u.answers::jsonb, u.tier::"RiskTier", u.rule, u.tier::"RiskTier", u.state::"UseCaseState", u.changed, u.prio, u.cnt, u.dis, u.created, now()
         FROM unnest($1::uuid[], $2::text[], $3::text[], $4::uuid[], $5::uuid[], $6::text[], $7::int[], $8::int[], $9::int[], $10::int[], $11::int[], $12::text[], $13::text[], $14::text[], $15::text[], $16::timestamptz[], $17::float8[], $18::int[], $19::bool[], $20::timestamptz[])
           AS u(id, title, problem, team, owner, vt, low, high, feas, ready, cx, answers, tier, rule, state, changed, prio, cnt, dis, created)`,
        [uc.id, uc.title, uc.problem, uc.team, uc.owner, uc.vt, uc.low, uc.high, uc.feas, uc.ready, uc.cx, uc.answers, uc.tier, uc.rule, uc.state, uc.changed, uc.prio, uc.cnt, uc.dis, uc.created],
      );
      await client.query(
        `INSERT INTO use_case_scores (use_case_id, reviewer_id, rubric_id, values, priority, updated_at)
         SELECT s.uc, s.reviewer, $5::uuid, s.values::jsonb, s.prio, now() FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::float8[]) AS s(uc, reviewer, values, prio)
         ON CONFLICT DO NOTHING`,
        [sc.uc, sc.reviewer, sc.values, sc.prio, rubric.id],
      );
      await client.query(
        `INSERT INTO use_case_events (use_case_id, transition, from_state, to_state, created_at, ended_at)
         SELECT e.uc, e.transition, e.from::"UseCaseState", e.to::"UseCaseState", e.at, e.ended
         FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::timestamptz[], $6::timestamptz[]) AS e(uc, transition, "from", "to", at, ended)`,
        [ev.uc, ev.transition, ev.from, ev.to, ev.at, ev.ended],
      );
      await client.query("COMMIT");
      totals = { scores: totals.scores + sc.uc!.length, events: totals.events + ev.uc!.length };
    }
    await client.query("ANALYZE use_cases; ANALYZE use_case_scores; ANALYZE use_case_events");
    return { useCases: count, ...totals, ms: Math.round(performance.now() - started) };
  } catch (e) {
    await client.query("ROLLBACK").catch(() => {});
    throw e;
  } finally {
    await client.end();
  }
}
