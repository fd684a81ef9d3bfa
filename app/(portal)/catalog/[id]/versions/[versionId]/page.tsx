import { Suspense } from "react";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Card, PageHeader } from "@/components/ui/card";
import { Badge } from "@/components/ui/badge";
import { Table, Td, Th } from "@/components/ui/table";
import { currentActor } from "@/lib/auth/session-actor";
import { versionDetail } from "@/lib/catalog/detail";
import { isAppError } from "@/lib/errors";
import type { SchemaField } from "@/lib/catalog/schemas";
import { can } from "@/lib/policy/require";
import { LakefsCommitLoading, LakefsCommitPanel } from "@/components/catalog/lakefs-commit-panel";
import { LineageRiskCard } from "@/components/catalog/lineage-risk-card";

const fmt = (d: Date | string | null | undefined) => (d ? new Date(d).toISOString().replace("T", " ").slice(0, 16) + " UTC" : "—");

export default async function VersionPage({ params }: { params: Promise<{ id: string; versionId: string }> }) {
  const actor = (await currentActor())!;
  const { id, versionId } = await params;
  const d = await versionDetail(actor, id, versionId).catch((e) => { if (isAppError(e) && e.code === "not_found") notFound(); throw e; });
  const { asset, version: v, run, reproducibility: repro, deployments, lineageRisk } = d;
  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-2 text-sm"><Link className="text-brand-700 hover:underline" href={`/catalog/${asset.id}`}>{asset.name}</Link> / version</nav>
      <PageHeader title={`${asset.name} · ${v.version.length > 24 ? v.version.slice(0, 16) + "…" : v.version}`} description={`Recorded ${fmt(v.createdAt)}`} />
      {repro ? (
        <Card aria-labelledby="repro">
          <div className="flex items-center justify-between">
            <h2 id="repro" className="text-lg font-semibold">Reproducibility</h2>
            {repro.reproducible ? <Badge tone="success">Reproducible</Badge> : <Badge tone="danger">Not reproducible</Badge>}
          </div>
          <Table className="mt-3">
            <thead><tr><Th>What</Th><Th>Pinned to</Th><Th>Status</Th></tr></thead>
            <tbody className="divide-y divide-slate-100">
              {repro.items.map((i) => (
                <tr key={i.what}>
                  <Td>{i.what}</Td>
                  <Td className="break-all font-mono text-xs">{i.value ?? "—"}</Td>
                  <Td><Badge tone={i.pinned ? "success" : "danger"}>{i.pinned ? "pinned" : "not pinned"}</Badge><p className="mt-1 text-xs text-slate-600">{i.why}</p></Td>
                </tr>
              ))}
            </tbody>
          </Table>
          <div className="mt-4 grid gap-4 sm:grid-cols-2">
            <div><h3 className="text-sm font-semibold">Parameters</h3><pre className="mt-1 overflow-auto rounded bg-slate-50 p-2 text-xs">{JSON.stringify(v.params, null, 2)}</pre></div>
            <div><h3 className="text-sm font-semibold">Metrics</h3><pre className="mt-1 overflow-auto rounded bg-slate-50 p-2 text-xs">{JSON.stringify(v.metrics, null, 2)}</pre></div>
          </div>
          {v.mlflow ? <p className="mt-3 text-sm">MLflow: <span className="font-mono">{v.mlflow.name}</span> version <span className="font-mono">{v.mlflow.version}</span></p> : null}
          {v.inputs.length ? (
            <p className="mt-2 text-sm">Inputs: {v.inputs.map((i) => <Link key={i.datasetVersionId} className="mr-2 text-brand-700 hover:underline" href={`/catalog/${i.assetId}/versions/${i.datasetVersionId}`}>{i.name}</Link>)}</p>
          ) : null}
          {deployments.length ? <p className="mt-2 text-sm">Deployed: {deployments.map((x) => <Badge key={x.id} tone={x.status === "active" ? "success" : "neutral"} className="mr-1">{x.environment} {x.status === "active" ? "(active)" : `(until retired)`}</Badge>)}</p> : null}
        </Card>
      ) : (
        <Card aria-labelledby="commit">
          <h2 id="commit" className="text-lg font-semibold">lakeFS commit</h2>
          {v.lakefs ? (
            <dl className="mt-2 grid grid-cols-[10rem_1fr] gap-1 text-sm">
              <dt className="text-slate-500">Repository</dt><dd className="font-mono">{v.lakefs.repository}</dd>
              <dt className="text-slate-500">Ref</dt><dd className="font-mono">{v.lakefs.ref}</dd>
              <dt className="text-slate-500">Commit</dt><dd className="break-all font-mono">{v.lakefs.commitId ?? <Badge tone="warning">branch head only: not pinned</Badge>}</dd>
              <dt className="text-slate-500">Path</dt><dd className="font-mono">{v.lakefs.path ?? "—"}</dd>
            </dl>
          ) : <p className="mt-1 text-sm text-slate-600">This version is not stored in lakeFS.</p>}
          <Suspense fallback={<LakefsCommitLoading />}>
            <LakefsCommitPanel actor={actor} assetId={asset.id} versionId={v.id} canConfigure={can(actor, "integration.manage")} />
          </Suspense>
          <h3 className="mt-4 font-semibold">Schema ({v.schema.length} columns)</h3>
          {v.schema.length ? (
            <Table className="mt-2">
              <thead><tr><Th>Column</Th><Th>Type</Th><Th>Description</Th></tr></thead>
              <tbody className="divide-y divide-slate-100">{(v.schema as SchemaField[]).map((f) => <tr key={f.name}><Td className="font-mono text-xs">{f.name}</Td><Td className="text-xs">{f.type ?? "—"}</Td><Td className="text-xs">{f.description ?? ""}</Td></tr>)}</tbody>
            </Table>
          ) : <p className="mt-1 text-sm text-slate-600">No schema is recorded for this version.</p>}
          {v.dataQuality ? <><h3 className="mt-4 font-semibold">Data quality</h3><pre className="mt-1 overflow-auto rounded bg-slate-50 p-2 text-xs">{JSON.stringify(v.dataQuality, null, 2)}</pre></> : null}
        </Card>
      )}
      {lineageRisk ? <LineageRiskCard risk={lineageRisk} /> : null}
      <Card className="mt-4">
        <h2 className="font-semibold">{repro ? "Training run" : "Produced by run"}</h2>
        {run ? <p className="mt-1 text-sm"><Link className="text-brand-700 hover:underline" href={`/catalog/${run.job.id}`}>{run.job.name}</Link> · run <span className="font-mono">{run.id.slice(0, 8)}</span> · <Badge>{run.state}</Badge> · {fmt(run.startedAt)} → {fmt(run.endedAt)}</p> : <p className="mt-1 text-sm text-slate-500">No run is recorded.</p>}
      </Card>
    </>
  );
}
