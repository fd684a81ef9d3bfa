import type { Metadata } from "next";
import Link from "next/link";
import { NoAccess } from "@/components/shell/no-access";
import { Button } from "@/components/ui/button";
import { Card, PageHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/states";
import { Table, Td, Th } from "@/components/ui/table";
import { Badge } from "@/components/ui/badge";
import { currentActor } from "@/lib/auth/session-actor";
import { can } from "@/lib/policy/require";
import { asOfQuery, deliveryMetrics, environmentMatrix, inProductionAt } from "@/lib/promotions/dashboard";

export const metadata: Metadata = { title: "Delivery" };

export default async function DeliveryPage({ searchParams }: { searchParams: Promise<{ at?: string; environment?: string }> }) {
  const actor = (await currentActor())!;
  if (!can(actor, "promotion.read")) return <NoAccess what="see the promotion dashboard" />;
  const sp = await searchParams;
  const [matrix, metrics] = await Promise.all([environmentMatrix(actor), deliveryMetrics(actor)]);
  const asOf = sp.at ? asOfQuery.safeParse(sp) : null;
  const history = asOf?.success ? await inProductionAt(actor, asOf.data) : null;
  return (
    <>
      <PageHeader title="Delivery" description="What runs where, how reliably we deliver, and what ran at any past moment." />
      <section aria-labelledby="matrix-h" className="mb-8">
        <h2 id="matrix-h" className="mb-2 font-semibold">Environment matrix</h2>
        {matrix.rows.length ? (
          <Table data-testid="environment-matrix">
            <thead><tr><Th>Model</Th>{matrix.environments.map((e) => <Th key={e.key}>{e.name}</Th>)}<Th>Drift</Th></tr></thead>
            <tbody>
              {matrix.rows.map((r) => (
                <tr key={r.assetId}>
                  <Td>{r.name}</Td>
                  {matrix.environments.map((e) => {
                    const c = r.cells[e.key];
                    return <Td key={e.key}>{c ? <>v{c.version} <span className="text-xs text-slate-500">since {new Date(c.since).toLocaleDateString()}</span>{c.promotionId ? <> · <Link className="underline" href={`/promotions/${c.promotionId}`}>#{c.promotionNumber}</Link></> : null}</> : "—"}</Td>;
                  })}
                  <Td>{r.drift.map((d) => <Badge key={d} tone="warning">{d}</Badge>)}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
        ) : <EmptyState title="Nothing is deployed yet" />}
      </section>
      <section aria-labelledby="dora-h" className="mb-8">
        <h2 id="dora-h" className="mb-2 font-semibold">Delivery metrics (last 12 weeks)</h2>
        <p className="mb-2 text-sm">Change failure rate: <strong>{metrics.changeFailureRate ?? "—"}{metrics.changeFailureRate !== null ? " %" : ""}</strong> of {metrics.executed} executed promotions.</p>
        <Table>
          <thead><tr><Th>Week of</Th><Th>Executed</Th><Th>Succeeded</Th><Th>Failed</Th><Th>Rolled back</Th><Th>Median lead time (h)</Th><Th>Median time to restore (h)</Th></tr></thead>
          <tbody>{metrics.weeks.map((w) => <tr key={w.week}><Td>{w.week}</Td><Td>{w.promotions}</Td><Td>{w.succeeded}</Td><Td>{w.failed}</Td><Td>{w.rolledBack}</Td><Td>{w.leadTimeHours ?? "—"}</Td><Td>{w.timeToRestoreHours ?? "—"}</Td></tr>)}</tbody>
        </Table>
      </section>
      <Card className="p-4">
        <h2 className="mb-2 font-semibold">What was running on a given date</h2>
        <form className="flex flex-wrap items-end gap-2" method="get">
          <label className="text-sm">Date and time <input className="ml-1 rounded border px-2 py-1" type="datetime-local" name="at" defaultValue={sp.at ?? ""} required /></label>
          <label className="text-sm">Environment <select className="ml-1 rounded border px-2 py-1" name="environment" defaultValue={sp.environment ?? "prod"}>{matrix.environments.map((e) => <option key={e.key} value={e.key}>{e.name}</option>)}</select></label>
          <Button type="submit">Show</Button>
        </form>
        {asOf && !asOf.success ? <p role="alert" className="mt-2 text-sm text-red-700">{asOf.error.issues[0]?.message}</p> : null}
        {history ? (
          history.deployments.length ? (
            <ul className="mt-3 space-y-2 text-sm">
              {history.deployments.map((d) => (
                <li key={d.id}>
                  <strong>{d.model.name} v{d.model.version}</strong> since {new Date(d.since).toLocaleString()}{d.until ? ` until ${new Date(d.until).toLocaleString()}` : ""} · code {d.model.code?.slice(0, 10) ?? "—"} · data {d.data.map((x) => `${x.dataset}@${x.commit?.slice(0, 10) ?? x.version}`).join(", ") || "—"}
                  {d.promotion ? <> · <Link className="underline" href={`/promotions/${d.promotion.id}`}>promotion #{d.promotion.number}</Link> approved by {d.promotion.approvals.map((a) => a.by).join(", ") || "no one (policy needed none)"}</> : null}
                </li>
              ))}
            </ul>
          ) : <p className="mt-3 text-sm">Nothing ran in {history.environment} at {new Date(history.at).toLocaleString()}.</p>
        ) : null}
      </Card>
    </>
  );
}
