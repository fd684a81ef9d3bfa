"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useMutation } from "@tanstack/react-query";
import { Button } from "@/components/ui/button";
import { Field, Input, Select, Textarea } from "@/components/ui/field";
import { apiFetch, ApiError } from "@/lib/client/api";
import type { PromotionDetail } from "@/lib/promotions/schemas";

export interface VersionOption { id: string; label: string }
export interface EnvOption { key: string; name: string; strategies: string[] }

/** The request form; fields and errors come from the same schema the API validates with. */
export function RequestForm({ versions, environments, initialVersionId }: { versions: VersionOption[]; environments: EnvOption[]; initialVersionId?: string }) {
  const router = useRouter();
  const [f, setF] = useState({ modelVersionId: initialVersionId ?? versions[0]?.id ?? "", environment: environments.at(-1)?.key ?? "", strategy: "direct", trafficSteps: "10, 50, 100", justification: "", sourceRef: "" });
  const env = environments.find((e) => e.key === f.environment);
  const m = useMutation({
    mutationFn: () => apiFetch<PromotionDetail>("/api/v1/promotions", { method: "POST", body: {
      modelVersionId: f.modelVersionId, environment: f.environment, strategy: f.strategy, justification: f.justification,
      strategyConfig: f.strategy === "canary" ? { trafficSteps: f.trafficSteps.split(",").map((s) => Number(s.trim())).filter(Boolean) } : {},
      ...(f.sourceRef ? { sourceRef: f.sourceRef } : {}),
    } }),
    onSuccess: (p) => router.push(`/promotions/${p.id}`),
  });
  const errs = m.error instanceof ApiError ? m.error.fieldErrors() : {};
  const set = (k: keyof typeof f) => (e: { target: { value: string } }) => setF({ ...f, [k]: e.target.value });
  return (
    <form className="max-w-xl space-y-4" onSubmit={(e) => (e.preventDefault(), m.mutate())}>
      <Field label="Model version" error={errs.modelVersionId}>{(p) => <Select {...p} value={f.modelVersionId} onChange={set("modelVersionId")}>{versions.map((v) => <option key={v.id} value={v.id}>{v.label}</option>)}</Select>}</Field>
      <Field label="Target environment" error={errs.environment}>{(p) => <Select {...p} value={f.environment} onChange={set("environment")}>{environments.map((e) => <option key={e.key} value={e.key}>{e.name}</option>)}</Select>}</Field>
      <Field label="Strategy" error={errs.strategy} hint={env ? `The ${env.key} policy allows ${env.strategies.join(", ")}.` : undefined}>
        {(p) => <Select {...p} value={f.strategy} onChange={set("strategy")}>{["direct", "canary", "shadow", "blue_green"].map((s) => <option key={s} value={s}>{s.replace("_", "-")}</option>)}</Select>}
      </Field>
      {f.strategy === "canary" ? <Field label="Canary traffic steps (%)" error={errs["strategyConfig.trafficSteps"]}>{(p) => <Input {...p} value={f.trafficSteps} onChange={set("trafficSteps")} />}</Field> : null}
      <Field label="lakeFS source ref (optional)" hint="Defaults to the branch of the environment below." error={errs.sourceRef}>{(p) => <Input {...p} value={f.sourceRef} onChange={set("sourceRef")} />}</Field>
      <Field label="Justification" error={errs.justification}>{(p) => <Textarea {...p} rows={3} value={f.justification} onChange={set("justification")} />}</Field>
      {m.error && !Object.keys(errs).length ? <p role="alert" className="text-sm text-red-700">{m.error.message}</p> : null}
      <Button type="submit" disabled={m.isPending}>{m.isPending ? "Requesting…" : "Request promotion"}</Button>
    </form>
  );
}
