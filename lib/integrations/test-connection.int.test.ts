import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AirflowFake } from "./testing/airflow-fake";
import { LakefsFake } from "./testing/lakefs-fake";
import { MlflowFake } from "./testing/mlflow-fake";
import { refusedUrl } from "./testing/ports";
import { checkAirflow, checkLakefs, checkMlflow } from "./test-connection";

const lakefs = new LakefsFake();
const mlflow = new MlflowFake({ token: "t0ken" });
const airflow = new AirflowFake({ version: 3 });
let refused = "";

beforeAll(async () => {
  refused = await refusedUrl();
  for (const f of [lakefs, mlflow, airflow]) await f.start();
  lakefs.createRepository("sales");
  mlflow.createModelVersion("churn");
  airflow.addDag("deploy_model");
  airflow.addDag("paused_dag", "success", 1, true);
});
afterAll(async () => {
  await Promise.all([lakefs.stop(), mlflow.stop(), airflow.stop()]);
});

describe("test connection", () => {
  it("confirms working settings, naming what it checked", async () => {
    expect(await checkLakefs(lakefs.config, { repository: "sales", branch: "main" })).toMatchObject({ ok: true, message: expect.stringContaining("branch sales/main is at commit") });
    expect(await checkMlflow(mlflow.config, { model: "churn" })).toMatchObject({ ok: true, message: expect.stringContaining('"churn" has versions') });
    expect(await checkAirflow(airflow.config, { dagId: "deploy_model" })).toEqual({ ok: true, message: 'Airflow 3 answered; DAG "deploy_model" exists and is not paused.' });
  });

  it("says exactly what failed", async () => {
    expect(await checkLakefs({ ...lakefs.config, secretAccessKey: "nope" })).toMatchObject({ ok: false, kind: "unauthorized" });
    expect(await checkLakefs(lakefs.config, { repository: "sales", branch: "prod" })).toMatchObject({ ok: false, kind: "not_found", message: expect.stringContaining('branch "prod" in repository "sales"') });
    expect(await checkMlflow({ trackingUri: refused })).toMatchObject({ ok: false, kind: "refused", message: expect.stringContaining(refused) });
    expect(await checkMlflow({ ...mlflow.config, token: "bad" })).toMatchObject({ ok: false, kind: "unauthorized" });
    expect(await checkAirflow({ ...airflow.config, password: "bad" }, { dagId: "deploy_model" })).toMatchObject({ ok: false, kind: "unauthorized" });
    expect(await checkAirflow(airflow.config, { dagId: "nope" })).toMatchObject({ ok: false, kind: "not_found", message: expect.stringContaining('DAG "nope"') });
  });

  it("warns about a paused DAG and a model without versions", async () => {
    expect(await checkAirflow(airflow.config, { dagId: "paused_dag" })).toMatchObject({ ok: true, warning: expect.stringContaining("is paused") });
    expect(await checkMlflow(mlflow.config, { model: "unknown-model" })).toMatchObject({ ok: true, warning: expect.stringContaining("no versions") });
  });
});
