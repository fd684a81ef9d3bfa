// The priority arithmetic, pure so it can be checked by hand. Each criterion's 1-5
// score is put on 0..1 (flipped when lower is better), weighted by its share of the
// rubric's total weight (weights need not sum to 1), and the sum is scaled to 0..100.
export type Direction = "higher_is_better" | "lower_is_better";

export interface CriterionDef {
  key: string;
  label: string;
  weight: number;
  direction: Direction;
}

export type ScoreValues = Record<string, number>;

/** 1..5 onto 0..1, where 1 is always "best for priority". */
export function normalise(value: number, direction: Direction): number {
  const n = (value - 1) / 4;
  return direction === "lower_is_better" ? 1 - n : n;
}

function totalWeight(criteria: CriterionDef[]): number {
  const total = criteria.reduce((s, c) => s + c.weight, 0);
  if (!(total > 0)) throw new Error("A rubric needs a positive total weight.");
  return total;
}

export interface Contribution {
  key: string;
  label: string;
  weight: number;
  /** weight / total weight. */
  share: number;
  direction: Direction;
  value: number;
  normalised: number;
  /** Points out of 100 this criterion adds to the priority. */
  points: number;
}

/** How each criterion adds up to the priority; the points sum to priorityOf(values). */
export function contributions(values: ScoreValues, criteria: CriterionDef[]): Contribution[] {
  const total = totalWeight(criteria);
  return criteria.map((c) => {
    const value = values[c.key];
    if (value === undefined) throw new Error(`No value for criterion ${c.key}.`);
    const share = c.weight / total;
    const normalised = normalise(value, c.direction);
    return { key: c.key, label: c.label, weight: c.weight, share, direction: c.direction, value, normalised, points: 100 * share * normalised };
  });
}

export function priorityOf(values: ScoreValues, criteria: CriterionDef[]): number {
  return contributions(values, criteria).reduce((s, c) => s + c.points, 0);
}

export interface CriterionSpread {
  key: string;
  label: string;
  mean: number;
  min: number;
  max: number;
  spread: number;
  disagreement: boolean;
}

/** Mean and spread of each criterion over several reviewers' scores. */
export function spreadOf(scores: ScoreValues[], criteria: CriterionDef[], disagreementSpread: number): CriterionSpread[] {
  return criteria.map((c) => {
    const vs = scores.map((s) => s[c.key]).filter((v): v is number => typeof v === "number");
    if (vs.length === 0) return { key: c.key, label: c.label, mean: 0, min: 0, max: 0, spread: 0, disagreement: false };
    const min = Math.min(...vs);
    const max = Math.max(...vs);
    return { key: c.key, label: c.label, mean: vs.reduce((s, v) => s + v, 0) / vs.length, min, max, spread: max - min, disagreement: vs.length > 1 && max - min >= disagreementSpread };
  });
}

/**
 * Why one use case ranks above the next: the criteria whose points differ most,
 * in a sentence a person can check against the contribution tables. `priority` is the
 * stored one the portfolio sorts by; without it the parts' sum stands in.
 */
type Points = Pick<Contribution, "key" | "label" | "points">;
type Ranked = { title: string; parts: Points[]; priority?: number };
export function rankReason(higher: Ranked, lower: Ranked): string {
  const lowerByKey = new Map(lower.parts.map((p) => [p.key, p]));
  const diffs = higher.parts
    .map((p) => ({ label: p.label, diff: p.points - (lowerByKey.get(p.key)?.points ?? 0) }))
    .filter((d) => Math.abs(d.diff) >= 0.05)
    .sort((a, b) => b.diff - a.diff);
  const sum = (r: Ranked) => r.priority ?? r.parts.reduce((s, p) => s + p.points, 0);
  const total = sum(higher) - sum(lower);
  const ahead = diffs.filter((d) => d.diff > 0).slice(0, 2).map((d) => `${d.label} (+${d.diff.toFixed(1)})`);
  const behind = diffs.filter((d) => d.diff < 0).slice(-1).map((d) => `${d.label} (${d.diff.toFixed(1)})`);
  // Equal priorities: the portfolio orders by priority, then by id (both descending), so the id decides.
  if (Math.abs(total) < 1e-9) {
    const mix = ahead.length ? `: ahead on ${ahead.join(" and ")}${behind.length ? `, behind on ${behind[0]}` : ""}` : " with equal criterion scores";
    return `Ties with "${lower.title}" at ${sum(higher).toFixed(1)} points${mix}. The portfolio lists equal priorities in a fixed order, by id, which puts this one first.`;
  }
  const by = total < 0.05 ? "less than 0.1" : total.toFixed(1);
  if (ahead.length === 0) return `Ranks above "${lower.title}" by ${by} points with equal criterion scores.`;
  return `Ranks ${by} points above "${lower.title}", mostly on ${ahead.join(" and ")}${behind.length ? `, despite ${behind[0]}` : ""}.`;
}
