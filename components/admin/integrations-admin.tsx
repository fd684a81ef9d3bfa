"use client";
import { Badge } from "@/components/ui/badge";
import { ErrorState, LoadingRows } from "@/components/ui/states";
import { IntegrationForm } from "@/components/admin/integration-form";
import { useIntegrations } from "@/lib/client/use-integrations";
import { SYSTEM_NAMES, SYSTEMS } from "@/lib/environments/integration-schemas";

export interface EnvironmentTargets {
  key: string;
  name: string;
  lakefs: string;
  dag: string;
  alias: string;
}

/** One environment's three connections, each with its own form, test button and last result. */
export function IntegrationsAdmin({ env, demoMode }: { env: EnvironmentTargets; demoMode: boolean }) {
  const q = useIntegrations(env.key);
  if (q.isPending) return <LoadingRows label={`Loading the integrations of ${env.name}`} rows={3} />;
  if (q.isError) return <ErrorState error={q.error} onRetry={() => void q.refetch()} />;
  const by = new Map(q.data.map((v) => [v.system, v]));
  return (
    <div className="space-y-4">
      {q.data.length === 0 ? (
        <p className="rounded-md border border-amber-200 bg-amber-50 p-3 text-sm text-amber-900">
          Nothing is configured for {env.name} yet.{" "}
          {demoMode ? <>Demo mode runs its promotions against <Badge tone="warning">built-in fakes</Badge> until lakeFS, MLflow and Airflow are all configured here.</> : "Promotions to it fail until lakeFS, MLflow and Airflow are configured."}
        </p>
      ) : q.data.length < SYSTEMS.length ? (
        <p className="rounded-md border border-amber-200 bg-amber-50 p-3 text-sm text-amber-900">
          Promotions to {env.name} need all three systems: {SYSTEMS.filter((s) => !by.has(s)).map((s) => SYSTEM_NAMES[s]).join(", ")} still missing.
        </p>
      ) : null}
      <div className="grid gap-4 xl:grid-cols-3">
        {SYSTEMS.map((s) => (
          <IntegrationForm key={`${env.key}-${s}`} envKey={env.key} system={s} view={by.get(s)} targets={env} />
        ))}
      </div>
    </div>
  );
}
