"use client";
import { Field, Input, Select, Textarea } from "@/components/ui/field";
import { VALUE_LABELS } from "@/components/use-cases/portfolio-filters";
import { TierBadge } from "@/components/use-cases/badges";
import { DatasetPicker } from "@/components/use-cases/dataset-picker";
import type { DatasetPick, IntakeState } from "@/components/use-cases/intake-model";
import { RISK_QUESTIONS, screenRisk } from "@/lib/use-cases/risk";
import { CONFIDENCES, VALUE_TYPES } from "@/lib/use-cases/schemas";

interface StepProps {
  state: IntakeState;
  errors: Record<string, string>;
  set: (field: string, value: string) => void;
  setRisk: (key: string, value: boolean) => void;
  setDatasets: (datasets: DatasetPick[]) => void;
  teams: { id: string; name: string }[];
}

const SCALE = ["1", "2", "3", "4", "5"];

function Text({ name, label, hint, area, type, p }: { name: string; label: string; hint?: string; area?: boolean; type?: string; p: StepProps }) {
  return (
    <Field label={label} hint={hint} error={p.errors[name]}>
      {(a) => (area ? <Textarea {...a} name={name} value={p.state.form[name]} onChange={(e) => p.set(name, e.target.value)} /> : <Input {...a} name={name} type={type ?? "text"} value={p.state.form[name]} onChange={(e) => p.set(name, e.target.value)} />)}
    </Field>
  );
}

function Choice({ name, label, options, hint, p }: { name: string; label: string; options: [string, string][]; hint?: string; p: StepProps }) {
  return (
    <Field label={label} hint={hint} error={p.errors[name]}>
      {(a) => (
        <Select {...a} name={name} value={p.state.form[name]} onChange={(e) => p.set(name, e.target.value)}>
          <option value="">Choose…</option>
          {options.map(([v, l]) => <option key={v} value={v}>{l}</option>)}
        </Select>
      )}
    </Field>
  );
}

export function BasicsStep(p: StepProps) {
  return (
    <div className="space-y-4">
      <Text name="title" label="Title" p={p} />
      <Text name="problem" label="Problem statement" hint="What goes wrong today, for whom, and how often" area p={p} />
      <Choice name="teamId" label="Team" options={p.teams.map((t) => [t.id, t.name])} p={p} />
      <Text name="businessOwner" label="Business owner" hint="The person accountable for the outcome" p={p} />
      <Text name="intendedUsers" label="Intended users" p={p} />
    </div>
  );
}

export function ValueStep(p: StepProps) {
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <Choice name="valueType" label="Value type" options={VALUE_TYPES.map((v) => [v, VALUE_LABELS[v]!])} p={p} />
      <Choice name="valueConfidence" label="Confidence in the estimate" options={CONFIDENCES.map((c) => [c, c])} p={p} />
      <Text name="valueLow" label="Yearly value, low estimate (k€)" type="number" p={p} />
      <Text name="valueHigh" label="Yearly value, high estimate (k€)" type="number" p={p} />
      <div className="sm:col-span-2"><Text name="successMetrics" label="Success metrics" area p={p} /></div>
    </div>
  );
}

export function DataStep(p: StepProps) {
  const scale = (lo: string, hi: string): [string, string][] => SCALE.map((s) => [s, s === "1" ? `1 — ${lo}` : s === "5" ? `5 — ${hi}` : s]);
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <div className="sm:col-span-2"><DatasetPicker value={p.state.datasets ?? []} onChange={p.setDatasets} error={p.errors.datasetIds} /></div>
      <div className="sm:col-span-2"><Text name="dataNeeded" label="Data needed" hint="Describe data that is not in the catalog yet, or what you need from the linked datasets" area p={p} /></div>
      <Choice name="dataReadiness" label="Data readiness" options={scale("does not exist", "versioned and tested")} p={p} />
      <Choice name="feasibility" label="Feasibility" options={scale("research problem", "routine")} p={p} />
      <Choice name="complexity" label="Operational complexity" options={scale("simple batch", "real time, 24/7")} p={p} />
      <Text name="targetDate" label="Target date" type="date" p={p} />
    </div>
  );
}

export function RiskStep(p: StepProps) {
  const s = screenRisk(p.state.risk);
  return (
    <div className="space-y-4">
      <fieldset className="space-y-2">
        <legend className="mb-2 text-sm text-slate-600">Answer each question; the tier follows the EU AI Act&apos;s categories.</legend>
        {RISK_QUESTIONS.map((q) => (
          <label key={q.key} className="flex items-start gap-2 text-sm">
            <input type="checkbox" className="mt-1" name={q.key} checked={!!p.state.risk[q.key]} onChange={(e) => p.setRisk(q.key, e.target.checked)} />
            <span>{q.question}</span>
          </label>
        ))}
      </fieldset>
      <div role="status" aria-live="polite" className="rounded-md border border-slate-200 bg-slate-50 p-3 text-sm" data-testid="risk-result">
        <div className="flex items-center gap-2"><span className="font-medium">Risk tier:</span> <TierBadge tier={s.tier} /></div>
        <p className="mt-1">Rule that fired: <strong>{s.rule}</strong></p>
        {s.tier === "prohibited" ? <p className="mt-1 text-red-700">A prohibited practice cannot be submitted. Change the design or withdraw it.</p> : null}
        {s.tier === "high" ? <p className="mt-1 text-amber-800">High risk: document a human-oversight plan on the use case&apos;s page; its models cannot be promoted to a governed environment without one.</p> : null}
        {p.errors.riskAnswers ? <p role="alert" className="mt-1 text-red-700">{p.errors.riskAnswers}</p> : null}
      </div>
    </div>
  );
}
