"use client";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { emptyIntake, intakeFromDetail, savableInput, STEP_FIELDS, stepErrors, stepOfField, type IntakeState } from "@/components/use-cases/intake-model";
import { BasicsStep, DataStep, RiskStep, ValueStep } from "@/components/use-cases/intake-steps";
import { apiFetch, ApiError } from "@/lib/client/api";
import { INTAKE_STEPS } from "@/lib/use-cases/schemas";
import type { UseCaseDetail } from "@/lib/use-cases/views";

const LOCAL_KEY = "coe.intake.new";
const STEPS = [BasicsStep, ValueStep, DataStep, RiskStep];

/**
 * The guided intake. Every change is saved shortly after typing stops: on this device
 * until the first step is complete, then as a draft on the server, so it survives a
 * reload. Each step is checked with the same zod schema the server uses.
 */
export function IntakeWizard({ initial, teams }: { initial?: UseCaseDetail; teams: { id: string; name: string }[] }) {
  const router = useRouter();
  const [state, setState] = useState<IntakeState>(() => (initial ? intakeFromDetail(initial) : emptyIntake(teams.length === 1 ? teams[0]!.id : "")));
  const [step, setStep] = useState(0);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [status, setStatus] = useState(initial ? `Draft saved ${new Date(initial.updatedAt).toLocaleTimeString()}` : "");
  const [busy, setBusy] = useState(false);
  const idRef = useRef<string | null>(initial?.id ?? null);
  const chain = useRef<Promise<unknown>>(Promise.resolve());
  const dirty = useRef(false);
  // Counts edits, so "saved" is only claimed when the latest edit is the one saved.
  const edits = useRef(0);

  useEffect(() => {
    if (initial) return;
    const raw = localStorage.getItem(LOCAL_KEY);
    // Restoring a locally kept draft is a one-off sync from browser storage on mount.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    if (raw) setState(JSON.parse(raw) as IntakeState);
  }, [initial]);

  const save = () => {
    const version = edits.current;
    // Saves run one after another, so a draft is created once however fast people type.
    const next = chain.current.then(async () => {
      const { input, unsaved } = savableInput(state);
      if (!idRef.current) {
        localStorage.setItem(LOCAL_KEY, JSON.stringify(state));
        if (Object.keys(stepErrors(0, state)).length) return setStatus("Kept on this device; complete the first step to save a draft.");
        const created = await apiFetch<UseCaseDetail>("/api/v1/use-cases", { method: "POST", body: input });
        idRef.current = created.id;
        localStorage.removeItem(LOCAL_KEY);
        window.history.replaceState(null, "", `/use-cases/${created.id}/edit`);
      } else {
        await apiFetch(`/api/v1/use-cases/${idRef.current}`, { method: "PATCH", body: input });
      }
      if (version !== edits.current) return;
      const time = new Date().toLocaleTimeString();
      setStatus(unsaved.length ? `Draft saved ${time}, except: ${unsaved.join("; ")}` : `Draft saved ${time}`);
    });
    chain.current = next.catch((e: unknown) => setStatus(e instanceof Error ? `Not saved: ${e.message}` : "Not saved"));
    return next;
  };

  useEffect(() => {
    if (!dirty.current) return;
    setStatus("Saving…");
    const t = setTimeout(() => void save().catch(() => {}), 700);
    return () => clearTimeout(t);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [state]);

  const change = (fn: (s: IntakeState) => IntakeState) => {
    dirty.current = true;
    edits.current += 1;
    setState(fn);
  };
  const go = async (to: number) => {
    const errs = to > step ? stepErrors(step, state) : {};
    setErrors(errs);
    if (Object.keys(errs).length) return;
    setStep(to);
  };
  const submit = async () => {
    for (let s = 0; s < STEPS.length; s++) {
      const errs = stepErrors(s, state);
      if (Object.keys(errs).length) return (setStep(s), setErrors(errs));
    }
    setBusy(true);
    try {
      await save();
      await apiFetch(`/api/v1/use-cases/${idRef.current}/transitions`, { method: "POST", body: { transition: "submit" } });
      router.push(`/use-cases/${idRef.current}`);
    } catch (e) {
      setBusy(false);
      if (e instanceof ApiError && e.problem.errors?.length) {
        setErrors(Object.fromEntries(e.problem.errors.map((x) => [x.path.split(".")[0]!, x.message])));
        setStep(stepOfField(e.problem.errors[0]!.path));
      }
      setStatus(e instanceof Error ? e.message : "Could not submit");
    }
  };

  const Step = STEPS[step]!;
  return (
    <Card>
      <ol className="mb-6 flex flex-wrap gap-2" aria-label="Intake steps">
        {INTAKE_STEPS.map((s, i) => (
          <li key={s.key}>
            <button type="button" onClick={() => go(i)} aria-current={i === step ? "step" : undefined}
              className={`rounded-full px-3 py-1 text-sm ${i === step ? "bg-brand-600 text-white" : "bg-slate-100 text-slate-700 hover:bg-slate-200"}`}>
              {i + 1}. {s.label}
            </button>
          </li>
        ))}
      </ol>
      <form onSubmit={(e) => (e.preventDefault(), step < STEPS.length - 1 ? go(step + 1) : submit())} noValidate>
        <h2 className="mb-4 text-lg font-semibold">{INTAKE_STEPS[step]!.label}</h2>
        <Step state={state} errors={errors} teams={teams}
          set={(f, v) => change((s) => ({ ...s, form: { ...s.form, [f]: v } }))}
          setRisk={(k, v) => change((s) => ({ ...s, risk: { ...s.risk, [k]: v } }))}
          setDatasets={(datasets) => change((s) => ({ ...s, datasets }))} />
        <div className="mt-6 flex items-center gap-3">
          {step > 0 ? <Button variant="secondary" onClick={() => go(step - 1)}>Back</Button> : null}
          {step < STEPS.length - 1 ? <Button type="submit">Next</Button> : <Button type="submit" disabled={busy}>{busy ? "Submitting…" : "Submit for review"}</Button>}
          <span className="text-sm text-slate-600" role="status" aria-live="polite" data-testid="save-status">{status}</span>
        </div>
        {STEP_FIELDS[step]!.length === 0 && Object.keys(errors).some((k) => k !== "riskAnswers") ? (
          <p role="alert" className="mt-3 text-sm text-red-700">Some earlier steps need attention: {Object.keys(errors).join(", ")}.</p>
        ) : null}
      </form>
    </Card>
  );
}
