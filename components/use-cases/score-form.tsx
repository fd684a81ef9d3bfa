"use client";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, Select, Textarea } from "@/components/ui/field";
import { apiFetch, ApiError } from "@/lib/client/api";
import { useUseCaseMutation } from "@/lib/client/use-cases";
import { submitScoreSchema } from "@/lib/use-cases/schemas";
import type { ScoresView } from "@/lib/use-cases/views";

/** A reviewer's own score: one 1-5 choice per criterion, each with its anchored meaning. */
export function ScoreForm({ useCaseId, view }: { useCaseId: string; view: ScoresView }) {
  const rubric = view.rubric!;
  const [values, setValues] = useState<Record<string, string>>(() => Object.fromEntries(rubric.criteria.map((c) => [c.key, view.myScore?.values[c.key]?.toString() ?? ""])));
  const [note, setNote] = useState(view.myScore?.note ?? "");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const save = useUseCaseMutation(useCaseId, (body: unknown) => apiFetch<ScoresView>(`/api/v1/use-cases/${useCaseId}/scores`, { method: "PUT", body }));
  const submit = async () => {
    const missing = rubric.criteria.filter((c) => !values[c.key]).map((c) => [`values.${c.key}`, "Choose a score"]);
    const body = { values: Object.fromEntries(Object.entries(values).filter(([, v]) => v).map(([k, v]) => [k, Number(v)])), note };
    const parsed = submitScoreSchema.safeParse(body);
    const errs = Object.fromEntries([...missing, ...(parsed.success ? [] : parsed.error.issues.map((i) => [i.path.join("."), i.message]))]);
    setErrors(errs);
    if (Object.keys(errs).length) return;
    try {
      await save.mutateAsync(body);
    } catch (e) {
      setErrors(e instanceof ApiError ? { ...e.fieldErrors(), form: e.message } : { form: "Could not save the score" });
    }
  };
  return (
    <form onSubmit={(e) => (e.preventDefault(), void submit())} className="space-y-3" aria-label="Your score">
      <p className="text-sm text-slate-600">Rubric v{rubric.version}: score each criterion from 1 to 5.</p>
      {rubric.criteria.map((c) => (
        <Field key={c.key} label={`${c.label} (weight ${c.weight}${c.direction === "lower_is_better" ? ", lower is better" : ""})`} error={errors[`values.${c.key}`]}>
          {(p) => (
            <Select {...p} name={c.key} value={values[c.key]} onChange={(e) => setValues((v) => ({ ...v, [c.key]: e.target.value }))}>
              <option value="">Choose…</option>
              {c.anchors.map((a, i) => <option key={i} value={i + 1}>{i + 1} — {a}</option>)}
            </Select>
          )}
        </Field>
      ))}
      <Field label="Note (optional)">{(p) => <Textarea {...p} value={note} onChange={(e) => setNote(e.target.value)} className="min-h-16" />}</Field>
      {errors.form ? <p role="alert" className="text-sm text-red-700">{errors.form}</p> : null}
      <Button type="submit" disabled={save.isPending}>{view.myScore ? "Update my score" : "Submit my score"}</Button>
      {save.isSuccess ? <span role="status" className="ml-3 text-sm text-emerald-700">Score saved</span> : null}
    </form>
  );
}
