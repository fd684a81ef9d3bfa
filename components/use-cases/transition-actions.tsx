"use client";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field, Textarea } from "@/components/ui/field";
import { apiFetch, ApiError } from "@/lib/client/api";
import { useUseCaseMutation } from "@/lib/client/use-cases";
import type { UseCaseDetail } from "@/lib/use-cases/views";

const NEEDS_NOTE = new Set(["request_changes", "reject", "hold", "retire"]);
const DANGER = new Set(["reject", "retire"]);

/** The lifecycle moves this caller may make now; the server checks each again. */
export function TransitionActions({ uc }: { uc: UseCaseDetail }) {
  const [asking, setAsking] = useState<{ transition: string; label: string } | null>(null);
  const [note, setNote] = useState("");
  const [error, setError] = useState<string | null>(null);
  const move = useUseCaseMutation(uc.id, (body: { transition: string; note?: string }) =>
    apiFetch<UseCaseDetail>(`/api/v1/use-cases/${uc.id}/transitions`, { method: "POST", body }),
  );
  const run = async (transition: string, withNote?: string) => {
    setError(null);
    try {
      await move.mutateAsync({ transition, ...(withNote ? { note: withNote } : {}) });
      setAsking(null);
      setNote("");
    } catch (e) {
      const allowed = e instanceof ApiError ? (e.problem.allowedNextStates as string[] | undefined) : undefined;
      const msg = e instanceof Error ? e.message : "Failed";
      setError(`${msg}${allowed && !msg.includes("allowed") ? ` Allowed next states: ${allowed.join(", ")}.` : ""}`);
    }
  };
  if (!uc.allowedTransitions.length) return null;
  return (
    <div className="mb-6">
      <div className="flex flex-wrap gap-2" role="group" aria-label="Lifecycle actions">
        {uc.allowedTransitions.map((t) => (
          <Button key={t.transition} variant={DANGER.has(t.transition) ? "danger" : t.transition === "hold" || t.transition === "withdraw" ? "secondary" : "primary"}
            disabled={move.isPending} onClick={() => (NEEDS_NOTE.has(t.transition) ? setAsking(t) : run(t.transition))}>
            {t.label}
          </Button>
        ))}
      </div>
      {error && !asking ? <p role="alert" className="mt-2 text-sm text-red-700">{error}</p> : null}
      <Dialog open={!!asking} onOpenChange={(o) => (!o ? (setAsking(null), setError(null)) : null)} title={asking?.label ?? ""} description="Say why; the note goes on the timeline and to the owner.">
        <form onSubmit={(e) => (e.preventDefault(), asking && run(asking.transition, note))} className="space-y-3">
          <Field label="Note" error={error ?? undefined}>
            {(p) => <Textarea {...p} value={note} onChange={(e) => setNote(e.target.value)} required />}
          </Field>
          <Button type="submit" disabled={move.isPending || !note.trim()}>{asking?.label}</Button>
        </form>
      </Dialog>
    </div>
  );
}
