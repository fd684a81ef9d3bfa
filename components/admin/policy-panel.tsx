"use client";
import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { formatDateTime } from "@/components/ui/format";
import { ErrorState, LoadingRows } from "@/components/ui/states";
import { Table, Td, Th } from "@/components/ui/table";
import { PolicyEditor } from "@/components/admin/policy-editor";
import { usePolicies } from "@/lib/client/use-policies";
import { approvalsSummary, dutiesSummary, gatesSummary } from "@/lib/environments/policy-summary";

/**
 * An environment's policy: the version in force, its history (each version with the promotions
 * it judged, which keep it), and for admins the form that publishes the next version.
 */
export function PolicyPanel({ envKey, envName, canManage }: { envKey: string; envName: string; canManage: boolean }) {
  const q = usePolicies(envKey);
  const [editing, setEditing] = useState(false);
  const [published, setPublished] = useState<number | null>(null);
  if (q.isPending) return <LoadingRows label={`Loading the policy of ${envName}`} rows={2} />;
  if (q.isError) return <ErrorState error={q.error} onRetry={() => void q.refetch()} />;
  const current = q.data[0];
  return (
    <div className="space-y-3">
      <p role="status" aria-live="polite" className="text-sm text-emerald-700">{published ? `Version ${published} published: new requests are judged by it; earlier ones keep their version.` : ""}</p>
      {current ? (
        <dl className="grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[10rem_1fr]">
          <dt className="text-slate-500">Policy in force</dt>
          <dd>Version {current.version}, published {formatDateTime(current.createdAt)}{current.publishedBy ? ` by ${current.publishedBy}` : ""}</dd>
          <dt className="text-slate-500">Approvals</dt><dd>{approvalsSummary(current)}</dd>
          <dt className="text-slate-500">Separation of duties</dt><dd>{dutiesSummary(current)}</dd>
          <dt className="text-slate-500">Strategies</dt><dd>{current.allowedStrategies.join(", ")}</dd>
          <dt className="text-slate-500">Rollback</dt><dd>{current.rollbackApprovals === 0 ? "No approval needed" : `${current.rollbackApprovals} approval(s)`}</dd>
          <dt className="text-slate-500">Gates</dt><dd>{gatesSummary(current)}</dd>
        </dl>
      ) : (
        <p className="text-sm text-red-700">No policy published: promotions to {envName} are refused until one is.</p>
      )}
      {canManage && !editing ? <Button variant="secondary" onClick={() => (setPublished(null), setEditing(true))}>Publish a new version</Button> : null}
      {editing ? (
        <div className="rounded-lg border border-brand-100 bg-slate-50 p-4">
          <h3 className="mb-3 font-semibold">New version of the {envName} policy</h3>
          <PolicyEditor envKey={envKey} envName={envName} current={current ?? null} onDone={(v) => (setEditing(false), setPublished(v || null))} />
        </div>
      ) : null}
      {q.data.length ? (
        <details className="text-sm">
          <summary className="cursor-pointer font-medium text-slate-700">Version history ({q.data.length})</summary>
          <Table aria-label={`Policy versions of ${envName}`} className="mt-2">
            <thead>
              <tr><Th>Version</Th><Th>Published</Th><Th>Change</Th><Th>Rules</Th><Th className="text-right">Promotions judged</Th></tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {q.data.map((p, i) => (
                <tr key={p.id}>
                  <Td>v{p.version} {i === 0 ? <Badge tone="success">in force</Badge> : null}</Td>
                  <Td>{formatDateTime(p.createdAt)}{p.publishedBy ? <span className="block text-xs text-slate-500">{p.publishedBy}</span> : null}</Td>
                  <Td>{p.changeNote || <span className="text-slate-400">—</span>}</Td>
                  <Td className="max-w-xl text-xs text-slate-600">{approvalsSummary(p)}. {dutiesSummary(p)}. Strategies: {p.allowedStrategies.join(", ")}. Gates: {gatesSummary(p)}.</Td>
                  <Td className="text-right tabular-nums">{p.promotions}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
        </details>
      ) : null}
    </div>
  );
}
