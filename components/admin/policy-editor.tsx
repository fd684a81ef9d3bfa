"use client";
import { useState, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { Field, Input, Select, Textarea } from "@/components/ui/field";
import { ApiError } from "@/lib/client/api";
import { usePublishPolicy } from "@/lib/client/use-policies";
import { useTeams } from "@/lib/client/use-teams";
import type { PolicyView } from "@/lib/environments/schemas";
import { ROLE_LABELS, ROLES, type RoleName } from "@/lib/policy/permissions";
import { gateLevelSchema, policyInputSchema, STRATEGIES, type GateLevel, type PolicyInput } from "@/lib/promotions/policy-schema";

// Admins publish the next version of an environment's policy, starting from the current one.
// The form validates with the schema POST /api/v1/environments/{key}/policies uses, and shows
// the server's field errors at the same paths (gates.metrics.0.threshold, ...).

const STRATEGY_LABELS: Record<(typeof STRATEGIES)[number], string> = { direct: "Direct", canary: "Canary (traffic steps)", shadow: "Shadow", blue_green: "Blue-green" };
const LEVELS = gateLevelSchema.options;
const OTHER_GATES = [
  ["reproducibility", "Reproducibility", "Data pinned to commits, code SHA and environment recorded"],
  ["lineage", "Lineage completeness", "Every input dataset has lineage"],
  ["dataQuality", "Data quality", "Latest assertions of the input datasets passed"],
  ["riskTier", "Risk tier", "High-risk use cases need a human-oversight plan; prohibited ones never pass"],
  ["useCaseApproved", "Use case approved", "The linked use case is approved for build"],
] as const;

export function toPolicyInput(p: PolicyView | null): PolicyInput {
  if (!p) return policyInputSchema.parse({ requiredApprovals: 1, approverRoles: ["approver"], allowedStrategies: ["direct"], gates: {} });
  const { id: _i, version: _v, createdAt: _c, changeNote: _n, ...rest } = p;
  return { ...rest, changeNote: "" };
}

export function PolicyEditor({ envKey, envName, current, onDone }: { envKey: string; envName: string; current: PolicyView | null; onDone: (version: number) => void }) {
  const [form, setForm] = useState<PolicyInput>(() => toPolicyInput(current));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const publish = usePublishPolicy(envKey);
  const teams = useTeams();
  const set = (patch: Partial<PolicyInput>) => setForm((f) => ({ ...f, ...patch }));
  const setGates = (patch: Partial<PolicyInput["gates"]>) => setForm((f) => ({ ...f, gates: { ...f.gates, ...patch } }));
  const toggle = <T,>(list: T[], item: T, on: boolean) => (on ? [...list.filter((x) => x !== item), item] : list.filter((x) => x !== item));
  const setMetric = (i: number, patch: Partial<PolicyInput["gates"]["metrics"][number]>) => setGates({ metrics: form.gates.metrics.map((m, j) => (j === i ? { ...m, ...patch } : m)) });
  const err = (path: string) => errors[path];
  const num = (v: string) => (v.trim() === "" ? Number.NaN : Number(v));

  const onSubmit = () => {
    const parsed = policyInputSchema.safeParse(form);
    if (!parsed.success) {
      setErrors(Object.fromEntries(parsed.error.issues.map((i) => [i.path.join("."), i.message])));
      return;
    }
    setErrors({});
    publish.mutate(parsed.data, {
      onSuccess: (p) => onDone(p.version),
      onError: (e) => setErrors(e instanceof ApiError ? { ...e.fieldErrors(), form: e.message } : { form: "Publishing failed; try again." }),
    });
  };

  return (
    <form
      noValidate
      aria-label={`New policy version for ${envName}`}
      className="space-y-5"
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit();
      }}
    >
      <Section title="Approvals">
        <div className="grid gap-4 sm:grid-cols-3">
          <Field label="Required approvals" hint="0 approves a request as soon as its gates pass." error={err("requiredApprovals")}>
            {(p) => <Input {...p} type="number" min={0} max={5} value={Number.isNaN(form.requiredApprovals) ? "" : form.requiredApprovals} onChange={(e) => set({ requiredApprovals: num(e.target.value) })} />}
          </Field>
          <Field label="Rollback approvals" hint="Approvals a one-step rollback needs." error={err("rollbackApprovals")}>
            {(p) => <Input {...p} type="number" min={0} max={3} value={Number.isNaN(form.rollbackApprovals) ? "" : form.rollbackApprovals} onChange={(e) => set({ rollbackApprovals: num(e.target.value) })} />}
          </Field>
          <Field label="Extra role for high-risk use cases" hint="One approval must come from this role." error={err("highRiskRole")}>
            {(p) => (
              <Select {...p} value={form.highRiskRole ?? ""} onChange={(e) => set({ highRiskRole: (e.target.value || null) as RoleName | null })}>
                <option value="">None</option>
                {ROLES.map((r) => <option key={r} value={r}>{ROLE_LABELS[r]}</option>)}
              </Select>
            )}
          </Field>
        </div>
        <Checkboxes legend="Roles whose approvals count" error={err("approverRoles")}>
          {ROLES.map((r) => (
            <Check key={r} label={ROLE_LABELS[r]} checked={form.approverRoles.includes(r)} onChange={(on) => set({ approverRoles: toggle(form.approverRoles, r, on) })} />
          ))}
        </Checkboxes>
        <Checkboxes legend="Approving teams (none: any team)" error={err("approverTeamIds")}>
          {teams.isPending ? <span className="text-sm text-slate-500">Loading teams…</span> : teams.isError ? <span className="text-sm text-red-700">Could not load teams.</span> : teams.data.length === 0 ? <span className="text-sm text-slate-500">No teams yet.</span> : teams.data.map((t) => (
            <Check key={t.id} label={t.name} checked={form.approverTeamIds.includes(t.id)} onChange={(on) => set({ approverTeamIds: toggle(form.approverTeamIds, t.id, on) })} />
          ))}
        </Checkboxes>
      </Section>

      <Section title="Separation of duties">
        <div className="space-y-1">
          <Check label="The requester may not approve their own request or rollback" checked={form.requesterMayNotApprove} onChange={(on) => set({ requesterMayNotApprove: on })} />
          <Check label="Whoever registered the model version may not approve its promotion" checked={form.authorMayNotApprove} onChange={(on) => set({ authorMayNotApprove: on })} />
          <p className="text-xs text-slate-500">Always: each reviewer decides once, so two approvals come from two people.</p>
        </div>
      </Section>

      <Section title="Strategies">
        <Checkboxes legend="Allowed strategies" error={err("allowedStrategies")}>
          {STRATEGIES.map((s) => (
            <Check key={s} label={STRATEGY_LABELS[s]} checked={form.allowedStrategies.includes(s)} onChange={(on) => set({ allowedStrategies: toggle(form.allowedStrategies, s, on) })} />
          ))}
        </Checkboxes>
      </Section>

      <Section title="Gates">
        <fieldset className="space-y-2">
          <legend className="text-sm font-medium text-slate-700">Metric thresholds</legend>
          {form.gates.metrics.length === 0 ? <p className="text-sm text-slate-500">No metric thresholds.</p> : null}
          {form.gates.metrics.map((m, i) => (
            <div key={i} className="flex flex-wrap items-start gap-2">
              <div className="w-40">
                <Input aria-label={`Metric ${i + 1}`} placeholder="auc" value={m.metric} aria-invalid={!!err(`gates.metrics.${i}.metric`)} onChange={(e) => setMetric(i, { metric: e.target.value })} />
                <FieldError message={err(`gates.metrics.${i}.metric`)} />
              </div>
              <Select aria-label={`Comparison of metric ${i + 1}`} className="w-20" value={m.op} onChange={(e) => setMetric(i, { op: e.target.value as ">=" | "<=" })}>
                <option value=">=">≥</option>
                <option value="<=">≤</option>
              </Select>
              <div className="w-28">
                <Input aria-label={`Threshold of metric ${i + 1}`} type="number" step="any" value={Number.isNaN(m.threshold) ? "" : m.threshold} aria-invalid={!!err(`gates.metrics.${i}.threshold`)} onChange={(e) => setMetric(i, { threshold: num(e.target.value) })} />
                <FieldError message={err(`gates.metrics.${i}.threshold`)} />
              </div>
              <Check label="Required (a model without it fails)" checked={m.required} onChange={(on) => setMetric(i, { required: on })} />
              <Button variant="ghost" size="sm" aria-label={`Remove metric ${i + 1}`} onClick={() => setGates({ metrics: form.gates.metrics.filter((_, j) => j !== i) })}>Remove</Button>
            </div>
          ))}
          <Button variant="secondary" size="sm" onClick={() => setGates({ metrics: [...form.gates.metrics, { metric: "", op: ">=", threshold: 0.8, required: false }] })}>Add a metric threshold</Button>
        </fieldset>
        <div className="grid gap-4 sm:grid-cols-3">
          <LevelSelect label="Metric gate" value={form.gates.metricsLevel} onChange={(v) => setGates({ metricsLevel: v })} />
          <Field label="Largest regression against what runs now" hint="Absolute, e.g. 0.02; empty: no limit." error={err("gates.maxRegression")}>
            {(p) => <Input {...p} type="number" step="any" min={0} value={form.gates.maxRegression ?? ""} onChange={(e) => setGates({ maxRegression: e.target.value.trim() === "" ? null : Number(e.target.value) })} />}
          </Field>
          <Field label="Drift flag after (days)" hint="Flag this environment behind the previous one for longer." error={err("driftDays")}>
            {(p) => <Input {...p} type="number" min={1} max={365} value={Number.isNaN(form.driftDays) ? "" : form.driftDays} onChange={(e) => set({ driftDays: num(e.target.value) })} />}
          </Field>
          {OTHER_GATES.map(([key, label, hint]) => (
            <LevelSelect key={key} label={label} hint={hint} value={form.gates[key]} onChange={(v) => setGates({ [key]: v })} />
          ))}
        </div>
        <p className="text-xs text-slate-500">Off: not run. Warn: shown to approvers, does not block. Fail: blocks the request.</p>
      </Section>

      <Field label="What changed and why" hint="Shown in the version history and the audit log." error={err("changeNote")}>
        {(p) => <Textarea {...p} value={form.changeNote} maxLength={500} onChange={(e) => set({ changeNote: e.target.value })} />}
      </Field>
      {errors.form ? <p role="alert" className="rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-800">{errors.form}</p> : Object.keys(errors).length ? <p role="alert" className="text-sm text-red-700">Fix the fields marked above.</p> : null}
      <div className="flex justify-end gap-2">
        <Button variant="secondary" onClick={() => onDone(0)}>Cancel</Button>
        <Button type="submit" disabled={publish.isPending}>{publish.isPending ? "Publishing…" : `Publish version ${(current?.version ?? 0) + 1}`}</Button>
      </div>
    </form>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="space-y-3 border-t border-slate-100 pt-4 first:border-t-0 first:pt-0">
      <h3 className="font-semibold text-slate-800">{title}</h3>
      {children}
    </section>
  );
}

function Checkboxes({ legend, error, children }: { legend: string; error?: string; children: ReactNode }) {
  return (
    <fieldset aria-invalid={!!error}>
      <legend className="mb-1 text-sm font-medium text-slate-700">{legend}</legend>
      <div className="flex flex-wrap gap-x-4 gap-y-1">{children}</div>
      <FieldError message={error} />
    </fieldset>
  );
}

function Check({ label, checked, onChange }: { label: string; checked: boolean; onChange: (on: boolean) => void }) {
  return (
    <label className="flex items-center gap-2 text-sm text-slate-700">
      <input type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} />
      {label}
    </label>
  );
}

function LevelSelect({ label, hint, value, onChange }: { label: string; hint?: string; value: GateLevel; onChange: (v: GateLevel) => void }) {
  return (
    <Field label={label} hint={hint}>
      {(p) => (
        <Select {...p} value={value} onChange={(e) => onChange(e.target.value as GateLevel)}>
          {LEVELS.map((l) => <option key={l} value={l}>{l === "off" ? "Off" : l === "warn" ? "Warn" : "Fail (blocks)"}</option>)}
        </Select>
      )}
    </Field>
  );
}

function FieldError({ message }: { message?: string }) {
  return message ? <p role="alert" className="text-xs text-red-600">{message}</p> : null;
}
