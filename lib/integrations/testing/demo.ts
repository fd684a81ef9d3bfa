import { AirflowFake } from "./airflow-fake";
import { LakefsFake } from "./lakefs-fake";
import { MlflowFake } from "./mlflow-fake";

// Demo mode with no integrations configured: the three fakes, started in-process and lenient
// (whatever repository, branch, model or DAG the demo data names exists), so promotions run end
// to end. Everything they answer is made up: the UI must label these as fakes.

export interface DemoIntegrations {
  lakefs: { endpoint: string; accessKeyId: string; secretAccessKey: string };
  mlflow: { trackingUri: string; token?: string };
  airflow: AirflowFake["config"];
  fakes: { lakefs: LakefsFake; mlflow: MlflowFake; airflow: AirflowFake };
  stop(): Promise<void>;
}

export interface DemoOptions {
  /**
   * Where to listen: 0 (the default) lets the OS choose; a port P puts lakeFS on P, MLflow on P+1
   * and Airflow on P+2; a range gives each the first free port of it, in that order.
   */
  ports?: number | { from: number; to: number };
  airflowVersion?: 2 | 3;
}

export async function startDemoIntegrations(options: DemoOptions = {}): Promise<DemoIntegrations> {
  const ports = options.ports ?? 0;
  const lakefs = new LakefsFake({ lenient: true });
  const mlflow = new MlflowFake({ lenient: true });
  const airflow = new AirflowFake({ version: options.airflowVersion ?? 3, lenient: true });
  const started: { stop(): Promise<void> }[] = [];
  try {
    for (const [i, fake] of [lakefs, mlflow, airflow].entries()) {
      await fake.start(typeof ports === "number" && ports !== 0 ? ports + i : ports);
      started.push(fake);
    }
  } catch (e) {
    await Promise.all(started.map((f) => f.stop()));
    throw e;
  }
  return {
    lakefs: lakefs.config,
    mlflow: mlflow.config,
    airflow: airflow.config,
    fakes: { lakefs, mlflow, airflow },
    stop: async () => {
      await Promise.all([lakefs.stop(), mlflow.stop(), airflow.stop()]);
    },
  };
}
