import type { Metadata } from "next";
import Link from "next/link";
import { IntegrationsAdmin } from "@/components/admin/integrations-admin";
import { NoAccess } from "@/components/shell/no-access";
import { PageHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/states";
import { cn } from "@/components/ui/cn";
import { currentActor } from "@/lib/auth/session-actor";
import { env as appEnv } from "@/lib/env";
import { can } from "@/lib/policy/require";
import { listEnvironments } from "@/lib/environments/environments";

export const metadata: Metadata = { title: "Integrations" };

export default async function IntegrationsPage({ searchParams }: { searchParams: Promise<{ env?: string }> }) {
  const actor = (await currentActor())!;
  if (!can(actor, "integration.manage")) return <NoAccess what="configure integrations" />;
  const envs = await listEnvironments(actor);
  const { env: wanted } = await searchParams;
  const current = envs.find((e) => e.key === wanted) ?? envs[0];
  return (
    <>
      <PageHeader title="Integrations" description="Per environment, where the portal reaches lakeFS, MLflow and Airflow to execute promotions. Secrets are encrypted at rest and never shown again after saving." />
      {!appEnv().ENCRYPTION_KEY ? (
        <p role="alert" className="mb-4 rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-800">
          ENCRYPTION_KEY is not set, so secrets cannot be saved or read. Set it (32+ random characters) and restart the portal; <code>npm start</code> generates one.
        </p>
      ) : null}
      {!current ? (
        <EmptyState title="No environments yet">Create an environment first (POST /api/v1/environments); its integrations are configured here.</EmptyState>
      ) : (
        <div className="space-y-4">
          <nav aria-label="Environments" className="flex flex-wrap gap-2">
            {envs.map((e) => (
              <Link
                key={e.key}
                href={`/admin/integrations?env=${encodeURIComponent(e.key)}`}
                aria-current={e.key === current.key ? "page" : undefined}
                className={cn("rounded-md px-3 py-1.5 text-sm font-medium ring-1 ring-slate-300", e.key === current.key ? "bg-brand-600 text-white ring-brand-600" : "bg-white text-slate-700 hover:bg-slate-50")}
              >
                {e.name}
              </Link>
            ))}
          </nav>
          <h2 className="text-xl font-semibold">{current.name} <span className="text-sm font-normal text-slate-500">({current.key})</span></h2>
          <IntegrationsAdmin
            env={{ key: current.key, name: current.name, lakefs: `${current.lakefsRepository}/${current.lakefsBranch}`, dag: current.airflowDagId, alias: current.mlflowAlias }}
            demoMode={appEnv().DEMO_MODE}
          />
        </div>
      )}
    </>
  );
}
