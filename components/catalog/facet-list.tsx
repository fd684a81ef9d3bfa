import Link from "next/link";
import type { FacetCount } from "@/lib/catalog/schemas";
import { KIND_LABEL } from "@/components/catalog/kind-badge";

const fmt = new Intl.NumberFormat("en-US");

/**
 * One facet as links that add or remove its filter; counts are for the current search.
 * `lowerBound` marks counts taken over a sample of the matches ("412+").
 */
export function FacetList({ title, param, items, active, href, lowerBound = false }: {
  title: string; param: string; items: FacetCount[]; active?: string; href: (c: Record<string, string | null>) => string; lowerBound?: boolean;
}) {
  if (!items.length) return null;
  return (
    <div>
      <h2 className="mb-1 text-xs font-semibold uppercase tracking-wide text-slate-500">{title}</h2>
      <ul className="space-y-0.5 text-sm">
        {items.map((f) => {
          const on = active === f.value;
          const count = `${fmt.format(f.count)}${lowerBound ? "+" : ""}`;
          return (
            <li key={f.value}>
              <Link aria-current={on ? "true" : undefined} href={href({ [param]: on ? null : f.value })}
                className={on ? "font-semibold text-brand-700" : "text-slate-700 hover:text-brand-700"}>
                {param === "kind" ? KIND_LABEL[f.label] ?? f.label : f.label} <span className="text-slate-400">({count})</span>{on ? " ✕" : ""}
              </Link>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
