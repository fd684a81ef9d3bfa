"use client";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Field, Input, Select } from "@/components/ui/field";
import { useTeams, type UseCaseFilters } from "@/lib/client/use-cases";
import { STATE_LABELS, STATES } from "@/lib/use-cases/lifecycle";
import { RISK_TIERS } from "@/lib/use-cases/risk";
import { VALUE_TYPES } from "@/lib/use-cases/schemas";

export const VALUE_LABELS: Record<string, string> = { revenue: "Revenue", cost: "Cost saving", risk_reduction: "Risk reduction", experience: "Experience" };

/** The filter bar; the parent writes the chosen values into the URL. */
export function PortfolioFilters({ value, onChange }: { value: UseCaseFilters; onChange: (f: UseCaseFilters) => void }) {
  const teams = useTeams();
  const [q, setQ] = useState(value.q ?? "");
  const set = (k: string, v: string) => onChange({ ...value, [k]: v || undefined });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    set("q", q.trim());
  };
  return (
    <div className="mb-4 grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-3 lg:grid-cols-6">
      <form onSubmit={submit} role="search" className="sm:col-span-3 lg:col-span-2">
        <Field label="Search" hint="Words from the title, problem, metrics or data; press Enter">
          {(p) => <Input {...p} type="search" value={q} onChange={(e) => setQ(e.target.value)} placeholder="e.g. fraud triage" />}
        </Field>
      </form>
      <Field label="State">
        {(p) => (
          <Select {...p} value={value.state ?? ""} onChange={(e) => set("state", e.target.value)}>
            <option value="">Any state</option>
            {STATES.map((s) => <option key={s} value={s}>{STATE_LABELS[s]}</option>)}
          </Select>
        )}
      </Field>
      <Field label="Risk tier">
        {(p) => (
          <Select {...p} value={value.tier ?? ""} onChange={(e) => set("tier", e.target.value)}>
            <option value="">Any tier</option>
            {RISK_TIERS.map((t) => <option key={t} value={t}>{t}</option>)}
          </Select>
        )}
      </Field>
      <Field label="Team">
        {(p) => (
          <Select {...p} value={value.teamId ?? ""} onChange={(e) => set("teamId", e.target.value)}>
            <option value="">Any team</option>
            {teams.data?.items.map((t) => <option key={t.id} value={t.id}>{t.name}</option>)}
          </Select>
        )}
      </Field>
      <Field label="Value type">
        {(p) => (
          <Select {...p} value={value.valueType ?? ""} onChange={(e) => set("valueType", e.target.value)}>
            <option value="">Any value</option>
            {VALUE_TYPES.map((v) => <option key={v} value={v}>{VALUE_LABELS[v]}</option>)}
          </Select>
        )}
      </Field>
      <Field label="Sort by">
        {(p) => (
          <Select {...p} value={value.sort ?? "priority"} onChange={(e) => set("sort", e.target.value === "priority" ? "" : e.target.value)}>
            <option value="priority">Priority</option>
            <option value="newest">Newest</option>
          </Select>
        )}
      </Field>
      <div className="flex items-end sm:col-span-3 lg:col-span-6">
        <Button variant="ghost" size="sm" onClick={() => (setQ(""), onChange({}))}>Clear filters</Button>
        {value.reviewerId ? <span className="ml-2 text-sm text-slate-600">Only use cases scored by one reviewer</span> : null}
      </div>
    </div>
  );
}
