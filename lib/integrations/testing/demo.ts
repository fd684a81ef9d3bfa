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
  /** Ports to listen on (the default, 0, lets the OS choose). */
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
    for (const fake of [lakefs, mlflow, airflow]) {
      await fake.start(ports);
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
