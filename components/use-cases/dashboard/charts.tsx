"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { Bar, BarChart, CartesianGrid, Cell, Legend, ResponsiveContainer, Scatter, ScatterChart, Tooltip, XAxis, YAxis, ZAxis } from "recharts";
import { formatKeur, TIER_COLORS } from "@/components/use-cases/badges";
import { ChartCard } from "@/components/use-cases/dashboard/chart-card";
import { STATE_LABELS } from "@/lib/use-cases/lifecycle";
import { RISK_TIERS } from "@/lib/use-cases/risk";
import type { PortfolioSummary } from "@/lib/use-cases/views";

export function FunnelChart({ data }: { data: PortfolioSummary["funnel"] }) {
  const rows = data.map((d) => ({ ...d, label: STATE_LABELS[d.state] }));
  return (
    <ChartCard testId="funnel" title="Funnel by state" description="Every use case you can see, by where it stands now" columns={["State", "Use cases"]} rows={rows.map((r) => [r.label, r.count])}>
      <ResponsiveContainer>
        <BarChart data={rows} layout="vertical" margin={{ left: 40 }} title="Funnel by state">
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" allowDecimals={false} />
          <YAxis type="category" dataKey="label" width={110} interval={0} tick={{ fontSize: 11 }} />
          <Tooltip />
          <Bar dataKey="count" name="Use cases" fill="#4f46e5" />
        </BarChart>
      </ResponsiveContainer>
    </ChartCard>
  );
}

export function ValueFeasibilityChart({ data }: { data: PortfolioSummary["bubbles"] }) {
  const router = useRouter();
  return (
    <ChartCard testId="bubbles" title="Value against feasibility" description="Open use cases; bubble size = estimated yearly value, colour = risk tier. Click a bubble to open it."
      columns={["Use case", "Feasibility", "Value / yr", "Risk tier", "Priority"]}
      rows={data.map((b) => [<Link key={b.id} className="text-brand-700 hover:underline" href={`/use-cases/${b.id}`}>{b.title}</Link>, b.feasibility.toFixed(1), formatKeur(Math.round(b.value)), b.tier, b.priority === null ? "—" : b.priority.toFixed(1)])}>
      <ResponsiveContainer>
        <ScatterChart margin={{ top: 10, right: 20, bottom: 20, left: 10 }} title="Value against feasibility">
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis type="number" dataKey="feasibility" name="Feasibility" domain={[1, 5]} ticks={[1, 2, 3, 4, 5]} label={{ value: "Feasibility (1–5)", position: "insideBottom", offset: -10 }} />
          <YAxis type="number" dataKey="value" name="Value (k€/yr)" tickFormatter={(v: number) => formatKeur(v)} />
          <ZAxis type="number" dataKey="value" range={[40, 600]} name="Value" />
          <Tooltip cursor={{ strokeDasharray: "3 3" }} formatter={(v, n) => (n === "Feasibility" ? Number(v).toFixed(1) : formatKeur(Math.round(Number(v))))} labelFormatter={() => ""} />
          <Legend verticalAlign="top" height={24} />
          {RISK_TIERS.map((t) => (
            <Scatter key={t} name={t} data={data.filter((b) => b.tier === t)} fill={TIER_COLORS[t]} fillOpacity={0.7} cursor="pointer"
              onClick={(p: { payload?: { id?: string } }) => p?.payload?.id && router.push(`/use-cases/${p.payload.id}`)} />
          ))}
        </ScatterChart>
      </ResponsiveContainer>
    </ChartCard>
  );
}

export function TierChart({ data }: { data: PortfolioSummary["tiers"] }) {
  return (
    <ChartCard testId="tiers" title="Risk exposure" description="Open use cases (not draft, rejected or retired) by risk tier" columns={["Risk tier", "Use cases"]} rows={data.map((d) => [d.tier, d.count])}>
      <ResponsiveContainer>
        <BarChart data={data} title="Risk exposure">
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="tier" />
          <YAxis allowDecimals={false} />
          <Tooltip />
          <Bar dataKey="count" name="Use cases">{data.map((d) => <Cell key={d.tier} fill={TIER_COLORS[d.tier]} />)}</Bar>
        </BarChart>
      </ResponsiveContainer>
    </ChartCard>
  );
}

export function ThroughputChart({ data }: { data: PortfolioSummary["throughput"] }) {
  return (
    <ChartCard testId="throughput" title="Throughput per month" description="Use cases submitted, approved and put into production, last 12 months" columns={["Month", "Submitted", "Approved", "Into production"]} rows={data.map((d) => [d.month, d.submitted, d.approved, d.live])}>
      <ResponsiveContainer>
        <BarChart data={data} title="Throughput per month">
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="month" tick={{ fontSize: 11 }} />
          <YAxis allowDecimals={false} />
          <Tooltip />
          <Legend />
          <Bar dataKey="submitted" name="Submitted" fill="#94a3b8" />
          <Bar dataKey="approved" name="Approved" fill="#4f46e5" />
          <Bar dataKey="live" name="Into production" fill="#059669" />
        </BarChart>
      </ResponsiveContainer>
    </ChartCard>
  );
}

export function TimeInStateChart({ data }: { data: PortfolioSummary["timeInState"] }) {
  const rows = data.map((d) => ({ ...d, label: STATE_LABELS[d.state] }));
  return (
    <ChartCard testId="time-in-state" title="Median time in each state" description="Days, over stays that ended in the last 12 months" columns={["State", "Median days", "Stays"]} rows={rows.map((r) => [r.label, r.medianDays, r.stays])}>
      <ResponsiveContainer>
        <BarChart data={rows} layout="vertical" margin={{ left: 40 }} title="Median time in each state">
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" unit=" d" />
          <YAxis type="category" dataKey="label" width={110} interval={0} tick={{ fontSize: 11 }} />
          <Tooltip />
          <Bar dataKey="medianDays" name="Median days" fill="#0ea5e9" />
        </BarChart>
      </ResponsiveContainer>
    </ChartCard>
  );
}
