"use client";
import { useState } from "react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Button } from "@/components/ui/button";
import { Field, Textarea } from "@/components/ui/field";
import { apiFetch, ApiError } from "@/lib/client/api";

/** Approve / reject / request changes with a comment; the server enforces every rule. */
export function DecisionForm({ promotionId, rollback = false, onDone }: { promotionId: string; rollback?: boolean; onDone?: () => void }) {
  const qc = useQueryClient();
  const [comment, setComment] = useState("");
  const m = useMutation({
    mutationFn: (decision: string) => apiFetch(`/api/v1/promotions/${promotionId}/decisions`, { method: "POST", body: { decision, comment } }),
    onSuccess: () => {
      setComment("");
      void qc.invalidateQueries();
      onDone?.();
    },
  });
  const err = m.error instanceof ApiError ? m.error : null;
  return (
    <form className="space-y-2" onSubmit={(e) => e.preventDefault()} aria-label={rollback ? "Decide on the rollback" : "Decide on the promotion"}>
      <Field label="Comment" error={err?.fieldErrors().comment} hint="Required to reject or request changes.">
        {(p) => <Textarea {...p} rows={2} value={comment} onChange={(e) => setComment(e.target.value)} />}
      </Field>
      {m.error ? <p role="alert" className="text-sm text-red-700">{m.error.message}</p> : null}
      <div className="flex flex-wrap gap-2">
        <Button disabled={m.isPending} onClick={() => m.mutate("approve")}>{rollback ? "Approve rollback" : "Approve"}</Button>
        <Button variant="danger" disabled={m.isPending} onClick={() => m.mutate("reject")}>{rollback ? "Reject rollback" : "Reject"}</Button>
        {rollback ? null : <Button variant="secondary" disabled={m.isPending} onClick={() => m.mutate("request_changes")}>Request changes</Button>}
      </div>
    </form>
  );
}
