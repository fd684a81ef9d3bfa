"use client";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field, Select, Textarea } from "@/components/ui/field";
import { TierBadge } from "@/components/use-cases/badges";
import { apiFetch, ApiError } from "@/lib/client/api";
import { useUseCaseMutation } from "@/lib/client/use-cases";
import { RISK_QUESTIONS, RISK_TIERS } from "@/lib/use-cases/risk";
import type { UseCaseDetail } from "@/lib/use-cases/views";

/** The screening answers, the rule that fired and, for reviewers, an audited override. */
export function RiskPanel({ uc }: { uc: UseCaseDetail }) {
  const [open, setOpen] = useState(false);
  const [tier, setTier] = useState(uc.tier);
  const [reason, setReason] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const save = useUseCaseMutation(uc.id, (body: unknown) => apiFetch<UseCaseDetail>(`/api/v1/use-cases/${uc.id}/risk-tier`, { method: "PUT", body }));
  const yes = RISK_QUESTIONS.filter((q) => uc.riskAnswers[q.key]);
  return (
    <Card aria-labelledby="risk-h">
      <h2 id="risk-h" className="mb-2 text-lg font-semibold">Risk screening</h2>
      <p className="flex items-center gap-2"><TierBadge tier={uc.tier} /> <span className="text-sm" data-testid="risk-rule">{uc.screenedRule}</span></p>
      {uc.overrideReason ? <p className="mt-2 text-sm">Overridden from <strong>{uc.screenedTier}</strong> by a reviewer: {uc.overrideReason}</p> : null}
      {uc.rulesFired.length > 1 ? <p className="mt-2 text-xs text-slate-600">Also fired: {uc.rulesFired.slice(1).join("; ")}</p> : null}
      <ul className="mt-2 list-disc pl-5 text-sm text-slate-700">
        {yes.length ? yes.map((q) => <li key={q.key}>{q.question} <strong>Yes</strong></li>) : <li>No screening question answered yes.</li>}
      </ul>
      <OversightPlan uc={uc} />
      {uc.can.overrideTier ? (
        open ? (
          <form className="mt-3 space-y-2" onSubmit={async (e) => {
            e.preventDefault();
            try {
              await save.mutateAsync({ tier, reason });
              setOpen(false);
            } catch (err) {
              setErrors(err instanceof ApiError ? err.fieldErrors() : {});
            }
          }}>
            <Field label="Tier">{(p) => <Select {...p} value={tier} onChange={(e) => setTier(e.target.value as typeof tier)}>{RISK_TIERS.map((t) => <option key={t}>{t}</option>)}</Select>}</Field>
            <Field label="Reason (recorded in the audit log)" error={errors.reason}>{(p) => <Textarea {...p} value={reason} onChange={(e) => setReason(e.target.value)} />}</Field>
            <Button type="submit" size="sm" disabled={save.isPending}>Override tier</Button>
          </form>
        ) : <Button className="mt-3" variant="secondary" size="sm" onClick={() => setOpen(true)}>Override tier…</Button>
      ) : null}
    </Card>
  );
}

/**
 * How people oversee the system. High-risk use cases need it before their models are promoted
 * (the promotions' risk-tier gate reads it), so the owners can document it in any open state.
 */
function OversightPlan({ uc }: { uc: UseCaseDetail }) {
  const [editing, setEditing] = useState(false);
  const [plan, setPlan] = useState(uc.humanOversightPlan);
  const [error, setError] = useState<string | undefined>();
  const save = useUseCaseMutation(uc.id, (body: unknown) => apiFetch<UseCaseDetail>(`/api/v1/use-cases/${uc.id}/oversight-plan`, { method: "PUT", body }));
  const high = uc.tier === "high";
  return (
    <section aria-labelledby="oversight-h" className="mt-4 border-t border-slate-100 pt-3">
      <h3 id="oversight-h" className="font-medium">Human-oversight plan</h3>
      {uc.humanOversightPlan ? (
        <p className="mt-1 whitespace-pre-line text-sm text-slate-700" data-testid="oversight-plan">{uc.humanOversightPlan}</p>
      ) : (
        <p className={high ? "mt-1 text-sm text-amber-800" : "mt-1 text-sm text-slate-500"}>
          {high ? "Not documented yet. As a high-risk use case, its models cannot be promoted past the risk-tier gate until it is." : "Not documented (required only for high-risk use cases)."}
        </p>
      )}
      {uc.can.documentOversight ? (
        editing ? (
          <form
            className="mt-2 space-y-2"
            onSubmit={async (e) => {
              e.preventDefault();
              setError(undefined);
              try {
                await save.mutateAsync({ plan });
                setError(undefined);
                setEditing(false);
              } catch (err) {
                setError(err instanceof ApiError ? (err.fieldErrors().plan ?? err.message) : "Saving failed; try again.");
              }
            }}
          >
            <Field label="Who oversees the system's decisions, and how can they intervene or stop it?" hint="E.g. which role reviews which decisions, how often, the thresholds that send a case to a person, and how to switch the model off." error={error}>
              {(p) => <Textarea {...p} value={plan} onChange={(e) => setPlan(e.target.value)} rows={5} />}
            </Field>
            <div className="flex gap-2">
              <Button type="submit" size="sm" disabled={save.isPending}>{save.isPending ? "Saving…" : "Save plan"}</Button>
              <Button size="sm" variant="secondary" onClick={() => (setEditing(false), setPlan(uc.humanOversightPlan), setError(undefined))}>Cancel</Button>
            </div>
          </form>
        ) : (
          <Button className="mt-2" variant="secondary" size="sm" onClick={() => setEditing(true)}>{uc.humanOversightPlan ? "Revise the plan" : "Document the plan"}</Button>
        )
      ) : null}
    </section>
  );
}
