"use client";
import Link from "next/link";
import type { ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ErrorState } from "@/components/ui/states";
import { Table, Td, Th } from "@/components/ui/table";
import { KindBadge } from "@/components/catalog/kind-badge";
import { useImpactList, type ImpactQuestion } from "@/lib/client/use-impact";
import type { Impact } from "@/lib/lineage/impact-schemas";

const ENV_TONE = { prod: "danger", staging: "warning" } as Record<string, "danger" | "warning">;

/** "Load more", its loading and error states, and where the list ends. */
type Paging = { isFetchNextPageError: boolean; error: unknown; hasNextPage: boolean; isFetchingNextPage: boolean; fetchNextPage: () => Promise<unknown> };

function More({ q, shown, total, what }: { q: Paging & { data: { pages: unknown[] } }; shown: number; total: number; what: string }) {
  return (
    <div className="mt-2 text-sm">
      {q.isFetchNextPageError ? <ErrorState error={q.error} onRetry={() => void q.fetchNextPage()} /> : null}
      {q.hasNextPage ? (
        <Button variant="secondary" size="sm" onClick={() => void q.fetchNextPage()} disabled={q.isFetchingNextPage} aria-label={`Load more ${what}`}>
          {q.isFetchingNextPage ? "Loading…" : `Load more (${shown} of ${total})`}
        </Button>
      ) : q.data.pages.length > 1 ? <p className="text-xs text-slate-500">All {shown} shown.</p> : null}
    </div>
  );
}

export function DeploymentList({ question, first, total }: { question: ImpactQuestion; first: Impact["deployments"]; total: number }) {
  const q = useImpactList(question, "deployments", first);
  const items = q.data.pages.flatMap((p) => p.items);
  if (items.length === 0) return <p className="mt-1 text-sm text-slate-500">No active deployment is downstream.</p>;
  // Pages come ordered by environment, so each environment's deployments are contiguous.
  const groups: [string, typeof items][] = [];
  for (const d of items) {
    if (groups.at(-1)?.[0] === d.environment) groups.at(-1)![1].push(d);
    else groups.push([d.environment, [d]]);
  }
  return (
    <>
      {groups.map(([env, list], i) => (
        <div key={`${env}-${i}`} className="mt-2"><Badge tone={ENV_TONE[env] ?? "neutral"}>{env}</Badge>
          <ul className="ml-1 mt-1 text-sm">{list.map((d) => <li key={d.deploymentId}>{d.modelName} v{d.version}</li>)}</ul></div>
      ))}
      <More q={q} shown={items.length} total={total} what="deployments" />
    </>
  );
}

export function UseCaseList({ question, first, total }: { question: ImpactQuestion; first: Impact["useCases"]; total: number }) {
  const q = useImpactList(question, "useCases", first);
  const items = q.data.pages.flatMap((p) => p.items);
  if (items.length === 0) return <p className="mt-1 text-sm text-slate-500">No linked use case downstream.</p>;
  return (
    <>
      <ul className="mt-2 space-y-1 text-sm">{items.map((u) => <li key={u.useCaseId}><Link className="text-brand-700 hover:underline" href={`/use-cases/${u.useCaseId}`}>{u.name ?? u.useCaseId}</Link> {u.riskTier ? <Badge tone={u.riskTier === "high" ? "danger" : "neutral"}>{u.riskTier} risk</Badge> : null}</li>)}</ul>
      <More q={q} shown={items.length} total={total} what="use cases" />
    </>
  );
}

export function ModelVersionList({ question, first, total }: { question: ImpactQuestion; first: Impact["modelVersions"]; total: number }) {
  const q = useImpactList(question, "modelVersions", first);
  const items = q.data.pages.flatMap((p) => p.items);
  if (items.length === 0) return <p className="mt-1 text-sm text-slate-500">None.</p>;
  return (
    <>
      <ul className="mt-2 space-y-1 text-sm">{items.map((m) => <li key={m.modelVersionId}><Link className="text-brand-700 hover:underline" href={`/catalog/${m.assetId}/versions/${m.modelVersionId}`}>{m.modelName} v{m.version}</Link> <span className="text-slate-500">({m.ownerTeamName ?? "unowned"})</span></li>)}</ul>
      <More q={q} shown={items.length} total={total} what="model versions" />
    </>
  );
}

export function AssetList({ question, first, total, empty }: { question: ImpactQuestion; first: Impact["assets"]; total: number; empty: ReactNode }) {
  const q = useImpactList(question, "assets", first);
  const items = q.data.pages.flatMap((p) => p.items);
  if (items.length === 0) return <>{empty}</>;
  return (
    <>
      <Table aria-label="Downstream assets">
        <thead><tr><Th>Name</Th><Th>Kind</Th><Th>Hops</Th><Th>Columns</Th><Th>Owner</Th></tr></thead>
        <tbody className="divide-y divide-slate-100">
          {items.map((a) => (
            <tr key={a.assetId}>
              <Td><Link className="text-brand-700 hover:underline" href={`/catalog/${a.assetId}`}>{a.name}</Link><p className="font-mono text-xs text-slate-500">{a.namespace}</p></Td>
              <Td><KindBadge kind={a.kind} /></Td><Td>{a.depth}</Td><Td className="font-mono text-xs">{a.columns.join(", ") || "—"}</Td><Td>{a.ownerTeamName ?? "—"}</Td>
            </tr>
          ))}
        </tbody>
      </Table>
      <More q={q} shown={items.length} total={total} what="downstream assets" />
    </>
  );
}
