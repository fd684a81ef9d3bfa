"use client";
import Link from "next/link";
import { useQuery } from "@tanstack/react-query";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { EmptyState, ErrorState, LoadingRows } from "@/components/ui/states";
import { apiFetch } from "@/lib/client/api";
import { queryKeys } from "@/lib/client/query-keys";
import type { Inbox } from "@/lib/promotions/inbox";
import { ROLE_LABELS } from "@/lib/policy/permissions";
import { DecisionForm } from "@/components/promotions/decision-form";
import { StateBadge } from "@/components/promotions/state-badge";

type Item = Inbox["promotions"][number];

function Diff({ item }: { item: Item }) {
  const c = item.candidate;
  const n = item.current;
  if (!c) return null;
  const metrics = [...new Set([...Object.keys(c.metrics), ...Object.keys(n?.metrics ?? {})])];
  return (
    <table className="text-sm">
      <thead><tr><th className="pr-4 text-left">What</th><th className="pr-4 text-left">Runs now{n ? ` (v${n.version})` : ""}</th><th className="text-left">Candidate (v{c.version})</th></tr></thead>
      <tbody>
        {metrics.map((k) => <tr key={k}><td className="pr-4">metric {k}</td><td className="pr-4">{n?.metrics[k] ?? "—"}</td><td>{c.metrics[k] ?? "—"}</td></tr>)}
        <tr><td className="pr-4">code</td><td className="pr-4">{n?.code?.slice(0, 10) ?? "—"}</td><td>{c.code?.slice(0, 10) ?? "—"}</td></tr>
        <tr><td className="pr-4">data commits</td><td className="pr-4">{n?.data.map((d) => `${d.dataset}@${d.commit?.slice(0, 8) ?? d.version}`).join(", ") || "—"}</td><td>{c.data.map((d) => `${d.dataset}@${d.commit?.slice(0, 8) ?? d.version}`).join(", ") || "—"}</td></tr>
        <tr><td className="pr-4">parameters</td><td className="pr-4">{n ? JSON.stringify(n.params) : "—"}</td><td>{JSON.stringify(c.params)}</td></tr>
      </tbody>
    </table>
  );
}

/** Everything waiting for the caller, with the diff against what runs now and the gate results. */
export function ApprovalsInbox() {
  const q = useQuery({ queryKey: queryKeys.approvalsInbox(), queryFn: () => apiFetch<Inbox>("/api/v1/approvals/inbox") });
  if (q.isPending) return <LoadingRows label="Loading your inbox" rows={4} />;
  if (q.error) return <ErrorState error={q.error} onRetry={() => void q.refetch()} />;
  const { promotions, useCases } = q.data;
  if (!promotions.length && !useCases.length) return <EmptyState title="Nothing is waiting for you">New promotion requests and use cases to review will appear here.</EmptyState>;
  return (
    <div className="space-y-4">
      {promotions.map((it) => (
        <Card key={it.id} className="space-y-3 p-4" data-testid={`inbox-${it.number}`}>
          <div className="flex flex-wrap items-center gap-2">
            <Link className="font-semibold underline" href={`/promotions/${it.id}`}>#{it.number} {it.model?.name} v{it.candidate?.version} → {it.environment.name}</Link>
            <StateBadge state={it.state} />
            {it.purpose === "rollback" ? <Badge tone="warning">rollback</Badge> : null}
            {it.stale ? <Badge tone="danger">stale: a newer version already runs there</Badge> : null}
            {it.highRisk ? <Badge tone="warning">high-risk use case</Badge> : null}
            <span className="text-sm text-slate-600">{it.approvals}/{it.required} approvals{it.stillNeeds ? `, one from ${ROLE_LABELS[it.stillNeeds].toLowerCase()} still needed` : ""} · requested by {it.requestedBy.name}</span>
          </div>
          <p className="text-sm">{it.purpose === "rollback" ? it.rollbackReason : it.justification}</p>
          <Diff item={it} />
          <ul className="text-sm">{it.gates.map((g) => <li key={g.gate}><StateBadge state={g.verdict} /> {g.gate}: {g.reason}</li>)}</ul>
          {it.canDecide ? <DecisionForm promotionId={it.id} rollback={it.purpose === "rollback"} /> : <p className="text-sm text-slate-600">{it.cannotDecideReason}</p>}
        </Card>
      ))}
      {useCases.length ? (
        <Card className="p-4">
          <h3 className="mb-2 font-semibold">Use cases waiting for review</h3>
          <ul className="text-sm">{useCases.map((u) => <li key={u.id}><Link className="underline" href={`/use-cases/${u.id}`}>{u.title}</Link> — {u.state.replace("_", " ")}{u.tier ? ` · ${u.tier} risk` : ""}</li>)}</ul>
        </Card>
      ) : null}
    </div>
  );
}
