import Link from "next/link";
import { notFound } from "next/navigation";
import { Card, PageHeader } from "@/components/ui/card";
import { Badge } from "@/components/ui/badge";
import { EmptyState, ErrorState } from "@/components/ui/states";
import { KIND_LABEL } from "@/components/catalog/kind-badge";
import { AssetList, DeploymentList, ModelVersionList, UseCaseList } from "@/components/lineage/impact-lists";
import { currentActor } from "@/lib/auth/session-actor";
import { impactAnalysis } from "@/lib/lineage/impact";
import { impactQuery } from "@/lib/lineage/impact-schemas";
import { isAppError } from "@/lib/errors";

const ENV_TONE = { prod: "danger", staging: "warning" } as Record<string, "danger" | "warning">;
const n = (x: number) => x.toLocaleString("en-US");

export default async function ImpactPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const actor = (await currentActor())!;
  const sp = await searchParams;
  if (!sp.nodeId) return <EmptyState title="Pick a dataset">Open a dataset in the <Link className="text-brand-700 underline" href="/catalog?kind=dataset">catalog</Link> and choose “Impact analysis”.</EmptyState>;
  const q = impactQuery.safeParse({ ...sp, column: sp.column || undefined, format: "json" });
  if (!q.success) return <ErrorState error={new Error("The impact question is not valid: give a dataset and, optionally, one of its columns.")} />;
  const impact = await impactAnalysis(actor, q.data).catch((e) => { if (isAppError(e) && e.code === "not_found") notFound(); throw e; });
  const question = { nodeId: impact.root.assetId, column: q.data.column, depth: q.data.depth };
  const csv = new URLSearchParams({ nodeId: impact.root.assetId, depth: String(q.data.depth), ...(q.data.column ? { column: q.data.column } : {}), format: "csv" });
  const s = impact.summary;
  return (
    <>
      <PageHeader title={`Impact of ${impact.root.name}${impact.root.column ? `.${impact.root.column}` : ""}`}
        description="Everything downstream that may break if this changes: jobs, datasets, models, their versions and deployments, and the use cases they serve."
        actions={<>
          <Link className="rounded-md border border-slate-300 px-3 py-1.5 text-sm hover:bg-slate-50" href={`/catalog/${impact.root.assetId}`}>Back to asset</Link>
          <a className="rounded-md bg-brand-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-700" href={`/api/v1/lineage/impact?${csv}`} download>Export CSV (all rows)</a>
        </>} />
      <form action="/lineage/impact" className="mb-4 flex items-end gap-2 text-sm">
        <input type="hidden" name="nodeId" value={impact.root.assetId} />
        <label className="flex flex-col">Column (optional)<input name="column" defaultValue={impact.root.column ?? ""} className="rounded border border-slate-300 px-2 py-1" placeholder="e.g. revenue" /></label>
        <button type="submit" className="rounded-md border border-slate-300 px-3 py-1 hover:bg-slate-50">Analyse</button>
      </form>
      {impact.truncated ? (
        <p role="status" className="mb-3 rounded bg-amber-50 p-2 text-sm text-amber-800">
          More than {n(impact.nodeCap)} assets lie downstream. Counts and lists cover the {n(impact.nodeCap)} nearest; the CSV export walks further.
        </p>
      ) : null}
      <Card aria-labelledby="summary" className="mb-4">
        <h2 id="summary" className="font-semibold">Summary</h2>
        <dl className="mt-2 grid gap-3 text-sm sm:grid-cols-2 lg:grid-cols-4">
          <div><dt className="text-slate-500">Downstream assets</dt><dd className="text-lg font-semibold">{n(s.assets)}{impact.truncated ? "+" : ""}</dd>
            <dd className="text-xs text-slate-600">{s.assetsByKind.map((k) => `${n(k.count)} ${KIND_LABEL[k.kind] ?? k.kind}`).join(", ") || "—"}</dd></div>
          <div><dt className="text-slate-500">Model versions trained on affected data</dt><dd className="text-lg font-semibold">{n(s.modelVersions)}</dd></div>
          <div><dt className="text-slate-500">Active deployments</dt><dd className="text-lg font-semibold">{n(s.deployments)}</dd>
            <dd className="flex flex-wrap gap-1">{s.deploymentsByEnvironment.map((d) => <Badge key={d.environment} tone={ENV_TONE[d.environment] ?? "neutral"}>{d.environment}: {n(d.count)}</Badge>)}</dd></div>
          <div><dt className="text-slate-500">Use cases served</dt><dd className="text-lg font-semibold">{n(s.useCases)}</dd>
            <dd className="flex flex-wrap gap-1">{s.useCasesByRiskTier.map((t) => <Badge key={t.riskTier ?? "none"} tone={t.riskTier === "high" ? "danger" : "neutral"}>{t.riskTier ?? "no tier"}: {n(t.count)}</Badge>)}</dd></div>
        </dl>
      </Card>
      <div className="grid gap-4 lg:grid-cols-3">
        <Card aria-labelledby="deps">
          <h2 id="deps" className="font-semibold">Deployments by environment</h2>
          <DeploymentList question={question} first={impact.deployments} total={s.deployments} />
        </Card>
        <Card aria-labelledby="ucs">
          <h2 id="ucs" className="font-semibold">Use cases served</h2>
          <UseCaseList question={question} first={impact.useCases} total={s.useCases} />
        </Card>
        <Card aria-labelledby="mvs">
          <h2 id="mvs" className="font-semibold">Model versions trained on affected data</h2>
          <ModelVersionList question={question} first={impact.modelVersions} total={s.modelVersions} />
        </Card>
      </div>
      <h2 className="mb-2 mt-6 text-lg font-semibold">Downstream assets ({n(s.assets)}{impact.truncated ? "+" : ""})</h2>
      <AssetList question={question} first={impact.assets} total={s.assets}
        empty={<EmptyState title="Nothing downstream">No recorded lineage leads from here.</EmptyState>} />
    </>
  );
}
