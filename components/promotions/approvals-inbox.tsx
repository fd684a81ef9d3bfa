"use client";
import Link from "next/link";
import { useState } from "react";
import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState, ErrorState, LoadingRows } from "@/components/ui/states";
import { apiFetch } from "@/lib/client/api";
import { queryKeys } from "@/lib/client/query-keys";
import type { Inbox, InboxItem } from "@/lib/promotions/inbox";
import { ROLE_LABELS } from "@/lib/policy/permissions";
import { DecisionForm } from "@/components/promotions/decision-form";
import { StateBadge } from "@/components/promotions/state-badge";

type Show = Inbox["show"];
const dataOf = (side: NonNullable<InboxItem["candidate"]>) => side.data.map((d) => `${d.dataset}@${d.commit?.slice(0, 8) ?? d.version}`).join(", ") || "—";

function Diff({ item }: { item: InboxItem }) {
  const c = item.candidate;
  const n = item.current;
  const rollback = item.purpose === "rollback";
  // A rollback of a model's first deployment there brings nothing back: it removes the model.
  if (!c && rollback) return <p className="text-sm">Runs now: v{n?.version ?? "—"}. Nothing comes back: the rollback removes {item.model?.name ?? "the model"} from {item.environment.name}.</p>;
  if (!c) return null;
  const metrics = [...new Set([...Object.keys(c.metrics), ...Object.keys(n?.metrics ?? {})])];
  return (
    <table className="text-sm">
      <thead><tr><th className="pr-4 text-left">What</th><th className="pr-4 text-left">Runs now{n ? ` (v${n.version})` : ""}</th><th className="text-left">{rollback ? "Comes back" : "Candidate"} (v{c.version})</th></tr></thead>
      <tbody>
        {metrics.map((k) => <tr key={k}><td className="pr-4">metric {k}</td><td className="pr-4">{n?.metrics[k] ?? "—"}</td><td>{c.metrics[k] ?? "—"}</td></tr>)}
        <tr><td className="pr-4">code</td><td className="pr-4">{n?.code?.slice(0, 10) ?? "—"}</td><td>{c.code?.slice(0, 10) ?? "—"}</td></tr>
        <tr><td className="pr-4">data commits</td><td className="pr-4">{n ? dataOf(n) : "—"}</td><td>{dataOf(c)}</td></tr>
        <tr><td className="pr-4">parameters</td><td className="pr-4">{n ? JSON.stringify(n.params) : "—"}</td><td>{JSON.stringify(c.params)}</td></tr>
      </tbody>
    </table>
  );
}

function InboxCard({ it }: { it: InboxItem }) {
  return (
    <Card className="space-y-3 p-4" data-testid={`inbox-${it.number}`}>
      <div className="flex flex-wrap items-center gap-2">
        <Link className="font-semibold underline" href={`/promotions/${it.id}`}>#{it.number} {it.model ? `${it.model.name} v${it.model.version}` : "(deleted model)"} → {it.environment.name}</Link>
        <StateBadge state={it.state} />
        {it.purpose === "rollback" ? <Badge tone="warning">rollback</Badge> : null}
        {it.stale ? <Badge tone="danger">stale: a newer version already runs there</Badge> : null}
        {it.highRisk ? <Badge tone="warning">high risk</Badge> : null}
        <span className="text-sm text-slate-600">{it.approvals}/{it.required} approvals{it.stillNeeds ? `, one from ${ROLE_LABELS[it.stillNeeds].toLowerCase()} still needed` : ""} · {it.purpose === "rollback" && it.rollbackRequestedBy ? `rollback asked for by ${it.rollbackRequestedBy.name}` : `requested by ${it.requestedBy.name}`}</span>
      </div>
      <p className="text-sm">{it.purpose === "rollback" ? it.rollbackReason : it.justification}</p>
      <Diff item={it} />
      <ul className="text-sm">{it.gates.map((g) => <li key={g.gate}><StateBadge state={g.verdict} /> {g.gate}: {g.reason}</li>)}</ul>
      {it.canDecide ? <DecisionForm promotionId={it.id} rollback={it.purpose === "rollback"} /> : <p className="text-sm text-slate-600">{it.cannotDecideReason}</p>}
    </Card>
  );
}

/** Promotions and rollbacks waiting for a decision, oldest first, 25 at a time, with the diff against what runs now. */
export function ApprovalsInbox() {
  const [show, setShow] = useState<Show>("decide");
  const [environment, setEnvironment] = useState("");
  const envs = useQuery({ queryKey: queryKeys.environments(), queryFn: () => apiFetch<{ items: { key: string; name: string }[] }>("/api/v1/environments") });
  const q = useInfiniteQuery({
    queryKey: queryKeys.approvalsInbox(show, environment),
    queryFn: ({ pageParam, signal }) => apiFetch<Inbox>(`/api/v1/approvals/inbox?${new URLSearchParams({ show, ...(environment ? { environment } : {}), ...(pageParam ? { cursor: pageParam } : {}) })}`, { signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
  const items = q.data?.pages.flatMap((p) => p.items) ?? [];
  const useCases = q.data?.pages[0]?.useCases ?? [];
  return (
    <div className="space-y-4">
      <fieldset className="flex flex-wrap items-center gap-4 text-sm">
        <legend className="sr-only">Which requests to show</legend>
        {([["decide", "I can decide"], ["visible", "All visible"]] as const).map(([value, label]) => (
          <label key={value} className="inline-flex items-center gap-1">
            <input type="radio" name="inbox-show" value={value} checked={show === value} onChange={() => setShow(value)} /> {label}
          </label>
        ))}
        <label className="inline-flex items-center gap-1">
          Environment
          <select className="rounded border px-2 py-1" value={environment} onChange={(e) => setEnvironment(e.target.value)}>
            <option value="">All environments</option>
            {envs.data?.items.map((e) => <option key={e.key} value={e.key}>{e.name}</option>)}
          </select>
        </label>
      </fieldset>
      {q.isPending ? <LoadingRows label="Loading your inbox" rows={4} />
        : q.error && !q.data ? <ErrorState error={q.error} onRetry={() => void q.refetch()} />
        : !items.length && !useCases.length ? (
          <EmptyState title={show === "decide" ? "Nothing is waiting for your decision" : "Nothing is waiting for a decision"}>
            {show === "decide" ? "Requests you may not decide (your own, ones you already decided, other approvers' environments) are under “All visible”." : "New promotion requests and use cases to review will appear here."}
          </EmptyState>
        ) : (
          <>
            {items.length ? <ul className="space-y-4" aria-label="Waiting promotions and rollbacks">{items.map((it) => <li key={it.id}><InboxCard it={it} /></li>)}</ul>
              : <p className="text-sm text-slate-600">No promotion or rollback is waiting{show === "decide" ? " for your decision" : ""}.</p>}
            {q.isFetchNextPageError ? <ErrorState error={q.error} onRetry={() => void q.fetchNextPage()} /> : null}
            {q.hasNextPage ? (
              <Button variant="secondary" disabled={q.isFetchingNextPage} onClick={() => void q.fetchNextPage()}>
                {q.isFetchingNextPage ? "Loading…" : "Load more"}
              </Button>
            ) : null}
            {useCases.length ? (
              <Card className="p-4">
                <h3 className="mb-2 font-semibold">Use cases waiting for review</h3>
                <ul className="text-sm">{useCases.map((u) => <li key={u.id}><Link className="underline" href={`/use-cases/${u.id}`}>{u.title}</Link> — {u.state.replace("_", " ")}{u.tier ? ` · ${u.tier} risk` : ""}</li>)}</ul>
              </Card>
            ) : null}
          </>
        )}
    </div>
  );
}
