import Link from "next/link";
import { Button } from "@/components/ui/button";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/states";
import { Table, Td, Th } from "@/components/ui/table";
import type { Matrix, MatrixQuery } from "@/lib/promotions/matrix";

const control = "ml-1 rounded border px-2 py-1";

/** The URL of the delivery page with these matrix filters (and the rest of the page's query kept). */
export function matrixHref(keep: Record<string, string | undefined>, f: { team?: string; q?: string; drift?: string; cursor?: string }): string {
  const params = new URLSearchParams(Object.entries({ ...keep, ...f }).filter((e): e is [string, string] => !!e[1] && !(e[0] === "drift" && e[1] === "all")));
  return `/delivery?${params}#matrix-h`;
}

/** Filters (a GET form: works without script, keyboard and screen reader alike), the matrix, and keyset paging by model name. */
export function DeliveryMatrix({ matrix, filters, teams, keep, error }: { matrix: Matrix | null; filters: Partial<MatrixQuery>; teams: { id: string; name: string }[]; keep: Record<string, string | undefined>; error: string | null }) {
  const filtered = !!(filters.team || filters.q || filters.drift === "only");
  return (
    <>
      <form className="mb-3 flex flex-wrap items-end gap-2" method="get" action="/delivery#matrix-h" aria-label="Filter the environment matrix">
        {Object.entries(keep).map(([k, v]) => (v ? <input key={k} type="hidden" name={k} value={v} /> : null))}
        <label className="text-sm">Model name <input className={control} type="search" name="q" defaultValue={filters.q ?? ""} maxLength={200} /></label>
        {teams.length ? (
          <label className="text-sm">Team <select className={control} name="team" defaultValue={filters.team ?? ""}><option value="">All teams</option>{teams.map((t) => <option key={t.id} value={t.id}>{t.name}</option>)}</select></label>
        ) : null}
        <label className="inline-flex items-center gap-1 text-sm"><input type="checkbox" name="drift" value="only" defaultChecked={filters.drift === "only"} /> Drift only</label>
        <Button type="submit" variant="secondary">Filter</Button>
        {filtered ? <Link className="text-sm underline" href={matrixHref(keep, {})}>Clear filters</Link> : null}
      </form>
      {error ? <p role="alert" className="mb-2 text-sm text-red-700">{error}</p> : null}
      {!matrix ? null : matrix.rows.length ? (
        <Table data-testid="environment-matrix" aria-label="Environment matrix">
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
      ) : filtered || filters.cursor ? <EmptyState title="No deployed model matches these filters" /> : <EmptyState title="Nothing is deployed yet" />}
      <nav aria-label="Matrix pages" className="mt-2 flex gap-4 text-sm">
        {filters.cursor ? <Link className="underline" href={matrixHref(keep, { ...filters, cursor: undefined })}>First page</Link> : null}
        {matrix?.nextCursor ? <Link className="underline" href={matrixHref(keep, { ...filters, cursor: matrix.nextCursor })}>Next models</Link> : null}
      </nav>
    </>
  );
}
