"use client";
import Link from "next/link";
import { useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";
import type { DatasetPick } from "@/components/use-cases/intake-model";
import { useDatasetSearch } from "@/lib/client/use-cases";

/**
 * Links catalog datasets as the data a use case needs: search the catalog (its own
 * search API, datasets only), pick, remove. Plain buttons in lists, so it works by
 * keyboard and reads well to a screen reader without a custom combobox.
 */
export function DatasetPicker({ value, onChange, error }: { value: DatasetPick[]; onChange: (next: DatasetPick[]) => void; error?: string }) {
  const [text, setText] = useState("");
  const [q, setQ] = useState("");
  useEffect(() => {
    const t = setTimeout(() => setQ(text.trim()), 250);
    return () => clearTimeout(t);
  }, [text]);
  const found = useDatasetSearch(q);
  const linked = new Set(value.map((d) => d.id));

  return (
    <div className="space-y-2" data-testid="dataset-picker">
      <p className="text-sm font-medium text-slate-700">Catalog datasets</p>
      {value.length ? (
        <ul aria-label="Linked datasets" className="flex flex-wrap gap-2">
          {value.map((d) => (
            <li key={d.id} className="inline-flex items-center gap-1 rounded-full bg-brand-50 py-0.5 pl-3 pr-1 text-sm text-brand-800 ring-1 ring-brand-100">
              <Link href={`/catalog/${d.id}`} target="_blank" className="hover:underline" title={d.namespace}>{d.name}</Link>
              <button type="button" onClick={() => onChange(value.filter((x) => x.id !== d.id))} aria-label={`Remove ${d.name}`}
                className="rounded-full px-1.5 text-brand-700 hover:bg-brand-100 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-500">×</button>
            </li>
          ))}
        </ul>
      ) : <p className="text-xs text-slate-500">None linked yet.</p>}
      <Field label="Find a catalog dataset" hint="Search by name, description, tag or column; link the ones this use case needs" error={error}>
        {(a) => <Input {...a} type="search" value={text} onChange={(e) => setText(e.target.value)} placeholder="e.g. orders" autoComplete="off" />}
      </Field>
      <div aria-live="polite">
        {!q ? null : found.isPending ? <p className="text-xs text-slate-500">Searching the catalog…</p>
          : found.isError ? <p role="alert" className="text-xs text-red-700">The catalog search failed: {found.error.message}</p>
          : found.data.items.length === 0 ? <p className="text-xs text-slate-600">No catalog dataset matches “{q}”. Describe the data below instead.</p>
          : (
            <ul aria-label="Matching datasets" className="divide-y divide-slate-100 rounded-md border border-slate-200">
              {found.data.items.map((d) => (
                <li key={d.id} className="flex items-center justify-between gap-3 px-3 py-2 text-sm">
                  <span className="min-w-0">
                    <span className="font-medium">{d.name}</span> <span className="text-xs text-slate-500">{d.namespace}{d.ownerTeamName ? ` · ${d.ownerTeamName}` : ""}</span>
                    {d.description ? <span className="block truncate text-xs text-slate-600">{d.description}</span> : null}
                  </span>
                  <Button size="sm" variant="secondary" disabled={linked.has(d.id)} aria-label={linked.has(d.id) ? `${d.name} is linked` : `Link ${d.name}`}
                    onClick={() => onChange([...value, { id: d.id, name: d.name, namespace: d.namespace }])}>
                    {linked.has(d.id) ? "Linked" : "Link"}
                  </Button>
                </li>
              ))}
            </ul>
          )}
      </div>
    </div>
  );
}
