import type { Metadata } from "next";
import Link from "next/link";
import { NoAccess } from "@/components/shell/no-access";
import { Card, PageHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/states";
import { Badge } from "@/components/ui/badge";
import { PolicyPanel } from "@/components/admin/policy-panel";
import { currentActor } from "@/lib/auth/session-actor";
import { can } from "@/lib/policy/require";
import { listEnvironments } from "@/lib/environments/environments";

export const metadata: Metadata = { title: "Environments & policies" };

export default async function EnvironmentsPage() {
  const actor = (await currentActor())!;
  if (!can(actor, "environment.read")) return <NoAccess what="see environments" />;
  const envs = await listEnvironments(actor);
  const canManage = can(actor, "environment.manage");
  const canConfigure = can(actor, "integration.manage");
  return (
    <>
      <PageHeader title="Environments & policies" description="Each environment maps to a lakeFS branch, an MLflow alias and an Airflow deploy DAG. Policies are versioned: publishing a new version never changes the rules a past promotion was judged by." />
      {envs.length ? (
        <div className="space-y-4">
          {envs.map((e) => (
            <Card key={e.key} className="space-y-3 p-4" aria-labelledby={`env-${e.key}`}>
              <h2 id={`env-${e.key}`} className="text-lg font-semibold">{e.name} <span className="text-sm font-normal text-slate-500">({e.key})</span> {e.protected ? <Badge tone="info">protected branch</Badge> : null}</h2>
              <p className="text-sm">lakeFS <code>{e.lakefsRepository}/{e.lakefsBranch}</code> · MLflow alias <code>{e.mlflowAlias}</code> · Airflow DAG <code>{e.airflowDagId}</code></p>
              <p className="text-sm">
                Integrations: {e.integrations.length ? e.integrations.map((i) => `${i.system} (${i.baseUrl})`).join(", ") : <Badge tone="warning">none configured: demo mode runs against built-in fakes</Badge>}
                {canConfigure ? <> · <Link className="text-brand-700 underline" href={`/admin/integrations?env=${encodeURIComponent(e.key)}`}>Configure</Link></> : null}
              </p>
              <PolicyPanel envKey={e.key} envName={e.name} canManage={canManage} />
            </Card>
          ))}
        </div>
      ) : <EmptyState title="No environments yet">Create one with POST /api/v1/environments.</EmptyState>}
    </>
  );
}
