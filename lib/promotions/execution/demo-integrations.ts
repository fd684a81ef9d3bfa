import "server-only";
import { db } from "@/lib/db";
import { createMlflowClient } from "@/lib/integrations/mlflow/client";
import { startDemoIntegrations, type DemoIntegrations } from "@/lib/integrations/testing/demo";
import { log } from "@/lib/log";

// Demo mode with no integrations configured: the worker runs promotions against the one set of
// demo fakes of lib/integrations (startDemoIntegrations: lenient, so whatever repository, branch,
// model or DAG the demo data names exists). Nothing real is changed, and the UI says so on every
// promotion executed this way ("demo fakes").
//
// A fresh fake MLflow knows no aliases, so the first rollback would find nothing to move back
// to. Before first use the aliases are set to what the portal says runs in each environment.

const MIRRORED = 500; // the newest active deployments; a demo database has a handful

export async function startWorkerDemoIntegrations(port = 0): Promise<DemoIntegrations> {
  const demo = await startDemoIntegrations({ ports: port });
  try {
    const aliases = await mirrorDeployments(demo);
    log.warn(
      { lakefs: demo.lakefs.endpoint, mlflow: demo.mlflow.trackingUri, airflow: demo.airflow.endpoint, aliases },
      "demo mode without integrations: promotions run against the demo fakes of lakeFS, MLflow and Airflow; nothing real is changed",
    );
    return demo;
  } catch (e) {
    await demo.stop();
    throw e;
  }
}

/** Points each environment's MLflow alias at the version the catalog says is deployed there. */
async function mirrorDeployments(demo: DemoIntegrations): Promise<number> {
  const [envs, active] = await Promise.all([
    db().environment.findMany({ select: { key: true, mlflowAlias: true } }),
    db().deployment.findMany({
      where: { status: "active" },
      orderBy: { deployedAt: "desc" },
      take: MIRRORED,
      select: { environment: true, modelVersion: { select: { mlflowModelName: true, mlflowVersion: true } } },
    }),
  ]);
  const aliasOf = new Map(envs.map((e) => [e.key, e.mlflowAlias]));
  const mlflow = createMlflowClient(demo.mlflow);
  let set = 0;
  for (const d of active) {
    const alias = aliasOf.get(d.environment);
    const { mlflowModelName: model, mlflowVersion: version } = d.modelVersion;
    if (!alias || !model || !version) continue;
    await mlflow.setAlias(model, alias, version);
    set++;
  }
  return set;
}
