import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { collectCalls } from "../core/call-record";
import { SPECS, startPrism, type PrismMock } from "../testing/prism";
import { createAirflowClient } from "./client";

// Shape conformance against both published Airflow specs: Prism refuses requests the spec does not allow.
let v1: PrismMock;
let v2: PrismMock;
const { calls, onCall } = collectCalls();

beforeAll(async () => {
  [v1, v2] = await Promise.all([startPrism(SPECS.airflowV1), startPrism(SPECS.airflowV2)]);
});
afterAll(async () => {
  await Promise.all([v1?.stop(), v2?.stop()]);
});

describe("Airflow clients against the specs (Prism mock)", () => {
  it("Airflow 2: triggers a DAG run and reads it", async () => {
    const airflow = createAirflowClient({ version: 2, endpoint: v1.url, apiPath: "", username: "u", password: "p" }, { onCall, retry: { maxAttempts: 1 } });
    const { run, created } = await airflow.triggerDagRun({ dagId: "deploy", runId: "promotion-1", conf: { model: "churn" }, note: "n" });
    expect(created).toBe(true);
    expect(["queued", "running", "success", "failed"]).toContain(run.state);
    expect(await airflow.getDagRun("deploy", "promotion-1")).toMatchObject({ runId: expect.any(String), state: expect.any(String) });
    expect(await airflow.getDag("deploy")).toEqual({ dagId: expect.any(String), isPaused: expect.any(Boolean) });
  });

  it("Airflow 3: triggers a DAG run and reads it with a bearer token", async () => {
    const airflow = createAirflowClient({ version: 3, endpoint: v2.url, token: "jwt" }, { onCall, retry: { maxAttempts: 1 } });
    const { run } = await airflow.triggerDagRun({ dagId: "deploy", runId: "promotion-1", conf: { model: "churn" } });
    expect(["queued", "running", "success", "failed"]).toContain(run.state);
    expect((await airflow.getDagRun("deploy", "promotion-1")).conf).toEqual(expect.any(Object));
    expect(await airflow.getDag("deploy")).toEqual({ dagId: expect.any(String), isPaused: expect.any(Boolean) });
    expect(calls.filter((c) => c.status !== 200)).toEqual([]);
  });
});
