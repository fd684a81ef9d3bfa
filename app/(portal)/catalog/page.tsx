import Link from "next/link";
import { Suspense } from "react";
import { PageHeader } from "@/components/ui/card";
import { EmptyState, ErrorState } from "@/components/ui/states";
import { Table, Td, Th } from "@/components/ui/table";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/field";
import { KindBadge } from "@/components/catalog/kind-badge";
import { FacetPanel, FacetPanelLoading } from "@/components/catalog/facet-panel";
import { currentActor } from "@/lib/auth/session-actor";
import { searchAssets } from "@/lib/catalog/search";
import { assetFacets } from "@/lib/catalog/facets";
import { searchAssetsQuery } from "@/lib/catalog/schemas";

type Params = Record<string, string | string[] | undefined>;

export default async function CatalogPage({ searchParams }: { searchParams: Promise<Params> }) {
  const actor = (await currentActor())!;
  const raw = Object.fromEntries(Object.entries(await searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]).filter(([, v]) => v));
  const parsed = searchAssetsQuery.safeParse(raw);
  if (!parsed.success) return <ErrorState error={new Error("The search filters are not valid; clear them and try again.")} />;
  // The counts are asked at the same time as the results but streamed in after them:
  // the list never waits for the counting.
  const facets = assetFacets(actor, parsed.data);
  facets.catch(() => undefined); // FacetPanel shows the failure; this only keeps it from being unhandled
  const result = await searchAssets(actor, parsed.data);
  const base = new URLSearchParams(raw as Record<string, string>);
  base.delete("cursor");
  const href = (change: Record<string, string | null>) => {
    const p = new URLSearchParams(base);
    for (const [k, v] of Object.entries(change)) (v === null ? p.delete(k) : p.set(k, v));
    return `/catalog?${p}`;
  };
  return (
    <>
      <PageHeader title="Catalog" description="Datasets, feature sets, models, jobs and deployments, with their versions and lineage." />
      <form role="search" action="/catalog" className="mb-6 flex gap-2">
        <label htmlFor="q" className="sr-only">Search the catalog</label>
        <Input id="q" name="q" defaultValue={parsed.data.q ?? ""} placeholder="Search names, descriptions, tags and columns" className="max-w-xl" />
        {["kind", "ownerTeamId", "tag", "namespace"].map((k) => (raw[k] ? <input key={k} type="hidden" name={k} value={raw[k] as string} /> : null))}
        <Button type="submit">Search</Button>
      </form>
      <div className="grid gap-6 lg:grid-cols-[16rem_1fr]">
        <aside aria-label="Filters">
          <Suspense fallback={<FacetPanelLoading />}>
            <FacetPanel facets={facets} href={href} active={{ kind: raw.kind, ownerTeamId: raw.ownerTeamId, tag: raw.tag, namespace: raw.namespace } as Record<string, string | undefined>} />
          </Suspense>
        </aside>
        <section aria-label="Results">
          {result.items.length === 0 ? (
            <EmptyState title="No assets match">Try fewer words, or clear a filter. Lineage events and CI registrations add assets here.</EmptyState>
          ) : (
            <Table>
              <thead><tr><Th>Name</Th><Th>Kind</Th><Th>Namespace</Th><Th>Owner</Th><Th>Tags</Th></tr></thead>
              <tbody className="divide-y divide-slate-100">
                {result.items.map((a) => (
                  <tr key={a.id}>
                    <Td><Link className="font-medium text-brand-700 hover:underline" href={`/catalog/${a.id}`}>{a.name}</Link>
                      {a.description ? <p className="mt-0.5 line-clamp-1 text-xs text-slate-500">{a.description}</p> : null}</Td>
                    <Td><KindBadge kind={a.kind} /></Td>
                    <Td className="font-mono text-xs">{a.namespace}</Td>
                    <Td>{a.ownerTeamName ?? <span className="text-slate-400">Unowned</span>}</Td>
                    <Td className="text-xs text-slate-600">{a.tags.join(", ")}</Td>
                  </tr>
                ))}
              </tbody>
            </Table>
          )}
          <nav aria-label="Pages" className="mt-4 flex gap-3">
            {raw.cursor ? <Link className="text-sm text-brand-700 hover:underline" href={href({})}>First page</Link> : null}
            {result.nextCursor ? <Link className="text-sm text-brand-700 hover:underline" href={href({ cursor: result.nextCursor })}>Next page</Link> : null}
          </nav>
        </section>
      </div>
    </>
  );
}
