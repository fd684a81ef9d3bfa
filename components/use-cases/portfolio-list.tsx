"use client";
import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { EmptyState, ErrorState, LoadingRows } from "@/components/ui/states";
import { Table, Td, Th } from "@/components/ui/table";
import { formatKeur, StateBadge, TierBadge } from "@/components/use-cases/badges";
import { PortfolioFilters } from "@/components/use-cases/portfolio-filters";
import { qs } from "@/lib/client/api";
import { useUseCases, type UseCaseFilters } from "@/lib/client/use-cases";

const KEYS = ["q", "state", "tier", "teamId", "valueType", "reviewerId", "sort"] as const;

export function PortfolioList() {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const filters: UseCaseFilters = Object.fromEntries(KEYS.map((k) => [k, params.get(k) ?? undefined]).filter(([, v]) => v));
  const list = useUseCases(filters);
  const setFilters = (f: UseCaseFilters) => router.replace(`${pathname}${qs(f)}`, { scroll: false });
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <>
      <PortfolioFilters key={params.toString()} value={filters} onChange={setFilters} />
      <div className="mb-2 flex items-center justify-between text-sm text-slate-600">
        <span aria-live="polite">{list.isSuccess ? `${items.length}${list.hasNextPage ? "+" : ""} use cases` : ""}</span>
        <a className="font-medium text-brand-700 hover:underline" href={`/api/v1/use-cases/export${qs(filters)}`} download>
          Export CSV
        </a>
      </div>
      {list.isPending ? (
        <LoadingRows label="Loading use cases" />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => list.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState title="No use cases match">Change or clear the filters{filters.q ? ", or search for other words" : ""}.</EmptyState>
      ) : (
        <Table>
          <caption className="sr-only">Use cases, sorted by {filters.sort === "newest" ? "date" : "priority"}</caption>
          <thead>
            <tr><Th>Use case</Th><Th>Team</Th><Th>State</Th><Th>Risk</Th><Th>Value / yr</Th><Th className="text-right">Priority</Th></tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {items.map((u) => (
              <tr key={u.id} data-testid="use-case-row">
                <Td>
                  <Link href={`/use-cases/${u.id}`} className="font-medium text-brand-700 hover:underline">{u.title}</Link>
                  <div className="text-xs text-slate-500">{u.ownerName}</div>
                </Td>
                <Td>{u.teamName}</Td>
                <Td><StateBadge state={u.state} /></Td>
                <Td><TierBadge tier={u.tier} /></Td>
                <Td>{u.valueLow === null ? "—" : `${formatKeur(u.valueLow)}–${formatKeur(u.valueHigh)}`}</Td>
                <Td className="text-right tabular-nums">
                  {u.priority === null ? <span className="text-slate-400">not scored</span> : u.priority.toFixed(1)}
                  {u.disagreement ? <Badge tone="warning" className="ml-2">disagreement</Badge> : null}
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      {list.hasNextPage ? (
        <div className="mt-4 text-center">
          <Button variant="secondary" onClick={() => list.fetchNextPage()} disabled={list.isFetchingNextPage}>
            {list.isFetchingNextPage ? "Loading…" : "Load more"}
          </Button>
        </div>
      ) : null}
    </>
  );
}
