import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { collectCalls } from "../core/call-record";
import { AirflowFake } from "../testing/airflow-fake";
import { specProblems } from "../testing/spec-validation";
import { createAirflowClient } from "./client";

let n = 0;
const unique = (p: string) => `${p}-${Date.now().toString(36)}-${++n}`;

describe.each([2, 3] as const)("Airflow %i client against the stateful fake", (version) => {
  const fake = new AirflowFake({ version });
  const client = (calls?: ReturnType<typeof collectCalls>) => createAirflowClient(fake.config, { retry: { baseDelayMs: 5 }, onCall: calls?.onCall });
  beforeAll(() => fake.start());
  afterAll(() => fake.stop());

  it("triggers a run with the caller's run id and conf, then follows it queued → running → success", async () => {
    const dag = unique("deploy");
    fake.addDag(dag, "success", 2);
    const airflow = client();
    const { run, created } = await airflow.triggerDagRun({ dagId: dag, runId: "promotion-1", conf: { model: "churn", version: "7" }, note: "promotion 1" });
    expect(created).toBe(true);
    expect(run).toMatchObject({ dagId: dag, runId: "promotion-1", state: "queued", conf: { model: "churn", version: "7" } });
    const states: string[] = [];
    for (let i = 0; i < 5; i++) states.push((await airflow.getDagRun(dag, "promotion-1")).state);
    expect(states).toEqual(["queued", "running", "running", "success", "success"]);
    expect((await airflow.getDagRun(dag, "promotion-1")).endDate).not.toBeNull();
  });

  it("reports a failed run as failed", async () => {
    const dag = unique("deploy");
    fake.addDag(dag, "failed", 0);
    const airflow = client();
    await airflow.triggerDagRun({ dagId: dag, runId: "r", conf: {} });
    await airflow.getDagRun(dag, "r");
    expect((await airflow.getDagRun(dag, "r")).state).toBe("failed");
  });

  it("does not start a second run when the trigger is repeated with the same run id", async () => {
    const dag = unique("deploy");
    fake.addDag(dag);
    const airflow = client();
    const first = await airflow.triggerDagRun({ dagId: dag, runId: "promotion-2", conf: { v: 1 } });
    const again = await airflow.triggerDagRun({ dagId: dag, runId: "promotion-2", conf: { v: 1 } });
    expect([first.created, again.created]).toEqual([true, false]);
    expect(again.run).toMatchObject({ runId: "promotion-2", conf: { v: 1 } });
    expect(fake.runsOf(dag)).toHaveLength(1);
  });

  it("retries a trigger whose answer was lost, and still starts exactly one run", async () => {
    const dag = unique("deploy");
    fake.addDag(dag);
    const calls = collectCalls();
    fake.inject(fake.triggerOperation, { kind: "close-after" }, 1);
    const { run } = await client(calls).triggerDagRun({ dagId: dag, runId: "promotion-3", conf: {} });
    expect(run.runId).toBe("promotion-3");
    expect(fake.runsOf(dag)).toHaveLength(1);
    expect(calls.calls.filter((c) => c.operation === "trigger DAG run").map((c) => c.status)).toEqual([null, 409]);
  });

  it("retries a 500 on trigger, then succeeds", async () => {
    const dag = unique("deploy");
    fake.addDag(dag);
    fake.inject(fake.triggerOperation, { kind: "status", status: 500 }, 2);
    expect((await client().triggerDagRun({ dagId: dag, runId: "r", conf: {} })).created).toBe(true);
    expect(fake.runsOf(dag)).toHaveLength(1);
  });

  it("names the missing DAG and run on a 404, without retrying", async () => {
    const calls = collectCalls();
    await expect(client(calls).triggerDagRun({ dagId: "no_such_dag", runId: "r", conf: {} })).rejects.toMatchObject({
      kind: "not_found",
      attempts: 1,
      message: expect.stringContaining('Airflow has no DAG "no_such_dag"'),
    });
    const dag = unique("deploy");
    fake.addDag(dag);
    await expect(client().getDagRun(dag, "missing")).rejects.toMatchObject({ kind: "not_found", message: expect.stringContaining(`DAG run "missing" of DAG "${dag}"`) });
    expect(calls.calls.filter((c) => c.operation === "trigger DAG run")).toHaveLength(1);
  });

  it("answers with DAG runs that conform to the published spec", async () => {
    const dag = unique("deploy");
    fake.addDag(dag);
    await client().triggerDagRun({ dagId: dag, runId: "r", conf: { a: 1 } });
    const headers =
      version === 2
        ? { authorization: `Basic ${Buffer.from(`${fake.config.username}:${fake.config.password}`).toString("base64")}` }
        : { authorization: `Bearer ${((await (await fetch(`${fake.url}/auth/token`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ username: fake.config.username, password: fake.config.password }) })).json()) as { access_token: string }).access_token}` };
    const path = version === 2 ? `/api/v1/dags/${dag}/dagRuns/r` : `/api/v2/dags/${dag}/dagRuns/r`;
    const body = await (await fetch(fake.url + path, { headers })).json();
    expect(specProblems(version === 2 ? "airflowV1" : "airflowV2", version === 2 ? "DAGRun" : "DAGRunResponse", body)).toEqual([]);
  });
});

describe("Airflow 3 JWT flow", () => {
  const fake = new AirflowFake({ version: 3 });
  beforeAll(() => fake.start());
  afterAll(() => fake.stop());

  it("logs in once for many calls, and again when the token has expired", async () => {
    const dag = unique("deploy");
    fake.addDag(dag);
    const airflow = createAirflowClient(fake.config);
    const logins = fake.count("create_token");
    await airflow.triggerDagRun({ dagId: dag, runId: "r", conf: {} });
    await airflow.getDagRun(dag, "r");
    expect(fake.count("create_token") - logins).toBe(1);
    fake.expireTokens();
    expect((await airflow.getDagRun(dag, "r")).runId).toBe("r");
    expect(fake.count("create_token") - logins).toBe(2);
  });

  it("says the credentials are wrong when /auth/token refuses them", async () => {
    const airflow = createAirflowClient({ ...fake.config, password: "wrong" });
    await expect(airflow.getDagRun("any", "r")).rejects.toMatchObject({ kind: "unauthorized", operation: "get access token", message: expect.stringContaining("rejected the credentials") });
  });

  it("a pre-issued token that is refused is reported, not retried", async () => {
    const calls = collectCalls();
    const airflow = createAirflowClient({ version: 3, endpoint: fake.url, token: "not-a-valid-token" }, { onCall: calls.onCall });
    await expect(airflow.getDagRun("any", "r")).rejects.toMatchObject({ kind: "unauthorized", status: 401 });
    expect(calls.calls).toHaveLength(1);
  });

  it("the fake refuses a trigger body without logical_date, as Airflow 3.0-3.2 do", async () => {
    const dag = unique("deploy");
    fake.addDag(dag);
    const login = await fetch(`${fake.url}/auth/token`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ username: fake.config.username, password: fake.config.password }) });
    const { access_token } = (await login.json()) as { access_token: string };
    const res = await fetch(`${fake.url}/api/v2/dags/${dag}/dagRuns`, {
      method: "POST",
      headers: { authorization: `Bearer ${access_token}`, "content-type": "application/json" },
      body: JSON.stringify({ dag_run_id: "r", conf: {} }),
    });
    expect(res.status).toBe(422);
    expect(fake.runsOf(dag)).toHaveLength(0);
  });
});
