import Link from "next/link";
import { notFound } from "next/navigation";
import { Card, PageHeader } from "@/components/ui/card";
import { Badge } from "@/components/ui/badge";
import { EmptyState, ErrorState } from "@/components/ui/states";
import { Table, Td, Th } from "@/components/ui/table";
import { KindBadge } from "@/components/catalog/kind-badge";
import { currentActor } from "@/lib/auth/session-actor";
import { impactAnalysis } from "@/lib/lineage/impact";
import { impactQuery } from "@/lib/lineage/impact-schemas";
import { isAppError } from "@/lib/errors";

const ENV_TONE = { prod: "danger", staging: "warning" } as Record<string, "danger" | "warning">;

export default async function ImpactPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const actor = (await currentActor())!;
  const sp = await searchParams;
  if (!sp.nodeId) return <EmptyState title="Pick a dataset">Open a dataset in the <Link className="text-brand-700 underline" href="/catalog?kind=dataset">catalog</Link> and choose “Impact analysis”.</EmptyState>;
  const q = impactQuery.safeParse(sp);
  if (!q.success) return <ErrorState error={new Error("The impact question is not valid: give a dataset and, optionally, one of its columns.")} />;
  const impact = await impactAnalysis(actor, q.data).catch((e) => { if (isAppError(e) && e.code === "not_found") notFound(); throw e; });
  const csv = new URLSearchParams({ ...Object.fromEntries(Object.entries(sp).filter(([, v]) => v)) as Record<string, string>, format: "csv" });
  // Object.groupBy is not in Node 20.
  const groups = new Map<string, typeof impact.deployments>();
  for (const d of impact.deployments) groups.set(d.environment, [...(groups.get(d.environment) ?? []), d]);
  const byEnv = [...groups.entries()];
  return (
    <>
      <PageHeader title={`Impact of ${impact.root.name}${impact.root.column ? `.${impact.root.column}` : ""}`}
        description="Everything downstream that may break if this changes: jobs, datasets, models, their versions and deployments, and the use cases they serve."
        actions={<>
          <Link className="rounded-md border border-slate-300 px-3 py-1.5 text-sm hover:bg-slate-50" href={`/catalog/${impact.root.assetId}`}>Back to asset</Link>
          <a className="rounded-md bg-brand-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-700" href={`/api/v1/lineage/impact?${csv}`} download>Export CSV</a>
        </>} />
      <form action="/lineage/impact" className="mb-4 flex items-end gap-2 text-sm">
        <input type="hidden" name="nodeId" value={impact.root.assetId} />
        <label className="flex flex-col">Column (optional)<input name="column" defaultValue={impact.root.column ?? ""} className="rounded border border-slate-300 px-2 py-1" placeholder="e.g. revenue" /></label>
        <button type="submit" className="rounded-md border border-slate-300 px-3 py-1 hover:bg-slate-50">Analyse</button>
      </form>
      {impact.truncated ? <p role="status" className="mb-3 rounded bg-amber-50 p-2 text-sm text-amber-800">The downstream graph is very large; this answer is truncated.</p> : null}
      <div className="grid gap-4 lg:grid-cols-3">
        <Card aria-labelledby="deps">
          <h2 id="deps" className="font-semibold">Deployments by environment</h2>
          {byEnv.length === 0 ? <p className="mt-1 text-sm text-slate-500">No active deployment is downstream.</p> : byEnv.map(([env, list]) => (
            <div key={env} className="mt-2"><Badge tone={ENV_TONE[env] ?? "neutral"}>{env}</Badge>
              <ul className="ml-1 mt-1 text-sm">{list!.map((d) => <li key={d.deploymentId}>{d.modelName} v{d.version}</li>)}</ul></div>
          ))}
        </Card>
        <Card aria-labelledby="ucs">
          <h2 id="ucs" className="font-semibold">Use cases served</h2>
          {impact.useCases.length === 0 ? <p className="mt-1 text-sm text-slate-500">No linked use case downstream.</p> : (
            <ul className="mt-2 space-y-1 text-sm">{impact.useCases.map((u) => <li key={u.useCaseId}><Link className="text-brand-700 hover:underline" href={`/use-cases/${u.useCaseId}`}>{u.name ?? u.useCaseId}</Link> {u.riskTier ? <Badge tone={u.riskTier === "high" ? "danger" : "neutral"}>{u.riskTier} risk</Badge> : null}</li>)}</ul>
          )}
        </Card>
        <Card aria-labelledby="mvs">
          <h2 id="mvs" className="font-semibold">Model versions trained on affected data</h2>
          {impact.modelVersions.length === 0 ? <p className="mt-1 text-sm text-slate-500">None.</p> : (
            <ul className="mt-2 space-y-1 text-sm">{impact.modelVersions.map((m) => <li key={m.modelVersionId}><Link className="text-brand-700 hover:underline" href={`/catalog/${m.assetId}/versions/${m.modelVersionId}`}>{m.modelName} v{m.version}</Link> <span className="text-slate-500">({m.ownerTeamName ?? "unowned"})</span></li>)}</ul>
          )}
        </Card>
      </div>
      <h2 className="mb-2 mt-6 text-lg font-semibold">Downstream assets ({impact.assets.length})</h2>
      {impact.assets.length === 0 ? <EmptyState title="Nothing downstream">No recorded lineage leads from here.</EmptyState> : (
        <Table>
          <thead><tr><Th>Name</Th><Th>Kind</Th><Th>Hops</Th><Th>Columns</Th><Th>Owner</Th></tr></thead>
          <tbody className="divide-y divide-slate-100">
            {impact.assets.map((a) => (
              <tr key={a.assetId}>
                <Td><Link className="text-brand-700 hover:underline" href={`/catalog/${a.assetId}`}>{a.name}</Link><p className="font-mono text-xs text-slate-500">{a.namespace}</p></Td>
                <Td><KindBadge kind={a.kind} /></Td><Td>{a.depth}</Td><Td className="font-mono text-xs">{a.columns.join(", ") || "—"}</Td><Td>{a.ownerTeamName ?? "—"}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </>
  );
}
