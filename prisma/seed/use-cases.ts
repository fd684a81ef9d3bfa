import { createHash } from "node:crypto";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { DEFAULT_RUBRIC } from "@/lib/use-cases/default-rubric";
import { priorityOf, spreadOf, type ScoreValues } from "@/lib/use-cases/priority";
import { RISK_QUESTIONS, screenRisk } from "@/lib/use-cases/risk";
import type { State } from "@/lib/use-cases/lifecycle";
import { DEMO_USE_CASES } from "./use-case-catalog";

// The demo portfolio, with histories and scores, so the dashboards tell a story on
// first start. Ids are derived from titles, so running it again changes nothing.
// Each team's use cases belong to its product owner, as the intake would have it.
const OWNERS: Record<string, string> = {
  "retail-analytics": "priya.owner@demo.local", "risk-and-credit": "omar.owner@demo.local",
  "customer-experience": "carla.owner@demo.local", "ml-platform": "mei.owner@demo.local",
};
// Earlier seeds gave two teams' use cases to the admin; a rerun hands those (and only those) to their owner.
const FORMER_OWNER = "adam.admin@demo.local";
const CHANGE_NOTE = "Please quantify the value range with last year's figures and link the source datasets from the catalog.";
const PATHS: Record<string, State[]> = {
  draft: ["draft"], submitted: ["draft", "submitted"], in_review: ["draft", "submitted", "in_review"],
  changes_requested: ["draft", "submitted", "in_review", "changes_requested"], approved: ["draft", "submitted", "in_review", "approved"],
  rejected: ["draft", "submitted", "in_review", "rejected"], in_development: ["draft", "submitted", "in_review", "approved", "in_development"],
  in_production: ["draft", "submitted", "in_review", "approved", "in_development", "in_production"],
  retired: ["draft", "submitted", "in_review", "approved", "in_development", "in_production", "retired"],
  on_hold: ["draft", "submitted", "in_review", "approved", "on_hold"],
};
const VIA: Partial<Record<State, string>> = {
  submitted: "submit", in_review: "start_review", changes_requested: "request_changes", approved: "approve", rejected: "reject",
  in_development: "start_development", in_production: "go_live", retired: "retire", on_hold: "hold",
};
const SCORED: State[] = ["in_review", "changes_requested", "approved", "rejected", "in_development", "in_production", "retired", "on_hold"];
const TIER_RISK = { prohibited: 5, high: 4, limited: 3, minimal: 2 } as const;

export function stableId(key: string): string {
  const h = createHash("sha256").update(key).digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

const clamp = (v: number) => Math.max(1, Math.min(5, Math.round(v)));

export async function seedUseCases(db: PrismaClient): Promise<void> {
  let rubric = await db.rubric.findFirst({ where: { publishedAt: { not: null } }, orderBy: { version: "desc" }, include: { criteria: true } });
  if (!rubric) {
    rubric = await db.rubric.create({
      data: { version: 1, name: DEFAULT_RUBRIC.name, minScores: 2, disagreementSpread: 2, publishedAt: new Date(Date.now() - 330 * 86_400_000), criteria: { create: DEFAULT_RUBRIC.criteria.map((c, position) => ({ ...c, position })) } },
      include: { criteria: true },
    });
  }
  const users = new Map((await db.user.findMany({ where: { email: { endsWith: "@demo.local" } }, select: { id: true, email: true } })).map((u) => [u.email, u.id]));
  const teams = new Map((await db.team.findMany({ select: { id: true, slug: true } })).map((t) => [t.slug, t.id]));
  const reviewers = ["rita.reviewer@demo.local", "ravi.reviewer@demo.local", "ana.approver@demo.local"].map((e) => users.get(e)!);
  const approver = users.get("ana.approver@demo.local")!;
  const now = Date.now();
  // Who made each move on the timeline: the owner files and delivers, a reviewer reviews, the approver decides.
  const actorOf = (transition: string, owner: string) =>
    ["create", "submit", "start_development", "go_live"].includes(transition) ? owner : ["start_review", "request_changes"].includes(transition) ? reviewers[0]! : approver;

  for (const [i, [title, team, state, valueType, low, high, feas, ready, cx, risks, problem]] of DEMO_USE_CASES.entries()) {
    const id = stableId(`demo-use-case:${title}`);
    if (await db.useCase.findUnique({ where: { id }, select: { id: true } })) continue;
    const answers = Object.fromEntries(RISK_QUESTIONS.map((q) => [q.key, risks.includes(q.key)]));
    const screening = screenRisk(answers);
    const path = PATHS[state]!;
    // Histories start 1-11 months ago and move on every 4-24 days.
    let t = now - (30 + ((i * 37) % 300)) * 86_400_000;
    const events = path.map((to, step) => {
      if (step > 0) t = Math.min(t + (4 + ((i * 7 + step * 5) % 21)) * 86_400_000, now - (path.length - step) * 3_600_000);
      return { id: stableId(`demo-event:${title}:${step}`), useCaseId: id, transition: step === 0 ? "create" : VIA[to]!, fromState: step === 0 ? null : path[step - 1]!, toState: to, actorId: null as string | null, createdAt: new Date(t) };
    });
    const base = { impact: high > 1000 ? 5 : high > 500 ? 4 : high > 200 ? 3 : 2, feasibility: feas, data_readiness: ready, complexity: cx, risk: TIER_RISK[screening.tier] };
    const scorers = SCORED.includes(state as State) ? reviewers.slice(0, state === "in_review" ? 1 + (i % 3) : 2 + (i % 2)) : [];
    const scores = scorers.map((reviewerId, r) => {
      const values: ScoreValues = Object.fromEntries(Object.entries(base).map(([k, v], j) => [k, clamp(v + (((i + r * 3 + j) % 3) - 1) * (j % 2))]));
      if (i % 5 === 0 && r === 1) values.impact = clamp(base.impact >= 3 ? base.impact - 2 : base.impact + 2); // a real disagreement
      return { id: stableId(`demo-score:${title}:${r}`), useCaseId: id, reviewerId, rubricId: rubric.id, values, priority: priorityOf(values, rubric.criteria), note: "" };
    });
    const spread = spreadOf(scores.map((s) => s.values), rubric.criteria, rubric.disagreementSpread);
    const owner = users.get(OWNERS[team]!)!;
    const last = events[events.length - 1]!;
    const ended = (step: number) => events[step + 1]?.createdAt ?? null;
    await db.$transaction([
      db.useCase.create({
        data: {
          id, title, problem, teamId: teams.get(team)!, ownerId: owner, businessOwner: `Head of ${team.replace(/-/g, " ")}`,
          intendedUsers: "Analysts and operations staff", valueType: valueType as never, valueLow: low, valueHigh: high, valueConfidence: (["low", "medium", "high"] as const)[i % 3],
          successMetrics: "Agreed KPI moves by the target in two quarters", dataNeeded: "Existing warehouse tables and event streams",
          dataReadiness: ready, feasibility: feas, complexity: cx, targetDate: new Date(now + ((i % 12) + 2) * 30 * 86_400_000),
          riskAnswers: answers, screenedTier: screening.tier, screenedRule: screening.rule, tier: screening.tier,
          state: state as State, heldFrom: state === "on_hold" ? "approved" : null, stateChangedAt: last.createdAt,
          priority: scores.length ? scores.reduce((s, x) => s + x.priority, 0) / scores.length : 0, scoreCount: scores.length,
          disagreement: spread.some((c) => c.disagreement), createdAt: events[0]!.createdAt,
        },
      }),
      db.useCaseEvent.createMany({ data: events.map((e, step) => ({ ...e, endedAt: ended(step), actorId: actorOf(e.transition, owner), note: e.transition === "reject" ? "Prohibited or disproportionate practice." : e.transition === "request_changes" ? CHANGE_NOTE : e.transition === "hold" || e.transition === "retire" ? "Seeded history." : null })) }),
      db.useCaseScore.createMany({ data: scores.map((s) => ({ ...s, values: s.values })) }),
      // A change request reaches its owner as a comment and an unread notification, as the reviewer's move would.
      ...(state === "changes_requested" ? [
        db.useCaseComment.create({ data: { id: stableId(`demo-comment:${title}`), useCaseId: id, authorId: reviewers[0]!, kind: "change_request", body: CHANGE_NOTE, mentionIds: [owner], createdAt: last.createdAt } }),
        db.notification.create({ data: { id: stableId(`demo-notification:${title}`), recipientId: owner, kind: "change_request", useCaseId: id, actorId: reviewers[0]!, excerpt: CHANGE_NOTE, createdAt: last.createdAt } }),
      ] : []),
    ]);
  }
  for (const [team, email] of Object.entries(OWNERS)) {
    const ids = DEMO_USE_CASES.filter((r) => r[1] === team).map((r) => stableId(`demo-use-case:${r[0]}`));
    if (users.get(FORMER_OWNER) && users.get(email)) await db.useCase.updateMany({ where: { id: { in: ids }, ownerId: users.get(FORMER_OWNER)! }, data: { ownerId: users.get(email)! } });
  }
}
