"use client";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { Card, PageHeader } from "@/components/ui/card";
import { ErrorState, LoadingRows } from "@/components/ui/states";
import { formatKeur, StateBadge, TierBadge } from "@/components/use-cases/badges";
import { CommentsPanel } from "@/components/use-cases/comments-panel";
import { VALUE_LABELS } from "@/components/use-cases/portfolio-filters";
import { RiskPanel } from "@/components/use-cases/risk-panel";
import { ScoresPanel } from "@/components/use-cases/scores-panel";
import { TransitionActions } from "@/components/use-cases/transition-actions";
import { useUseCase } from "@/lib/client/use-cases";
import { STATE_LABELS } from "@/lib/use-cases/lifecycle";

export function UseCaseDetailView({ id }: { id: string }) {
  const q = useUseCase(id);
  if (q.isPending) return <LoadingRows label="Loading the use case" />;
  if (q.isError) return <ErrorState error={q.error} onRetry={() => q.refetch()} />;
  const uc = q.data;
  const facts: [string, string][] = [
    ["Team", uc.teamName], ["Owner", uc.ownerName], ["Business owner", uc.businessOwner], ["Intended users", uc.intendedUsers || "—"],
    ["Value", uc.valueType ? `${VALUE_LABELS[uc.valueType]}: ${formatKeur(uc.valueLow)}–${formatKeur(uc.valueHigh)} a year (${uc.valueConfidence ?? "?"} confidence)` : "—"],
    ["Success metrics", uc.successMetrics || "—"], ["Data needed", uc.dataNeeded || "—"],
    ["Self-assessment", `data readiness ${uc.dataReadiness ?? "?"}/5, feasibility ${uc.feasibility ?? "?"}/5, complexity ${uc.complexity ?? "?"}/5`],
    ["Target date", uc.targetDate ?? "—"],
  ];
  return (
    <>
      <PageHeader
        title={uc.title}
        description={<span className="flex flex-wrap items-center gap-2"><span data-testid="use-case-state"><StateBadge state={uc.state} /></span><TierBadge tier={uc.tier} /><span>{uc.teamName}</span></span>}
        actions={uc.can.edit ? <Button asChild variant="secondary"><Link href={`/use-cases/${uc.id}/edit`}>Edit intake</Link></Button> : null}
      />
      <TransitionActions uc={uc} />
      <div className="grid gap-6 lg:grid-cols-5">
        <div className="space-y-6 lg:col-span-3">
          <Card aria-labelledby="problem-h">
            <h2 id="problem-h" className="mb-2 text-lg font-semibold">Problem</h2>
            <p className="whitespace-pre-wrap text-sm">{uc.problem}</p>
            <dl className="mt-4 grid gap-x-4 gap-y-2 text-sm sm:grid-cols-[10rem_1fr]">
              {facts.map(([k, v]) => <div key={k} className="contents"><dt className="text-slate-500">{k}</dt><dd>{v}</dd></div>)}
            </dl>
          </Card>
          <ScoresPanel useCaseId={uc.id} canScore={uc.can.score} />
          <CommentsPanel useCaseId={uc.id} canComment={uc.can.comment} />
        </div>
        <div className="space-y-6 lg:col-span-2">
          <RiskPanel uc={uc} />
          <Card aria-labelledby="timeline-h">
            <h2 id="timeline-h" className="mb-3 text-lg font-semibold">Timeline</h2>
            <ol className="space-y-3 border-l border-slate-200 pl-4" data-testid="timeline">
              {uc.timeline.map((t, i) => (
                <li key={i} className="text-sm">
                  <p><span className="font-medium">{STATE_LABELS[t.toState]}</span> <span className="text-slate-500">· {new Date(t.createdAt).toLocaleString()}</span></p>
                  <p className="text-slate-600">{t.transition.replace(/_/g, " ")}{t.actorName ? ` by ${t.actorName}` : ""}</p>
                  {t.note ? <p className="text-slate-700">“{t.note}”</p> : null}
                </li>
              ))}
            </ol>
          </Card>
        </div>
      </div>
    </>
  );
}
