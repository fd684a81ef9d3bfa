import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAirflowClient } from "../airflow/client";
import { createLakefsClient } from "../lakefs/client";
import { createMlflowClient } from "../mlflow/client";
import { startDemoIntegrations, type DemoIntegrations } from "./demo";

let demo: DemoIntegrations;
beforeAll(async () => {
  demo = await startDemoIntegrations();
});
afterAll(() => demo?.stop());

describe("demo integrations (lenient fakes)", () => {
  it("runs a whole promotion against names nobody seeded: merge twice, move an alias, follow a DAG run", async () => {
    const lakefs = createLakefsClient(demo.lakefs);
    const first = await lakefs.merge("retail", "features-v7", "staging", { metadata: { promotion: "1" } });
    const second = await lakefs.merge("retail", "features-v7", "staging", { metadata: { promotion: "2" } });
    expect(second.commitId).not.toBe(first.commitId);
    expect((await lakefs.getBranch("retail", "staging")).commitId).toBe(second.commitId);
    expect(demo.fakes.lakefs.count("mergeIntoBranch")).toBe(2);

    const mlflow = createMlflowClient(demo.mlflow);
    expect(await mlflow.moveAlias("demand-forecast", "champion", "3")).toEqual({ previous: null });
    expect((await mlflow.getModelVersionByAlias("demand-forecast", "champion"))?.version).toBe("3");

    const airflow = createAirflowClient(demo.airflow);
    await airflow.triggerDagRun({ dagId: "deploy_model", runId: "promotion-1-execute", conf: { model: "demand-forecast" } });
    const states = [];
    for (let i = 0; i < 5; i++) states.push((await airflow.getDagRun("deploy_model", "promotion-1-execute")).state);
    expect(states.at(-1)).toBe("success");
  });

  it("still refuses wrong credentials", async () => {
    const lakefs = createLakefsClient({ ...demo.lakefs, secretAccessKey: "wrong" });
    await expect(lakefs.getBranch("retail", "main")).rejects.toMatchObject({ kind: "unauthorized" });
  });
});
