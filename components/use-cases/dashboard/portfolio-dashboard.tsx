"use client";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { ErrorState, LoadingRows } from "@/components/ui/states";
import { Table, Td, Th } from "@/components/ui/table";
import { StateBadge, TierBadge } from "@/components/use-cases/badges";
import { FunnelChart, ThroughputChart, TierChart, TimeInStateChart, ValueFeasibilityChart } from "@/components/use-cases/dashboard/charts";
import { usePortfolioSummary } from "@/lib/client/use-cases";

export function PortfolioDashboard() {
  const q = usePortfolioSummary();
  if (q.isPending) return <LoadingRows label="Loading the portfolio" rows={6} />;
  if (q.isError) return <ErrorState error={q.error} onRetry={() => q.refetch()} />;
  const s = q.data;
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <FunnelChart data={s.funnel} />
      <ValueFeasibilityChart data={s.bubbles} />
      <TierChart data={s.tiers} />
      <ThroughputChart data={s.throughput} />
      <TimeInStateChart data={s.timeInState} />
      <Card aria-labelledby="top-h" data-testid="top-awaiting">
        <h2 id="top-h" className="mb-3 font-semibold">Top-ranked, awaiting a decision</h2>
        {s.topAwaiting.length === 0 ? <p className="text-sm text-slate-600">Nothing scored is waiting for a decision.</p> : (
          <Table>
            <thead><tr><Th>Use case</Th><Th>State</Th><Th>Risk</Th><Th className="text-right">Priority</Th></tr></thead>
            <tbody className="divide-y divide-slate-100">
              {s.topAwaiting.map((t) => (
                <tr key={t.id}>
                  <Td><Link href={`/use-cases/${t.id}`} className="text-brand-700 hover:underline">{t.title}</Link></Td>
                  <Td><StateBadge state={t.state} /></Td>
                  <Td><TierBadge tier={t.tier} /></Td>
                  <Td className="text-right tabular-nums">{t.priority.toFixed(1)}{t.disagreement ? <Badge tone="warning" className="ml-1">disagreement</Badge> : null}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </Card>
    </div>
  );
}
