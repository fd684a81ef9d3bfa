import "server-only";
import { db } from "@/lib/db";
import { AirflowFake } from "@/lib/integrations/testing/airflow-fake";
import { LakefsFake } from "@/lib/integrations/testing/lakefs-fake";
import { MlflowFake } from "@/lib/integrations/testing/mlflow-fake";
import type { PortsConfig } from "@/lib/promotions/execution/client-ports";

// Demo mode with nothing configured: the integrations' stateful fakes, started inside the
// worker. Before each use they are given whatever the portal's data names (repositories,
// branches, model versions, DAGs), so a demo promotion always runs end to end. The UI
// labels promotions executed this way as run against fakes.

export interface DemoFakes {
  config: PortsConfig;
  fakes: { lakefs: LakefsFake; mlflow: MlflowFake; airflow: AirflowFake };
  ensure(envId: string, sourceRef: string): Promise<void>;
  stop(): Promise<void>;
}

export async function startDemoFakes(): Promise<DemoFakes> {
  const lakefs = new LakefsFake();
  const mlflow = new MlflowFake();
  const airflow = new AirflowFake({ version: 3 });
  for (const f of [lakefs, mlflow, airflow]) await f.start(0);
  const repos = new Set<string>();
  const branches = new Set<string>();
  const dags = new Set<string>();
  const mlflowVersions = new Map<string, number>();
  const ensure = async (envId: string, sourceRef: string) => {
    const envs = await db().environment.findMany();
    for (const e of envs) {
      if (!repos.has(e.lakefsRepository)) (lakefs.createRepository(e.lakefsRepository, "main"), repos.add(e.lakefsRepository));
      for (const b of [e.lakefsBranch, ...(e.id === envId ? [sourceRef] : [])]) {
        const key = `${e.lakefsRepository}/${b}`;
        if (b === "main" || branches.has(key)) continue;
        lakefs.createBranch(e.lakefsRepository, b, "main");
        // A demo data commit on the new branch, so merging it changes something.
        lakefs.commit(e.lakefsRepository, b, { message: `demo data for ${b}`, files: { [`${b}/data.parquet`]: `demo ${b}` } });
        branches.add(key);
      }
      // Demo DAG runs pass through queued and running to success.
      if (!dags.has(e.airflowDagId)) (airflow.addDag(e.airflowDagId, "success", 2), dags.add(e.airflowDagId));
    }
    const versions = await db().modelVersion.groupBy({ by: ["mlflowModelName"], where: { mlflowModelName: { not: null } }, _count: true });
    for (const v of versions) {
      const name = v.mlflowModelName!;
      const all = await db().modelVersion.findMany({ where: { mlflowModelName: name }, select: { mlflowVersion: true } });
      const max = Math.max(0, ...all.map((m) => Number(m.mlflowVersion) || 0));
      // The fake numbers versions 1..n as they are created; create up to the highest the catalog names.
      while ((mlflowVersions.get(name) ?? 0) < max) mlflowVersions.set(name, Number(mlflow.createModelVersion(name)));
    }
  };
  return {
    config: { lakefs: lakefs.config, mlflow: mlflow.config, airflow: airflow.config, usedFakes: true },
    fakes: { lakefs, mlflow, airflow },
    ensure,
    stop: async () => void (await Promise.all([lakefs.stop(), mlflow.stop(), airflow.stop()])),
  };
}
