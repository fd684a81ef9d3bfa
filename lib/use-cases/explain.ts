import { contributions, spreadOf, type Contribution, type CriterionDef, type CriterionSpread, type ScoreValues } from "@/lib/use-cases/priority";

// How a use case's priority is explained when its scores were given under different
// rubric versions (an admin published a new version while it was in review).
//
// The behaviour chosen, and why: each score stays a judgement against the rubric it was
// given under (its criteria, weights and anchors). Re-reading old values under the newest
// rubric would change past priorities, which publishing must never do; counting only the
// newest version's scores would silently drop reviewers' work and move the ranking the
// moment an admin publishes. So:
// - the headline priority is the mean of every score's own (frozen) priority;
// - the explanation has one table per rubric version: that version's mean values under its
//   own weights, with the share of the scores it holds. Because the priority is linear in
//   the values, sum(share × version priority) is exactly the headline, so the page can say
//   "2/3 × 61.2 + 1/3 × 70.0 = 64.1" and the reader can check it;
// - disagreement is a spread within one version only: a 4 under one set of anchors and a
//   2 under another are not two opinions about the same question;
// - "why it ranks above the next one" compares points per criterion summed over versions
//   (each score's points under its own rubric, averaged over all scores), which add up to
//   the headline as well.

export interface ScoreUnder {
  rubricVersion: number;
  criteria: CriterionDef[];
  disagreementSpread: number;
  values: ScoreValues;
}

export interface VersionExplanation {
  rubricVersion: number;
  scoreCount: number;
  /** scoreCount / all scores: this version's weight in the headline. */
  share: number;
  priority: number;
  parts: Contribution[];
  criteria: CriterionSpread[];
}

export interface PointsByCriterion {
  key: string;
  label: string;
  points: number;
}

export interface Explanation {
  priority: number;
  disagreement: boolean;
  mixedVersions: boolean;
  /** Newest rubric version first. */
  versions: VersionExplanation[];
  /** Points per criterion over all scores, each under its own rubric; they sum to priority. */
  combined: PointsByCriterion[];
}

export function explainScores(scores: ScoreUnder[]): Explanation | null {
  if (!scores.length) return null;
  const groups = new Map<number, ScoreUnder[]>();
  for (const s of scores) groups.set(s.rubricVersion, [...(groups.get(s.rubricVersion) ?? []), s]);
  const versions = [...groups.entries()].sort(([a], [b]) => b - a).map(([rubricVersion, group]): VersionExplanation => {
    const { criteria, disagreementSpread } = group[0]!;
    const spread = spreadOf(group.map((s) => s.values), criteria, disagreementSpread);
    const parts = contributions(Object.fromEntries(spread.map((c) => [c.key, c.mean])), criteria);
    return { rubricVersion, scoreCount: group.length, share: group.length / scores.length, priority: parts.reduce((s, p) => s + p.points, 0), parts, criteria: spread };
  });
  const combined = new Map<string, PointsByCriterion>();
  for (const v of versions) {
    for (const p of v.parts) {
      const c = combined.get(p.key) ?? { key: p.key, label: p.label, points: 0 };
      combined.set(p.key, { ...c, points: c.points + v.share * p.points });
    }
  }
  return {
    priority: versions.reduce((s, v) => s + v.share * v.priority, 0),
    disagreement: versions.some((v) => v.criteria.some((c) => c.disagreement)),
    mixedVersions: versions.length > 1,
    versions,
    combined: [...combined.values()],
  };
}
