"use client";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { Fragment, useState } from "react";
import { AuditDiff } from "@/components/audit/audit-diff";
import { AuditFiltersForm } from "@/components/audit/audit-filters";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { formatDateTime } from "@/components/ui/format";
import { EmptyState, ErrorState, LoadingRows } from "@/components/ui/states";
import { Table, Td, Th } from "@/components/ui/table";
import { useAuditEvents, type AuditFilters } from "@/lib/client/use-audit";

const KEYS = ["actor", "entityType", "entityId", "action", "from", "to"] as const;

/** The filters live in the URL, so a filtered view can be linked and survives a reload. */
export function AuditLog() {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const filters: AuditFilters = Object.fromEntries(KEYS.flatMap((k) => (params.get(k) ? [[k, params.get(k)!]] : [])));
  const events = useAuditEvents(filters);
  const [open, setOpen] = useState<string | null>(null);
  const rows = events.data?.pages.flatMap((p) => p.items) ?? [];
  const filtered = Object.keys(filters).length > 0;

  const apply = (f: AuditFilters) => {
    const next = new URLSearchParams();
    for (const k of KEYS) if (f[k]) next.set(k, f[k]!);
    router.replace(next.size ? `${pathname}?${next}` : pathname);
  };

  return (
    <div className="space-y-4">
      <AuditFiltersForm key={params.toString()} value={filters} onApply={apply} />
      {events.isLoading ? (
        <LoadingRows label="Loading audit events" rows={6} />
      ) : events.isError ? (
        <ErrorState error={events.error} onRetry={() => void events.refetch()} />
      ) : rows.length === 0 ? (
        <EmptyState title={filtered ? "No events match these filters" : "No audit events yet"}>
          {filtered ? "Widen the time range or clear a filter." : "Every change made in the portal will appear here."}
        </EmptyState>
      ) : (
        <Table aria-label="Audit events">
          <thead>
            <tr>
              <Th className="w-44">Time</Th>
              <Th>Action</Th>
              <Th>Actor</Th>
              <Th>Entity</Th>
              <Th className="text-right"><span className="sr-only">Details</span></Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {rows.map((e) => {
              const expanded = open === e.seq;
              return (
                <Fragment key={e.seq}>
                  <tr data-testid="audit-row" data-action={e.action}>
                    <Td className="whitespace-nowrap text-slate-600">{formatDateTime(e.createdAt)}</Td>
                    <Td><code className="text-xs font-semibold text-slate-900">{e.action}</code></Td>
                    <Td>
                      <span className="text-slate-800">{e.actorLabel}</span>
                      {e.actorType !== "user" ? <Badge className="ml-2">{e.actorType}</Badge> : null}
                    </Td>
                    <Td>
                      <span className="text-slate-500">{e.entityType}</span> <code className="break-all text-xs">{e.entityId}</code>
                    </Td>
                    <Td className="text-right">
                      <Button variant="ghost" size="sm" aria-expanded={expanded} aria-controls={`audit-${e.seq}`} onClick={() => setOpen(expanded ? null : e.seq)}>
                        {expanded ? "Hide" : "Details"}
                        <span className="sr-only"> of event {e.seq}</span>
                      </Button>
                    </Td>
                  </tr>
                  {expanded ? (
                    <tr id={`audit-${e.seq}`} className="bg-slate-50">
                      <td colSpan={5} className="px-3 py-3">
                        <div className="grid gap-4 lg:grid-cols-[2fr_1fr]">
                          <AuditDiff diff={e.diff} />
                          <dl className="grid content-start grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-xs">
                            <dt className="text-slate-500">Event</dt>
                            <dd className="font-mono">#{e.seq}</dd>
                            <dt className="text-slate-500">Request id</dt>
                            <dd className="break-all font-mono">{e.requestId ?? "—"}</dd>
                            <dt className="text-slate-500">Hash</dt>
                            <dd className="break-all font-mono" title="SHA-256 over this event and the previous event's hash">{e.hash}</dd>
                          </dl>
                        </div>
                      </td>
                    </tr>
                  ) : null}
                </Fragment>
              );
            })}
          </tbody>
        </Table>
      )}
      {events.hasNextPage ? (
        <div className="flex justify-center">
          <Button variant="secondary" onClick={() => void events.fetchNextPage()} disabled={events.isFetchingNextPage}>
            {events.isFetchingNextPage ? "Loading…" : "Load more"}
          </Button>
        </div>
      ) : rows.length > 0 ? (
        <p className="text-center text-xs text-slate-500">End of the log{filtered ? " for these filters" : ""}.</p>
      ) : null}
    </div>
  );
}
