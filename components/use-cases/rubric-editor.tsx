"use client";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Input, Select } from "@/components/ui/field";
import { EmptyState, ErrorState, LoadingRows } from "@/components/ui/states";
import { Table, Td, Th } from "@/components/ui/table";
import { apiFetch, ApiError } from "@/lib/client/api";
import { queryKeys } from "@/lib/client/query-keys";
import { useRubrics } from "@/lib/client/use-cases";
import { DEFAULT_RUBRIC } from "@/lib/use-cases/default-rubric";
import { rubricInputSchema, type RubricInput } from "@/lib/use-cases/rubric-schemas";
import type { RubricView } from "@/lib/use-cases/views";

const toInput = (r: RubricView): RubricInput => ({ name: r.name, minScores: r.minScores, disagreementSpread: r.disagreementSpread, criteria: r.criteria });

/** Admins edit a draft version and publish it; published versions are shown frozen. */
export function RubricEditor() {
  const q = useRubrics();
  const client = useQueryClient();
  const [draft, setDraft] = useState<RubricInput | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState("");
  if (q.isPending) return <LoadingRows label="Loading rubrics" />;
  if (q.isError) return <ErrorState error={q.error} onRetry={() => q.refetch()} />;
  const current = q.data.items.find((r) => r.current);
  const openDraft = q.data.items.find((r) => !r.publishedAt);
  const refresh = () => client.invalidateQueries({ queryKey: queryKeys.rubrics() });
  const act = async (fn: () => Promise<unknown>, done: string) => {
    try {
      await fn();
      setErrors({});
      setMessage(done);
      await refresh();
    } catch (e) {
      setErrors(e instanceof ApiError ? { ...e.fieldErrors(), form: e.message } : { form: "Failed" });
    }
  };
  const saveDraft = () => {
    const parsed = rubricInputSchema.safeParse(draft);
    if (!parsed.success) return setErrors(Object.fromEntries(parsed.error.issues.map((i) => [i.path.join("."), i.message])));
    return act(() => (openDraft ? apiFetch(`/api/v1/rubrics/${openDraft.id}`, { method: "PUT", body: parsed.data }) : apiFetch("/api/v1/rubrics", { method: "POST", body: parsed.data })), "Draft saved.");
  };
  const setCrit = (i: number, patch: Partial<RubricInput["criteria"][number]>) => setDraft((d) => d && { ...d, criteria: d.criteria.map((c, j) => (j === i ? { ...c, ...patch } : c)) });
  return (
    <div className="space-y-6">
      <p role="status" aria-live="polite" className="text-sm text-emerald-700">{message}</p>
      {draft ? (
        <Card aria-label="Draft rubric">
          <h2 className="mb-3 font-semibold">Draft {openDraft ? `v${openDraft.version}` : "(new version)"}</h2>
          <Table>
            <thead><tr><Th>Key</Th><Th>Label</Th><Th>Weight</Th><Th>Direction</Th></tr></thead>
            <tbody>
              {draft.criteria.map((c, i) => (
                <tr key={i}>
                  <Td><Input aria-label={`Key of criterion ${i + 1}`} value={c.key} onChange={(e) => setCrit(i, { key: e.target.value })} />{errors[`criteria.${i}.key`] ? <p role="alert" className="text-xs text-red-600">{errors[`criteria.${i}.key`]}</p> : null}</Td>
                  <Td><Input aria-label={`Label of criterion ${i + 1}`} value={c.label} onChange={(e) => setCrit(i, { label: e.target.value })} /></Td>
                  <Td><Input aria-label={`Weight of ${c.label}`} type="number" step="0.05" value={c.weight} onChange={(e) => setCrit(i, { weight: Number(e.target.value) })} aria-invalid={!!errors[`criteria.${i}.weight`]} />{errors[`criteria.${i}.weight`] ? <p role="alert" className="text-xs text-red-600">{errors[`criteria.${i}.weight`]}</p> : null}</Td>
                  <Td><Select aria-label={`Direction of ${c.label}`} value={c.direction} onChange={(e) => setCrit(i, { direction: e.target.value as "higher_is_better" })}><option value="higher_is_better">higher is better</option><option value="lower_is_better">lower is better</option></Select></Td>
                </tr>
              ))}
            </tbody>
          </Table>
          <div className="mt-3 flex gap-2">
            <Button variant="secondary" size="sm" onClick={() => setDraft((d) => d && { ...d, criteria: [...d.criteria, { key: `criterion_${d.criteria.length + 1}`, label: "New criterion", description: "", weight: 0.1, direction: "higher_is_better", anchors: ["1", "2", "3", "4", "5"] }] })}>Add criterion</Button>
            <Button size="sm" onClick={() => void saveDraft()}>Save draft</Button>
            {openDraft ? <Button size="sm" onClick={() => void act(() => apiFetch(`/api/v1/rubrics/${openDraft.id}/publish`, { method: "POST" }), `Version ${openDraft.version} published; past scores keep their version.`).then(() => setDraft(null))}>Publish v{openDraft.version}</Button> : null}
          </div>
          {errors.form || errors.criteria ? <p role="alert" className="mt-2 text-sm text-red-700">{errors.form ?? errors.criteria}</p> : null}
        </Card>
      ) : (
        <Button onClick={() => setDraft(openDraft ? toInput(openDraft) : current ? toInput(current) : DEFAULT_RUBRIC)}>{openDraft ? `Edit draft v${openDraft.version}` : "New version from the current one"}</Button>
      )}
      {q.data.items.length === 0 ? <EmptyState title="No rubric yet">Create the first version and publish it before reviewers can score.</EmptyState> : q.data.items.map((r) => (
        <Card key={r.id} aria-label={`Rubric version ${r.version}`}>
          <h2 className="mb-2 flex items-center gap-2 font-semibold">v{r.version} · {r.name} {r.current ? <Badge tone="success">current</Badge> : r.publishedAt ? <Badge>superseded</Badge> : <Badge tone="warning">draft</Badge>}</h2>
          <p className="mb-2 text-xs text-slate-500">Approval needs {r.minScores} scores; a spread of {r.disagreementSpread}+ is flagged.{r.publishedAt ? ` Published ${new Date(r.publishedAt).toLocaleDateString()}.` : ""}</p>
          <Table>
            <thead><tr><Th>Criterion</Th><Th className="text-right">Weight</Th><Th>Direction</Th><Th>1 … 5</Th></tr></thead>
            <tbody>{r.criteria.map((c) => <tr key={c.key}><Td>{c.label}</Td><Td className="text-right">{c.weight}</Td><Td>{c.direction.replace(/_/g, " ")}</Td><Td className="text-xs text-slate-600">{c.anchors[0]} … {c.anchors[4]}</Td></tr>)}</tbody>
          </Table>
        </Card>
      ))}
    </div>
  );
}
