"use client";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { ErrorState, LoadingRows } from "@/components/ui/states";
import { PriorityExplanation } from "@/components/use-cases/priority-explanation";
import { ScoreForm } from "@/components/use-cases/score-form";
import { useUseCaseScores } from "@/lib/client/use-cases";

/** Scores, their spread, the priority and why it is what it is. */
export function ScoresPanel({ useCaseId, canScore }: { useCaseId: string; canScore: boolean }) {
  const q = useUseCaseScores(useCaseId);
  if (q.isPending) return <Card><LoadingRows label="Loading scores" rows={3} /></Card>;
  if (q.isError) return <ErrorState error={q.error} onRetry={() => q.refetch()} />;
  const v = q.data;
  const agg = v.aggregate;
  return (
    <Card aria-labelledby="scores-h">
      <h2 id="scores-h" className="mb-3 text-lg font-semibold">Scores and priority</h2>
      {agg ? (
        <div className="mb-4" data-testid="priority">
          <p className="text-3xl font-semibold tabular-nums">{agg.priority.toFixed(1)} <span className="text-base font-normal text-slate-500">/ 100 from {v.scoreCount} scores</span></p>
          {agg.disagreement ? <Badge tone="warning" className="mt-1">Reviewers disagree</Badge> : null}
        </div>
      ) : v.hidden ? (
        <p className="mb-4 rounded bg-slate-50 p-3 text-sm text-slate-700">{v.scoreCount} score{v.scoreCount === 1 ? "" : "s"} submitted. Others&apos; scores stay hidden until you submit your own, so each score is independent.</p>
      ) : (
        <p className="mb-4 text-sm text-slate-600">Not scored yet.</p>
      )}
      {agg ? (
        <>
          <PriorityExplanation explanation={agg.explanation} priority={agg.priority} />
          <p className="mt-2 text-xs text-slate-500">Points = 100 × weight share × normalised mean (1→0, 5→1; flipped when lower is better).</p>
          {agg.rankAbove ? (
            <p className="mt-3 text-sm" data-testid="rank-reason">{agg.rankAbove.reason} <Link className="text-brand-700 hover:underline" href={`/use-cases/${agg.rankAbove.id}`}>Open the next one</Link></p>
          ) : <p className="mt-3 text-sm text-slate-600">Lowest-ranked scored use case you can see.</p>}
          <h3 className="mb-2 mt-4 font-medium">Individual scores</h3>
          <ul className="space-y-1 text-sm">
            {v.scores.map((s) => (
              <li key={s.reviewerId}>
                <span className="font-medium">{s.reviewerName}</span> (v{s.rubricVersion}): {(agg.explanation.versions.find((x) => x.rubricVersion === s.rubricVersion)?.parts ?? []).filter((p) => p.key in s.values).map((p) => `${p.label.toLowerCase()} ${s.values[p.key]}`).join(", ")} → {s.priority.toFixed(1)}
                {s.note ? <span className="text-slate-600"> — {s.note}</span> : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {canScore && v.rubric ? <div className="mt-6 border-t border-slate-200 pt-4"><ScoreForm useCaseId={useCaseId} view={v} /></div> : null}
    </Card>
  );
}
