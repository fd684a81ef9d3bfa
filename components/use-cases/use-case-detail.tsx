"use client";
import Link from "next/link";
import type { ReactNode } from "react";
import { KindBadge } from "@/components/catalog/kind-badge";
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
import type { UseCaseDetail } from "@/lib/use-cases/views";

/** Linked catalog datasets (with links to the catalog), the description, and other assets linked to it. */
function DataNeeded({ uc }: { uc: UseCaseDetail }) {
  const datasets = uc.assets.filter((a) => a.kind === "dataset");
  const others = uc.assets.filter((a) => a.kind !== "dataset");
  const link = (a: UseCaseDetail["assets"][number]) => (
    <li key={a.id}><Link href={`/catalog/${a.id}`} className="text-brand-700 hover:underline">{a.name}</Link> <span className="text-xs text-slate-500">{a.namespace}</span></li>
  );
  return (
    <div className="space-y-1" data-testid="data-needed">
      {datasets.length ? <ul aria-label="Linked catalog datasets" className="space-y-0.5">{datasets.map(link)}</ul> : null}
      {uc.dataNeeded ? <p className="whitespace-pre-wrap">{uc.dataNeeded}</p> : null}
      {!datasets.length && !uc.dataNeeded ? <p>—</p> : null}
      {others.length ? (
        <div className="pt-1 text-xs text-slate-600">In the catalog for this use case:
          <ul className="mt-0.5 flex flex-wrap gap-x-3">{others.map((a) => <li key={a.id} className="flex items-center gap-1"><KindBadge kind={a.kind} /><Link href={`/catalog/${a.id}`} className="text-brand-700 hover:underline">{a.name}</Link></li>)}</ul>
        </div>
      ) : null}
      {uc.hiddenAssets ? <p className="text-xs text-slate-500">{uc.hiddenAssets} more linked asset{uc.hiddenAssets === 1 ? "" : "s"} outside your catalog access.</p> : null}
    </div>
  );
}

export function UseCaseDetailView({ id }: { id: string }) {
  const q = useUseCase(id);
  if (q.isPending) return <LoadingRows label="Loading the use case" />;
  if (q.isError) return <ErrorState error={q.error} onRetry={() => q.refetch()} />;
  const uc = q.data;
  const facts: [string, ReactNode][] = [
    ["Team", uc.teamName], ["Owner", uc.ownerName], ["Business owner", uc.businessOwner], ["Intended users", uc.intendedUsers || "—"],
    ["Value", uc.valueType ? `${VALUE_LABELS[uc.valueType]}: ${formatKeur(uc.valueLow)}–${formatKeur(uc.valueHigh)} a year (${uc.valueConfidence ?? "?"} confidence)` : "—"],
    ["Success metrics", uc.successMetrics || "—"], ["Data needed", <DataNeeded key="data" uc={uc} />],
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
