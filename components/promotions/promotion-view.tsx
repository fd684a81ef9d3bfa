"use client";
import Link from "next/link";
import { useQuery } from "@tanstack/react-query";
import { Card } from "@/components/ui/card";
import { ErrorState, LoadingRows } from "@/components/ui/states";
import { Table, Td, Th } from "@/components/ui/table";
import { apiFetch } from "@/lib/client/api";
import { queryKeys } from "@/lib/client/query-keys";
import type { PromotionDetail } from "@/lib/promotions/schemas";
import { FakesBadge, StateBadge } from "@/components/promotions/state-badge";
import { PromotionActions } from "@/components/promotions/promotion-actions";

const LIVE = ["approved", "executing", "compensating", "rolling_back"];
const when = (s: string | null) => (s ? new Date(s).toLocaleString() : "—");

/** The promotion with its live timeline: polled every 1.5 s while a worker runs it. */
export function PromotionView({ id }: { id: string }) {
  const q = useQuery({
    queryKey: queryKeys.promotion(id),
    queryFn: () => apiFetch<PromotionDetail>(`/api/v1/promotions/${id}`),
    refetchInterval: (query) => (LIVE.includes(query.state.data?.state ?? "") ? 1500 : false),
  });
  if (q.isPending) return <LoadingRows label="Loading the promotion" rows={6} />;
  if (q.error) return <ErrorState error={q.error} onRetry={() => void q.refetch()} />;
  const p = q.data;
  return (
    <div className="space-y-6">
      <Card className="space-y-2 p-4">
        <div className="flex flex-wrap items-center gap-2">
          <h2 className="text-lg font-semibold">#{p.number} {p.model.name} v{p.model.version} → {p.environment.name}</h2>
          <span data-testid="promotion-state"><StateBadge state={p.state} /></span>
          <FakesBadge usedFakes={p.usedFakes} />
        </div>
        <p className="text-sm text-slate-600">{p.strategy.replace("_", "-")} · source {p.sourceRef} · policy v{p.policy.version} ({p.policy.requiredApprovals} approvals) · requested by {p.requestedBy.name} on {when(p.createdAt)}</p>
        <p className="text-sm">{p.justification}</p>
        <p className="text-sm"><Link className="underline" href={`/audit?entityType=promotion&entityId=${p.id}`}>Audit trail</Link> <span className="text-slate-500">(every decision and every step done to lakeFS, MLflow and Airflow)</span></p>
        {p.failureStep ? <p role="alert" className="text-sm text-red-700">Failed at <strong>{p.failureStep}</strong>: {p.failureReason}</p> : null}
        {p.rollbackReason ? <p className="text-sm text-slate-700">Rollback: {p.rollbackReason}</p> : null}
      </Card>
      <Card className="p-4"><PromotionActions id={p.id} allowed={p.allowedEvents} /></Card>
      <section aria-labelledby="gates-h">
        <h3 id="gates-h" className="mb-2 font-semibold">Gates</h3>
        <Table>
          <thead><tr><Th>Gate</Th><Th>Verdict</Th><Th>Reason</Th><Th>Phase</Th><Th>When</Th></tr></thead>
          <tbody>{p.gates.map((g, i) => <tr key={i}><Td>{g.gate}</Td><Td><StateBadge state={g.verdict} /></Td><Td>{g.reason}</Td><Td>{g.phase}</Td><Td>{when(g.evaluatedAt)}</Td></tr>)}</tbody>
        </Table>
      </section>
      <section aria-labelledby="approvals-h">
        <h3 id="approvals-h" className="mb-2 font-semibold">Decisions</h3>
        {p.approvals.length ? (
          <ul className="space-y-1 text-sm">{p.approvals.map((a) => <li key={a.id}>{a.reviewer.name} — {a.decision.replace("_", " ")}{a.purpose === "rollback" ? " (rollback)" : ""} (round {a.round}) {a.comment ? `“${a.comment}”` : ""} · {when(a.createdAt)}</li>)}</ul>
        ) : <p className="text-sm text-slate-600">No decisions yet.</p>}
      </section>
      <section aria-labelledby="timeline-h">
        <h3 id="timeline-h" className="mb-2 font-semibold">Timeline {LIVE.includes(p.state) ? <span className="text-sm font-normal text-slate-500">(live)</span> : null}</h3>
        <ol className="space-y-1 text-sm" data-testid="timeline">
          {p.timeline.map((e) => (
            <li key={e.id} className="flex gap-3">
              <span className="w-44 shrink-0 text-slate-500">{when(e.at)}</span>
              <span className="w-16 shrink-0 text-slate-500">{e.kind}</span>
              <span>{e.message}{e.durationMs !== null ? <span className="text-slate-500"> · {e.durationMs} ms</span> : null}</span>
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}
