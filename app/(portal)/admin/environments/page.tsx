import type { Metadata } from "next";
import { NoAccess } from "@/components/shell/no-access";
import { Card, PageHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/states";
import { Badge } from "@/components/ui/badge";
import { currentActor } from "@/lib/auth/session-actor";
import { can } from "@/lib/policy/require";
import { listEnvironments } from "@/lib/environments/environments";

export const metadata: Metadata = { title: "Environments & policies" };

export default async function EnvironmentsPage() {
  const actor = (await currentActor())!;
  if (!can(actor, "environment.read")) return <NoAccess what="see environments" />;
  const envs = await listEnvironments(actor);
  return (
    <>
      <PageHeader title="Environments & policies" description="Each environment maps to a lakeFS branch, an MLflow alias and an Airflow deploy DAG. Policies are versioned: publish a new version with POST /api/v1/environments/{key}/policies; promotions keep the version they were judged by." />
      {envs.length ? (
        <div className="space-y-4">
          {envs.map((e) => (
            <Card key={e.key} className="space-y-2 p-4">
              <h2 className="font-semibold">{e.name} <span className="text-sm font-normal text-slate-500">({e.key})</span> {e.protected ? <Badge tone="info">protected branch</Badge> : null}</h2>
              <p className="text-sm">lakeFS <code>{e.lakefsRepository}/{e.lakefsBranch}</code> · MLflow alias <code>{e.mlflowAlias}</code> · Airflow DAG <code>{e.airflowDagId}</code></p>
              <p className="text-sm">Integrations: {e.integrations.length ? e.integrations.map((i) => `${i.system} (${i.baseUrl})`).join(", ") : <Badge tone="warning">none configured: demo mode runs against built-in fakes</Badge>}</p>
              {e.policy ? (
                <dl className="grid grid-cols-2 gap-x-4 text-sm sm:grid-cols-4">
                  <dt className="text-slate-500">Policy</dt><dd>v{e.policy.version}</dd>
                  <dt className="text-slate-500">Approvals</dt><dd>{e.policy.requiredApprovals} from {e.policy.approverRoles.join(" / ")}{e.policy.highRiskRole ? ` (+1 ${e.policy.highRiskRole} if high risk)` : ""}</dd>
                  <dt className="text-slate-500">Strategies</dt><dd>{e.policy.allowedStrategies.join(", ")}</dd>
                  <dt className="text-slate-500">Rollback approvals</dt><dd>{e.policy.rollbackApprovals}</dd>
                  <dt className="text-slate-500">Metric gates</dt><dd>{e.policy.gates.metrics.map((m) => `${m.metric} ${m.op} ${m.threshold}`).join(", ") || "none"} ({e.policy.gates.metricsLevel})</dd>
                  <dt className="text-slate-500">Other gates</dt><dd>reproducibility {e.policy.gates.reproducibility}, lineage {e.policy.gates.lineage}, data quality {e.policy.gates.dataQuality}, risk tier {e.policy.gates.riskTier}, use case {e.policy.gates.useCaseApproved}</dd>
                </dl>
              ) : <p className="text-sm text-red-700">No policy published: promotions to {e.key} are refused.</p>}
            </Card>
          ))}
        </div>
      ) : <EmptyState title="No environments yet">Create one with POST /api/v1/environments.</EmptyState>}
    </>
  );
}
