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
