import { FacetList } from "@/components/catalog/facet-list";
import type { AssetFacets } from "@/lib/catalog/schemas";

const fmt = new Intl.NumberFormat("en-US");
type Href = (c: Record<string, string | null>) => string;

/**
 * The filters beside the catalog's results. The page streams it in after the results
 * (facets are a separate, possibly slower question), so it awaits its own promise; a
 * failure to count leaves the results usable and says so here.
 */
export async function FacetPanel({ facets, active, href }: { facets: Promise<AssetFacets>; active: Record<string, string | undefined>; href: Href }) {
  let f: AssetFacets;
  try {
    f = await facets;
  } catch {
    return <p role="alert" className="text-sm text-red-700">The filter counts could not be loaded. The results are complete; reload the page to try the counts again.</p>;
  }
  return (
    <div className="space-y-5" data-testid="facet-panel">
      <p className="text-xs text-slate-500" role="note">
        {f.approximate
          ? <>Counts from the first {fmt.format(f.counted)} matches: more match, so each count is at least the number shown.</>
          : <>{fmt.format(f.counted)} {f.counted === 1 ? "asset" : "assets"} in all.</>}
      </p>
      <FacetList title="Kind" param="kind" items={f.kind} active={active.kind} href={href} lowerBound={f.approximate} />
      <FacetList title="Owner" param="ownerTeamId" items={f.owner} active={active.ownerTeamId} href={href} lowerBound={f.approximate} />
      <FacetList title="Tag" param="tag" items={f.tag} active={active.tag} href={href} lowerBound={f.approximate} />
      <FacetList title="Namespace" param="namespace" items={f.namespace} active={active.namespace} href={href} lowerBound={f.approximate} />
    </div>
  );
}

export function FacetPanelLoading() {
  return (
    <div role="status" aria-live="polite" className="space-y-2" data-testid="facet-panel-loading">
      <p className="text-xs text-slate-500">Counting matches…</p>
      {Array.from({ length: 6 }, (_, i) => <div key={i} className="h-5 animate-pulse rounded bg-slate-200" />)}
    </div>
  );
}
