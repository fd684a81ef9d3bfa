import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { collectCalls } from "../core/call-record";
import { MlflowFake } from "../testing/mlflow-fake";
import { createMlflowClient } from "./client";

const fake = new MlflowFake({ token: "mlflow-test-token" });
let n = 0;
const uniqueModel = () => `churn-${Date.now().toString(36)}-${++n}`;
const client = (calls?: ReturnType<typeof collectCalls>) => createMlflowClient(fake.config, { retry: { baseDelayMs: 5 }, onCall: calls?.onCall });

beforeAll(() => fake.start());
afterAll(() => fake.stop());

describe("MLflow registry client against the stateful fake", () => {
  it("reads a model version with its run, source, tags and aliases", async () => {
    const name = uniqueModel();
    const v = fake.createModelVersion(name, { runId: "run-1", source: "s3://models/churn/1", tags: { auc: "0.86" } });
    fake.setAlias(name, "champion", v);
    const got = await client().getModelVersion(name, v);
    expect(got).toMatchObject({ name, version: "1", runId: "run-1", source: "s3://models/churn/1", status: "READY", tags: { auc: "0.86" }, aliases: ["champion"] });
    expect(got.createdAt).toBeInstanceOf(Date);
  });

  it("moves an alias and reports the version it pointed at before; moving it again is a no-op", async () => {
    const name = uniqueModel();
    const v1 = fake.createModelVersion(name);
    const v2 = fake.createModelVersion(name);
    const mlflow = client();
    expect(await mlflow.moveAlias(name, "champion", v1)).toEqual({ previous: null });
    expect(await mlflow.moveAlias(name, "champion", v2)).toEqual({ previous: v1 });
    expect(await mlflow.moveAlias(name, "champion", v2)).toEqual({ previous: v2 });
    expect(fake.alias(name, "champion")).toBe(v2);
    expect(fake.aliasMoves.filter((m) => m.name === name)).toEqual([
      { name, alias: "champion", from: null, to: v1 },
      { name, alias: "champion", from: v1, to: v2 },
    ]);
    expect((await mlflow.getModelVersionByAlias(name, "champion"))?.version).toBe(v2);
  });

  it("deletes an alias; reading it then gives null, while a missing model is an error", async () => {
    const name = uniqueModel();
    fake.setAlias(name, "staging", fake.createModelVersion(name));
    const mlflow = client();
    await mlflow.deleteAlias(name, "staging");
    expect(fake.alias(name, "staging")).toBeUndefined();
    expect(await mlflow.getModelVersionByAlias(name, "staging")).toBeNull();
    await expect(mlflow.getModelVersionByAlias("no-such-model", "staging")).rejects.toMatchObject({ kind: "not_found" });
  });

  it("searches model versions by name and pages through them", async () => {
    const name = uniqueModel();
    for (let i = 0; i < 3; i++) fake.createModelVersion(name, { runId: `run-${i}` });
    const mlflow = client();
    const first = await mlflow.searchModelVersions({ filter: `name='${name}'`, maxResults: 2 });
    expect(first.versions.map((v) => v.version)).toEqual(["3", "2"]);
    const second = await mlflow.searchModelVersions({ filter: `name='${name}'`, maxResults: 2, pageToken: first.nextPageToken! });
    expect(second).toEqual({ versions: [expect.objectContaining({ version: "1", runId: "run-0" })], nextPageToken: null });
    expect((await mlflow.searchModelVersions({ filter: `name='${name}' AND run_id='run-1'` })).versions.map((v) => v.version)).toEqual(["2"]);
  });

  it("names the missing model version on a 404, and refuses a version that does not exist for an alias", async () => {
    const name = uniqueModel();
    fake.createModelVersion(name);
    const calls = collectCalls();
    await expect(client(calls).getModelVersion(name, "9")).rejects.toMatchObject({
      kind: "not_found",
      message: expect.stringContaining(`MLflow has no version "9" of registered model "${name}"`),
    });
    await expect(client(calls).setAlias(name, "champion", "9")).rejects.toMatchObject({ kind: "not_found", attempts: 1 });
    expect(calls.calls).toHaveLength(2);
  });

  it("retries an alias move on 503 (it is idempotent) and records both attempts", async () => {
    const name = uniqueModel();
    const v = fake.createModelVersion(name);
    const calls = collectCalls();
    fake.inject("setRegisteredModelAlias", { kind: "status", status: 503, body: { error_code: "TEMPORARILY_UNAVAILABLE", message: "busy" } }, 1);
    await client(calls).setAlias(name, "champion", v);
    expect(calls.calls.map((c) => [c.method, c.path, c.status])).toEqual([
      ["POST", "/api/2.0/mlflow/registered-models/alias", 503],
      ["POST", "/api/2.0/mlflow/registered-models/alias", 200],
    ]);
    expect(fake.alias(name, "champion")).toBe(v);
  });

  it("says the token is wrong on a 401", async () => {
    const mlflow = createMlflowClient({ trackingUri: fake.url, token: "wrong" });
    await expect(mlflow.getModelVersion("x", "1")).rejects.toMatchObject({ kind: "unauthorized", message: expect.stringContaining("rejected the credentials") });
  });
});

describe("MLflow fake fidelity", () => {
  const post = (body: unknown) =>
    fetch(`${fake.url}/api/2.0/mlflow/registered-models/alias`, { method: "POST", headers: { authorization: `Bearer ${fake.token}`, "content-type": "application/json" }, body: JSON.stringify(body) });

  it("refuses fields the proto does not define, and missing required ones", async () => {
    const name = uniqueModel();
    const v = fake.createModelVersion(name);
    const camel = await post({ name, alias: "champion", modelVersion: v });
    expect(camel.status).toBe(400);
    expect(await camel.json()).toMatchObject({ error_code: "INVALID_PARAMETER_VALUE", message: expect.stringContaining("modelVersion") });
    expect((await post({ name, alias: "champion" })).status).toBe(400);
    expect(fake.alias(name, "champion")).toBeUndefined();
  });

  it("refuses reserved alias names as MLflow does", async () => {
    const name = uniqueModel();
    const v = fake.createModelVersion(name);
    expect((await post({ name, alias: "latest", version: v })).status).toBe(400);
  });
});
