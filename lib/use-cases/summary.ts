import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/policy/actor";
import { visibleTeams } from "@/lib/use-cases/access";
import { STATES } from "@/lib/use-cases/lifecycle";
import { RISK_TIERS } from "@/lib/use-cases/risk";
import type { PortfolioSummary } from "@/lib/use-cases/views";


const OPEN = Prisma.sql`u.state NOT IN ('draft', 'rejected', 'retired')`;

/** The leadership dashboard: each chart is one SQL aggregate; no rows are loaded into the app to be counted. */
export async function portfolioSummary(actor: Actor): Promise<PortfolioSummary> {
  const teams = visibleTeams(actor, "portfolio.read");
  const scope = teams === null ? Prisma.sql`TRUE` : Prisma.sql`u.team_id = ANY(CAST(${teams} AS uuid[]))`;
  const q = db();
  const [funnel, bubbles, tiers, throughput, stays, top] = await Promise.all([
    q.$queryRaw<{ state: string; count: number }[]>`SELECT u.state::text AS state, count(*)::int AS count FROM use_cases u WHERE ${scope} GROUP BY u.state`,
    // The 150 largest open use cases by value (value_mid, the range's midpoint, is a generated
    // column read in index order); feasibility is the reviewers' mean on the "feasibility"
    // criterion when scored, else the owner's self-assessment.
    q.$queryRaw<PortfolioSummary["bubbles"]>`
      WITH top AS (
        SELECT u.id, u.title, u.tier, u.state, u.feasibility, u.score_count, u.priority, u.value_mid AS value
        FROM use_cases u
        WHERE ${scope} AND ${OPEN} AND u.value_mid IS NOT NULL AND u.feasibility IS NOT NULL
        ORDER BY u.value_mid DESC, u.id LIMIT 150)
      SELECT t.id, t.title, t.tier::text AS tier, t.state::text AS state, t.value::float8 AS value,
             COALESCE((SELECT avg((s.values ->> 'feasibility')::float8) FROM use_case_scores s WHERE s.use_case_id = t.id), t.feasibility)::float8 AS feasibility,
             CASE WHEN t.score_count > 0 THEN t.priority END AS priority
      FROM top t ORDER BY t.value DESC, t.id`,
    q.$queryRaw<{ tier: string; count: number }[]>`SELECT u.tier::text AS tier, count(*)::int AS count FROM use_cases u WHERE ${scope} AND ${OPEN} GROUP BY u.tier`,
    // Grouped by the month itself, so the label is formatted once per month, not once per event.
    q.$queryRaw<PortfolioSummary["throughput"]>`
      SELECT to_char(date_trunc('month', e.created_at), 'YYYY-MM') AS month,
             count(*) FILTER (WHERE e.to_state = 'submitted')::int AS submitted,
             count(*) FILTER (WHERE e.to_state = 'approved')::int AS approved,
             count(*) FILTER (WHERE e.to_state = 'in_production')::int AS live
      FROM use_case_events e ${teams === null ? Prisma.empty : Prisma.sql`JOIN use_cases u ON u.id = e.use_case_id AND ${scope}`}
      WHERE e.to_state IN ('submitted', 'approved', 'in_production') AND e.created_at >= date_trunc('month', now()) - interval '11 months'
      GROUP BY date_trunc('month', e.created_at) ORDER BY date_trunc('month', e.created_at)`,
    // A stay ends when the next transition happens (ended_at); stays that ended in the last 12 months count.
    q.$queryRaw<{ state: string; median_days: number; stays: number }[]>`
      SELECT e.to_state::text AS state, (percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM e.ended_at - e.created_at)) / 86400.0)::float8 AS median_days, count(*)::int AS stays
      FROM use_case_events e ${teams === null ? Prisma.empty : Prisma.sql`JOIN use_cases u ON u.id = e.use_case_id AND ${scope}`}
      WHERE e.ended_at >= now() - interval '12 months' GROUP BY e.to_state`,
    // One ordered range of (state, priority, id) per state, merged: an IN over both states
    // would make PostgreSQL filter its way down the whole priority index instead.
    q.$queryRaw<{ id: string; title: string; tier: string; state: string; priority: number; score_count: number; disagreement: boolean }[]>`
      SELECT * FROM (
        (SELECT u.id, u.title, u.tier::text AS tier, u.state::text AS state, u.priority, u.score_count, u.disagreement
         FROM use_cases u WHERE ${scope} AND u.state = 'submitted' AND u.score_count > 0 ORDER BY u.priority DESC, u.id DESC LIMIT 10)
        UNION ALL
        (SELECT u.id, u.title, u.tier::text AS tier, u.state::text AS state, u.priority, u.score_count, u.disagreement
         FROM use_cases u WHERE ${scope} AND u.state = 'in_review' AND u.score_count > 0 ORDER BY u.priority DESC, u.id DESC LIMIT 10)
      ) awaiting ORDER BY priority DESC, id DESC LIMIT 10`,
  ]);
  const count = new Map(funnel.map((f) => [f.state, f.count]));
  const tierCount = new Map(tiers.map((t) => [t.tier, t.count]));
  const stay = new Map(stays.map((s) => [s.state, s]));
  return {
    funnel: STATES.map((state) => ({ state, count: count.get(state) ?? 0 })),
    bubbles: bubbles.map((b) => ({ ...b, value: Number(b.value), feasibility: Number(b.feasibility) })),
    tiers: RISK_TIERS.map((tier) => ({ tier, count: tierCount.get(tier) ?? 0 })),
    throughput,
    timeInState: STATES.filter((s) => stay.has(s)).map((state) => ({ state, medianDays: Math.round(stay.get(state)!.median_days * 10) / 10, stays: stay.get(state)!.stays })),
    topAwaiting: top.map((t) => ({ id: t.id, title: t.title, tier: t.tier as never, state: t.state as never, priority: t.priority, scoreCount: t.score_count, disagreement: t.disagreement })),
  } as PortfolioSummary;
}
