"use client";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";
import type { AuditFilters } from "@/lib/client/use-audit";

// datetime-local has no zone: read it as the viewer's local time, send it as ISO with offset.
const toIso = (local: string) => (local ? new Date(local).toISOString() : undefined);
const toLocal = (iso?: string) => {
  if (!iso) return "";
  const d = new Date(iso);
  return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
};

const ENTITY_TYPES = ["user", "team", "api_token", "system"];

export function AuditFiltersForm({ value, onApply }: { value: AuditFilters; onApply: (f: AuditFilters) => void }) {
  const [draft, setDraft] = useState({ ...value, from: toLocal(value.from), to: toLocal(value.to) });
  const set = (k: keyof AuditFilters) => (e: { target: { value: string } }) => setDraft({ ...draft, [k]: e.target.value });
  return (
    <form
      role="search"
      aria-label="Filter audit events"
      className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:grid-cols-2 lg:grid-cols-3"
      onSubmit={(e) => {
        e.preventDefault();
        const clean = (s?: string) => s?.trim() || undefined;
        onApply({ actor: clean(draft.actor), entityType: clean(draft.entityType), entityId: clean(draft.entityId), action: clean(draft.action), from: toIso(draft.from ?? ""), to: toIso(draft.to ?? "") });
      }}
    >
      <Field label="Actor" hint="E-mail (or part of it) or user id">
        {(p) => <Input {...p} value={draft.actor ?? ""} onChange={set("actor")} placeholder="adam.admin@" />}
      </Field>
      <Field label="Action" hint="Exact, or a prefix ending in a dot: token.">
        {(p) => <Input {...p} value={draft.action ?? ""} onChange={set("action")} placeholder="user.access_changed" />}
      </Field>
      <Field label="Entity type">
        {(p) => (
          <>
            <Input {...p} list="audit-entity-types" value={draft.entityType ?? ""} onChange={set("entityType")} placeholder="any" />
            <datalist id="audit-entity-types">{ENTITY_TYPES.map((t) => <option key={t} value={t} />)}</datalist>
          </>
        )}
      </Field>
      <Field label="Entity id">
        {(p) => <Input {...p} value={draft.entityId ?? ""} onChange={set("entityId")} />}
      </Field>
      <Field label="From">
        {(p) => <Input {...p} type="datetime-local" value={draft.from ?? ""} onChange={set("from")} />}
      </Field>
      <Field label="To">
        {(p) => <Input {...p} type="datetime-local" value={draft.to ?? ""} onChange={set("to")} />}
      </Field>
      <div className="flex gap-2 sm:col-span-2 lg:col-span-3">
        <Button type="submit">Apply filters</Button>
        <Button
          variant="secondary"
          onClick={() => {
            setDraft({ from: "", to: "" });
            onApply({});
          }}
        >
          Clear
        </Button>
      </div>
    </form>
  );
}
