import Link from "next/link";
import { notFound } from "next/navigation";
import { Card, PageHeader } from "@/components/ui/card";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/states";
import { Table, Td, Th } from "@/components/ui/table";
import { KindBadge } from "@/components/catalog/kind-badge";
import { SchemaDiff } from "@/components/catalog/schema-diff";
import { currentActor } from "@/lib/auth/session-actor";
import { assetDetail } from "@/lib/catalog/detail";
import { isAppError } from "@/lib/errors";

const fmt = (d: Date | string | null) => (d ? new Date(d).toISOString().replace("T", " ").slice(0, 16) + " UTC" : "—");

export default async function AssetPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ from?: string; to?: string }> }) {
  const actor = (await currentActor())!;
  const { id } = await params;
  const sp = await searchParams;
  const detail = await assetDetail(actor, id).catch((e) => { if (isAppError(e) && e.code === "not_found") notFound(); throw e; });
  const { asset, versions, runs, deployments, useCases, facets } = detail;
  const isData = asset.kind === "dataset" || asset.kind === "feature_set";
  return (
    <>
      <PageHeader title={asset.name} description={<><KindBadge kind={asset.kind} /> <span className="font-mono text-xs">{asset.namespace}</span></>}
        actions={<>
          <Link className="rounded-md border border-slate-300 px-3 py-1.5 text-sm hover:bg-slate-50" href={`/lineage?nodeId=${asset.id}`}>Lineage graph</Link>
          {isData ? <Link className="rounded-md bg-brand-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-700" href={`/lineage/impact?nodeId=${asset.id}`}>Impact analysis</Link> : null}
        </>} />
      <div className="grid gap-4 lg:grid-cols-3">
        <Card className="lg:col-span-2">
          <h2 className="font-semibold">About</h2>
          <p className="mt-1 text-sm text-slate-700">{asset.description || <span className="text-slate-400">No description yet.</span>}</p>
          <dl className="mt-3 grid grid-cols-2 gap-2 text-sm">
            <dt className="text-slate-500">Owner team</dt><dd>{asset.ownerTeamName ?? "Unowned (first seen through lineage)"}</dd>
            <dt className="text-slate-500">Tags</dt><dd className="flex flex-wrap gap-1">{asset.tags.length ? asset.tags.map((t) => <Badge key={t}>{t}</Badge>) : "—"}</dd>
          </dl>
        </Card>
        <Card>
          <h2 className="font-semibold">Use cases served</h2>
          {useCases.length === 0 ? <p className="mt-1 text-sm text-slate-500">Not linked to a use case.</p> : (
            <ul className="mt-2 space-y-1 text-sm">
              {useCases.map((u) => <li key={u.id}><Link className="text-brand-700 hover:underline" href={`/use-cases/${u.id}`}>{u.name ?? u.id}</Link> {u.riskTier ? <Badge tone={u.riskTier === "high" || u.riskTier === "prohibited" ? "danger" : "neutral"}>{u.riskTier} risk</Badge> : null}</li>)}
            </ul>
          )}
        </Card>
      </div>

      {asset.kind !== "job" && asset.kind !== "deployment" ? (
        <section aria-labelledby="versions" className="mt-6">
          <h2 id="versions" className="mb-2 text-lg font-semibold">Versions</h2>
          {versions.length === 0 ? <EmptyState title="No versions yet">CI registers versions through POST /api/v1/assets/{"{id}"}/versions; lineage events add them too.</EmptyState> : (
            <Table>
              <thead><tr><Th>Version</Th><Th>{isData ? "lakeFS location" : "Data commits"}</Th><Th>{isData ? "Columns" : "Code"}</Th><Th>Recorded</Th><Th><span className="sr-only">Open</span></Th></tr></thead>
              <tbody className="divide-y divide-slate-100">
                {versions.map((v) => (
                  <tr key={v.id}>
                    <Td className="font-mono text-xs">{v.version.length > 20 ? `${v.version.slice(0, 12)}…` : v.version}</Td>
                    <Td className="font-mono text-xs">{isData ? (v.lakefs ? `${v.lakefs.repository}@${v.lakefs.commitId ? v.lakefs.commitId.slice(0, 12) : `${v.lakefs.ref} (branch head)`}` : "—") : v.inputs.map((i) => `${i.name}@${(i.lakefsCommitId ?? i.lakefsRef ?? i.version).slice(0, 12)}`).join(", ") || "—"}</Td>
                    <Td className="text-xs">{isData ? v.schema.length : v.code?.commitSha?.slice(0, 10) ?? "—"}</Td>
                    <Td className="text-xs">{fmt(v.createdAt)}</Td>
                    <Td><Link className="text-sm text-brand-700 hover:underline" href={`/catalog/${asset.id}/versions/${v.id}`}>{isData ? "Details" : "Reproducibility"}</Link></Td>
                  </tr>
                ))}
              </tbody>
            </Table>
          )}
          {isData && versions.length > 1 ? <SchemaDiff assetId={asset.id} versions={versions} from={sp.from} to={sp.to} /> : null}
        </section>
      ) : null}

      {deployments.length ? (
        <section aria-labelledby="deployments" className="mt-6">
          <h2 id="deployments" className="mb-2 text-lg font-semibold">Deployments</h2>
          <Table>
            <thead><tr><Th>Environment</Th><Th>Version</Th><Th>Status</Th><Th>Since</Th><Th>Until</Th><Th>Promotion</Th></tr></thead>
            <tbody className="divide-y divide-slate-100">
              {deployments.map((d) => (
                <tr key={d.id}>
                  <Td><Badge tone={d.environment === "prod" ? "danger" : d.environment === "staging" ? "warning" : "neutral"}>{d.environment}</Badge></Td>
                  <Td><Link className="text-brand-700 hover:underline" href={`/catalog/${d.modelVersion.assetId}/versions/${d.modelVersion.id}`}>v{d.modelVersion.version}</Link></Td>
                  <Td>{d.status === "active" ? <Badge tone="success">active</Badge> : <Badge>retired</Badge>}</Td>
                  <Td className="text-xs">{fmt(d.deployedAt)}</Td><Td className="text-xs">{fmt(d.retiredAt)}</Td>
                  <Td className="font-mono text-xs">{d.promotionId ? <Link className="text-brand-700 hover:underline" href={`/promotions/${d.promotionId}`}>{d.promotionId.slice(0, 8)}</Link> : "—"}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
        </section>
      ) : null}

      <section aria-labelledby="runs" className="mt-6">
        <h2 id="runs" className="mb-2 text-lg font-semibold">Runs</h2>
        {runs.length === 0 ? <EmptyState title="No runs recorded">Runs arrive as OpenLineage events on POST /api/v1/lineage.</EmptyState> : (
          <Table>
            <thead><tr><Th>Run</Th><Th>Job</Th><Th>State</Th><Th>Started</Th><Th>Ended</Th><Th>Engine / error</Th></tr></thead>
            <tbody className="divide-y divide-slate-100">
              {runs.map((r) => {
                const err = r.facets.find((f) => f.key === "errorMessage")?.value as { message?: string } | undefined;
                const eng = r.facets.find((f) => f.key === "processing_engine")?.value as { name?: string; version?: string } | undefined;
                return (
                  <tr key={r.id}>
                    <Td className="font-mono text-xs">{r.id.slice(0, 8)}{r.parentRunId ? <span className="text-slate-400"> ↑{r.parentRunId.slice(0, 8)}</span> : null}</Td>
                    <Td><Link className="text-brand-700 hover:underline" href={`/catalog/${r.job.id}`}>{r.job.name}</Link></Td>
                    <Td><Badge tone={r.state === "completed" ? "success" : r.state === "failed" || r.state === "aborted" ? "danger" : "info"}>{r.state}</Badge></Td>
                    <Td className="text-xs">{fmt(r.startedAt)}</Td><Td className="text-xs">{fmt(r.endedAt)}</Td>
                    <Td className="text-xs">{err?.message ? <span className="text-red-700">{err.message}</span> : eng ? `${eng.name ?? ""} ${eng.version ?? ""}` : "—"}</Td>
                  </tr>
                );
              })}
            </tbody>
          </Table>
        )}
      </section>

      {facets.length ? (
        <details className="mt-6 rounded-lg border border-slate-200 bg-white p-4">
          <summary className="cursor-pointer font-semibold">Facets ({facets.length}), as the producers sent them</summary>
          <ul className="mt-2 space-y-2">{facets.map((f) => <li key={f.key}><p className="text-sm font-medium">{f.key} <span className="text-xs text-slate-500">{fmt(f.eventTime)}</span></p><pre className="mt-1 max-h-48 overflow-auto rounded bg-slate-50 p-2 text-xs">{JSON.stringify(f.value, null, 2)}</pre></li>)}</ul>
        </details>
      ) : null}
    </>
  );
}
