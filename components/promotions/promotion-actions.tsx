"use client";
import { useState } from "react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";
import { apiFetch } from "@/lib/client/api";
import { DecisionForm } from "@/components/promotions/decision-form";

/** The actions the promotion's state allows; the server re-checks roles and separation of duties. */
export function PromotionActions({ id, allowed }: { id: string; allowed: string[] }) {
  const qc = useQueryClient();
  const [reason, setReason] = useState("");
  const act = useMutation({
    mutationFn: ({ path, body }: { path: string; body?: unknown }) => apiFetch(`/api/v1/promotions/${id}/${path}`, { method: "POST", body }),
    onSuccess: () => void qc.invalidateQueries(),
  });
  return (
    <div className="space-y-4">
      {allowed.includes("approve") ? <DecisionForm promotionId={id} /> : null}
      {allowed.includes("approve_rollback") ? <DecisionForm promotionId={id} rollback /> : null}
      <div className="flex flex-wrap items-end gap-2">
        {allowed.includes("submit") ? <Button onClick={() => act.mutate({ path: "submit" })}>Submit for approval</Button> : null}
        {allowed.includes("cancel") ? <Button variant="secondary" onClick={() => act.mutate({ path: "cancel" })}>Cancel request</Button> : null}
        {allowed.includes("request_rollback") ? (
          <>
            <Field label="Rollback reason">{(p) => <Input {...p} value={reason} onChange={(e) => setReason(e.target.value)} />}</Field>
            <Button variant="danger" onClick={() => act.mutate({ path: "rollback", body: { reason } })}>Roll back</Button>
          </>
        ) : null}
      </div>
      {act.error ? <p role="alert" className="text-sm text-red-700">{act.error.message}</p> : null}
    </div>
  );
}
