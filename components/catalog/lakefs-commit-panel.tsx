import type { ReactNode } from "react";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Table, Td, Th } from "@/components/ui/table";
import type { Actor } from "@/lib/policy/actor";
import { lakefsLiveView, type DiffView } from "@/lib/catalog/lakefs-live";

// The live part of a dataset version's page: what lakeFS says about the pinned commit and
// how it differs from the previous version's. Rendered inside <Suspense>, so the rest of
// the page never waits for lakeFS.

const ERROR_TITLE: Record<string, string> = {
  unreachable: "lakeFS unreachable", timeout: "lakeFS unreachable", server_error: "lakeFS unreachable",
  unauthorized: "lakeFS refused the credentials", forbidden: "lakeFS refused the credentials",
  not_found: "lakeFS does not have this commit", invalid_response: "lakeFS answered something unreadable",
};
const DIFF_TONE = { added: "success", removed: "danger", changed: "warning", conflict: "danger", prefix_changed: "warning" } as const;

function Section({ children }: { children: ReactNode }) {
  return <section aria-labelledby="lakefs-live" className="mt-4 rounded border border-slate-200 p-3"><h3 id="lakefs-live" className="font-semibold">From lakeFS</h3>{children}</section>;
}

export function LakefsCommitLoading() {
  return <Section><p role="status" aria-live="polite" className="mt-1 text-sm text-slate-600">Reading the commit and its diff from lakeFS…</p></Section>;
}

function Diff({ diff, previous }: { diff: DiffView; previous: { commitId: string } | null }) {
  if (diff.state === "none") return <p className="mt-1 text-sm text-slate-600">{diff.reason}</p>;
  if (diff.state === "error") return <div role="alert" className="mt-1 text-sm text-red-800"><p className="font-medium">The diff could not be read.</p><p>{diff.message}</p></div>;
  if (diff.entries.length === 0) return <p className="mt-1 text-sm text-slate-600">No object{diff.prefix ? ` under ${diff.prefix}` : ""} changed since commit <span className="font-mono">{previous?.commitId.slice(0, 12)}</span>.</p>;
  return (
    <>
      <Table className="mt-2">
        <caption className="sr-only">Objects changed since the previous version</caption>
        <thead><tr><Th>Change</Th><Th>Path</Th><Th>Size</Th></tr></thead>
        <tbody className="divide-y divide-slate-100">
          {diff.entries.map((d) => (
            <tr key={`${d.type}:${d.path}`}>
              <Td><Badge tone={DIFF_TONE[d.type as keyof typeof DIFF_TONE] ?? "neutral"}>{d.type}</Badge></Td>
              <Td className="break-all font-mono text-xs">{d.path}</Td>
              <Td className="text-xs">{typeof d.sizeBytes === "number" && d.sizeBytes >= 0 ? `${d.sizeBytes.toLocaleString("en")} B` : "—"}</Td>
            </tr>
          ))}
        </tbody>
      </Table>
      {diff.hasMore ? <p className="mt-1 text-xs text-slate-500">Showing the first {diff.entries.length} changes; lakeFS has more.</p> : null}
    </>
  );
}

export async function LakefsCommitPanel({ actor, assetId, versionId, canConfigure }: { actor: Actor; assetId: string; versionId: string; canConfigure: boolean }) {
  const view = await lakefsLiveView(actor, assetId, versionId);
  if (view.state === "not_in_lakefs" || view.state === "not_pinned") return null; // the pin card above already says so
  if (view.state === "not_configured") {
    return (
      <Section>
        <p className="mt-1 text-sm text-slate-700">No lakeFS integration is configured, so the commit message, author and diff cannot be read.</p>
        <p className="mt-1 text-xs text-slate-500">{canConfigure ? <>Add one on the <Link className="text-brand-700 underline" href="/admin/environments">environments page</Link>.</> : "An admin can add one for any environment."}</p>
      </Section>
    );
  }
  if (view.state === "error") {
    return (
      <Section>
        <div role="alert" className="mt-1 rounded border border-red-200 bg-red-50 p-3 text-sm text-red-800">
          <p className="font-medium">{ERROR_TITLE[view.kind] ?? "lakeFS could not be read"}</p>
          <p className="mt-1">{view.message}</p>
          <p className="mt-1 text-xs">Endpoint {view.endpoint}; commit <span className="font-mono">{view.commitId.slice(0, 12)}</span> in {view.repository}. Reload the page to try again.</p>
        </div>
      </Section>
    );
  }
  const { commit } = view;
  const meta = Object.entries(commit.metadata);
  return (
    <Section>
      <dl className="mt-2 grid grid-cols-[10rem_1fr] gap-1 text-sm">
        <dt className="text-slate-500">Message</dt><dd>{commit.message || <span className="text-slate-500">(empty)</span>}</dd>
        <dt className="text-slate-500">Author</dt><dd>{commit.committer || "—"}</dd>
        <dt className="text-slate-500">Time</dt><dd>{commit.createdAt ? commit.createdAt.replace("T", " ").slice(0, 19) + " UTC" : <span className="text-slate-500">unknown (lakeFS sent no valid time)</span>}</dd>
        <dt className="text-slate-500">Metadata</dt>
        <dd>{meta.length ? <ul className="font-mono text-xs">{meta.map(([k, v]) => <li key={k}>{k} = {v}</li>)}</ul> : <span className="text-slate-500">none</span>}</dd>
      </dl>
      <h4 className="mt-3 text-sm font-semibold">
        Changes since the previous version{view.previous ? <> (<Link className="text-brand-700 hover:underline" href={`/catalog/${assetId}/versions/${view.previous.versionId}`}>{view.previous.version.length > 16 ? view.previous.version.slice(0, 12) + "…" : view.previous.version}</Link>)</> : null}
      </h4>
      <Diff diff={view.diff} previous={view.previous} />
      <p className="mt-2 text-xs text-slate-500">Read live from {view.endpoint} (the lakeFS integration of the {view.environment} environment).</p>
    </Section>
  );
}
