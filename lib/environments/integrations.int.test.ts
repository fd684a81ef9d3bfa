import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { AirflowFake } from "@/lib/integrations/testing/airflow-fake";
import { LakefsFake } from "@/lib/integrations/testing/lakefs-fake";
import { MlflowFake } from "@/lib/integrations/testing/mlflow-fake";
import { createApiToken } from "@/lib/tokens/tokens";
import { ctxOf, makeActor } from "@/lib/test/factories";
import { makeEnvironment } from "@/lib/promotions/test-fixtures";
import type { RoleName } from "@/lib/policy/permissions";
import { refusedUrl as nobodyListening } from "@/lib/integrations/testing/ports";

// The integrations admin API through its real route handlers, with Bearer tokens, against
// stateful fakes of lakeFS, MLflow and Airflow (2 and 3) listening on free ports.
process.env.ENCRYPTION_KEY ??= "test-encryption-key-0123456789abcdef";
const list = await import("@/app/api/v1/environments/[key]/integrations/route");
const one = await import("@/app/api/v1/environments/[key]/integrations/[system]/route");
const test = await import("@/app/api/v1/environments/[key]/integrations/[system]/test/route");

type Handler = (req: Request, route: { params: Promise<Record<string, string>> }) => Promise<Response>;

async function tokenFor(roles: RoleName[]) {
  const actor = await makeActor(roles);
  return (await createApiToken(ctxOf(actor), { name: "integrations", scopes: ["read", "admin"] })).token;
}

async function call(handler: Handler, token: string, params: Record<string, string>, body?: unknown) {
  const method = handler === one.PUT ? "PUT" : body === undefined ? "GET" : "POST";
  const req = new Request(`http://127.0.0.1/api/v1/environments/${params.key}/integrations`, {
    method,
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const res = await handler(req, { params: Promise.resolve(params) });
  const text = await res.text();
  return { status: res.status, text, body: text ? JSON.parse(text) : null };
}

const lakefs = new LakefsFake();
const mlflow = new MlflowFake({ token: "mlflow-token-1" });
const airflow2 = new AirflowFake({ version: 2 });
const airflow3 = new AirflowFake({ version: 3 });
let html: Server;
let htmlUrl: string;
let refusedUrl: string;
let admin: string;

beforeAll(async () => {
  for (const f of [lakefs, mlflow, airflow2, airflow3]) await f.start(0);
  airflow2.addDag("deploy_model");
  airflow3.addDag("deploy_model", "success", 1, true);
  // A web page where an API should be (a proxy's login page, a wrong path): 200 with HTML.
  html = createServer((_req, res) => res.writeHead(200, { "content-type": "text/html" }).end("<html><body>Sign in</body></html>"));
  await new Promise<void>((r) => html.listen(0, "127.0.0.1", r));
  htmlUrl = `http://127.0.0.1:${(html.address() as AddressInfo).port}`;
  // A port that was free a moment ago and has nobody listening: connection refused.
  refusedUrl = await nobodyListening();
  admin = await tokenFor(["admin"]);
});
afterAll(async () => {
  await Promise.all([lakefs.stop(), mlflow.stop(), airflow2.stop(), airflow3.stop(), new Promise((r) => html.close(r))]);
});

async function lakefsEnv() {
  const { env } = await makeEnvironment();
  lakefs.createRepository(env.lakefsRepository, "main");
  lakefs.createBranch(env.lakefsRepository, env.lakefsBranch, "main");
  return env;
}
const lakefsInput = (over: object = {}) => ({ baseUrl: lakefs.url, accessKeyId: lakefs.accessKeyId, secret: lakefs.secretAccessKey, ...over });

describe("integrations admin API", () => {
  it("stores the lakeFS secret encrypted and never returns it, only that it is set and since when", async () => {
    const env = await lakefsEnv();
    const saved = await call(one.PUT, admin, { key: env.key, system: "lakefs" }, lakefsInput());
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ system: "lakefs", baseUrl: lakefs.url, accessKeyId: lakefs.accessKeyId, secret: { set: true, setAt: expect.any(String) }, lastTest: null });
    const listed = await call(list.GET, admin, { key: env.key });
    for (const text of [saved.text, listed.text]) {
      expect(text).not.toContain(lakefs.secretAccessKey);
      expect(text).not.toContain("ciphertext");
    }
    const row = await db().integrationConfig.findFirstOrThrow({ where: { environmentId: env.id, system: "lakefs" } });
    expect(row.secretCiphertext).toMatch(/^v1\./);
    expect(row.secretCiphertext).not.toContain(lakefs.secretAccessKey);
    const audit = await db().auditEvent.findFirstOrThrow({ where: { entityId: env.id, action: "integration.saved" } });
    expect(JSON.stringify(audit.diff)).not.toContain(lakefs.secretAccessKey);
    expect(audit.diff).toMatchObject({ after: { secret: "replaced" } });
  });

  it("keeps the stored secret when a save leaves it out, and dates a replaced one", async () => {
    const env = await lakefsEnv();
    const first = await call(one.PUT, admin, { key: env.key, system: "lakefs" }, lakefsInput());
    const kept = await call(one.PUT, admin, { key: env.key, system: "lakefs" }, lakefsInput({ secret: undefined }));
    expect(kept.body.secret).toEqual(first.body.secret);
    expect((await call(test.POST, admin, { key: env.key, system: "lakefs" }, {})).body).toMatchObject({ ok: true, tested: "saved" });
    const replaced = await call(one.PUT, admin, { key: env.key, system: "lakefs" }, lakefsInput({ secret: "a-new-secret" }));
    expect(new Date(replaced.body.secret.setAt).getTime()).toBeGreaterThan(new Date(first.body.secret.setAt).getTime());
    // Saving changed the configuration: the earlier test result no longer applies.
    expect(replaced.body.lastTest).toBeNull();
  });

  it("answers 422 naming the field for a first save without a secret, and for a field the system does not take", async () => {
    const env = await lakefsEnv();
    const noSecret = await call(one.PUT, admin, { key: env.key, system: "lakefs" }, lakefsInput({ secret: undefined }));
    expect(noSecret.status).toBe(422);
    expect(noSecret.body.errors).toEqual([{ path: "secret", message: "Enter the secret access key: none is stored yet" }]);
    const wrong = await call(one.PUT, admin, { key: env.key, system: "mlflow" }, { baseUrl: mlflow.url, username: "bob" });
    expect(wrong.status).toBe(422);
    expect(wrong.body.errors).toEqual([{ path: "username", message: "MLflow takes no user name" }]);
    const ftp = await call(one.PUT, admin, { key: env.key, system: "mlflow" }, { baseUrl: "ftp://mlflow:5000" });
    expect(ftp.status).toBe(422);
    expect(await db().integrationConfig.count({ where: { environmentId: env.id } })).toBe(0);
  });

  it("refuses everyone but admins with 403, and an unknown environment with 404", async () => {
    const env = await lakefsEnv();
    for (const role of ["approver", "reviewer", "product_owner"] as const) {
      expect((await call(one.PUT, await tokenFor([role]), { key: env.key, system: "lakefs" }, lakefsInput())).status).toBe(403);
    }
    expect((await call(list.GET, admin, { key: "no-such-env" })).status).toBe(404);
    expect(await db().integrationConfig.count({ where: { environmentId: env.id } })).toBe(0);
  });

  it("tests saved settings against each system and keeps the result", async () => {
    const env = await lakefsEnv();
    await call(one.PUT, admin, { key: env.key, system: "lakefs" }, lakefsInput());
    await call(one.PUT, admin, { key: env.key, system: "mlflow" }, { baseUrl: mlflow.url, secret: "mlflow-token-1" });
    await call(one.PUT, admin, { key: env.key, system: "airflow" }, { baseUrl: airflow2.url, airflowVersion: "2", username: airflow2.config.username, secret: airflow2.config.password });
    const lake = await call(test.POST, admin, { key: env.key, system: "lakefs" }, {});
    expect(lake.body).toMatchObject({ ok: true, message: expect.stringContaining(`branch ${env.lakefsRepository}/${env.lakefsBranch} is at commit`) });
    expect((await call(test.POST, admin, { key: env.key, system: "mlflow" }, {})).body).toMatchObject({ ok: true });
    expect((await call(test.POST, admin, { key: env.key, system: "airflow" }, {})).body).toMatchObject({ ok: true, message: 'Airflow 2 answered; DAG "deploy_model" exists and is not paused.' });
    // Airflow 3 logs in at /auth/token for a JWT; a paused DAG is a warning, not a failure.
    await call(one.PUT, admin, { key: env.key, system: "airflow" }, { baseUrl: airflow3.url, airflowVersion: "3", username: airflow3.config.username, secret: airflow3.config.password });
    expect((await call(test.POST, admin, { key: env.key, system: "airflow" }, {})).body).toMatchObject({ ok: true, warning: expect.stringContaining("is paused") });
    const views = (await call(list.GET, admin, { key: env.key })).body.items as { system: string; lastTest: { ok: boolean; message: string } | null }[];
    expect(views.map((v) => [v.system, v.lastTest?.ok])).toEqual([["lakefs", true], ["mlflow", true], ["airflow", true]]);
    expect(views.find((v) => v.system === "airflow")!.lastTest!.message).toContain("Warning: DAG");
  });

  it("says exactly what failed: DNS, refused, 401, 404 and an answer that is not the API", async () => {
    const env = await lakefsEnv();
    await call(one.PUT, admin, { key: env.key, system: "lakefs" }, lakefsInput());
    const draft = (over: object) => call(test.POST, admin, { key: env.key, system: "lakefs" }, { draft: lakefsInput({ secret: undefined, ...over }) });

    const dns = await draft({ baseUrl: "http://lakefs.no-such-host.invalid:8000" });
    expect(dns.body).toMatchObject({ ok: false, kind: "dns", tested: "draft", message: expect.stringContaining('the host name "lakefs.no-such-host.invalid" does not resolve') });
    const refused = await draft({ baseUrl: refusedUrl });
    expect(refused.body).toMatchObject({ ok: false, kind: "refused", message: expect.stringContaining(`nothing accepts connections at ${refusedUrl}`) });
    const badKey = await draft({ secret: "not-the-secret" });
    expect(badKey.body).toMatchObject({ ok: false, kind: "unauthorized", message: expect.stringContaining("rejected the credentials (401)") });
    const page = await draft({ baseUrl: htmlUrl });
    expect(page.body).toMatchObject({ ok: false, kind: "unexpected_response" });

    const noDag = await call(test.POST, admin, { key: env.key, system: "airflow" }, { draft: { baseUrl: airflow2.url, airflowVersion: "2", username: airflow2.config.username, secret: airflow2.config.password } });
    expect(noDag.body).toMatchObject({ ok: true }); // the fixture environment deploys with deploy_model
    await db().environment.update({ where: { id: env.id }, data: { airflowDagId: "missing_dag" } });
    const missing = await call(test.POST, admin, { key: env.key, system: "airflow" }, { draft: { baseUrl: airflow2.url, airflowVersion: "2", username: airflow2.config.username, secret: airflow2.config.password } });
    expect(missing.body).toMatchObject({ ok: false, kind: "not_found", message: expect.stringContaining('DAG "missing_dag"') });

    // Drafts are not saved and do not overwrite the saved configuration's result.
    const row = await db().integrationConfig.findFirstOrThrow({ where: { environmentId: env.id, system: "lakefs" } });
    expect(row).toMatchObject({ baseUrl: lakefs.url, lastTestedAt: null });
    const tested = await db().auditEvent.count({ where: { entityId: env.id, action: "integration.tested" } });
    expect(tested).toBe(6);
  });

  it("times out on a server that accepts the connection and never answers", async () => {
    const env = await lakefsEnv();
    lakefs.inject("listRepositories", { kind: "hang" });
    await call(one.PUT, admin, { key: env.key, system: "lakefs" }, lakefsInput());
    const r = await call(test.POST, admin, { key: env.key, system: "lakefs" }, {});
    expect(r.body).toMatchObject({ ok: false, kind: "timeout", message: expect.stringContaining("did not answer") });
    const view = (await call(list.GET, admin, { key: env.key })).body.items[0];
    expect(view.lastTest).toMatchObject({ ok: false, kind: "timeout" });
  }, 20_000);

  it("answers 404 to testing a system that is not saved yet, and forgets one on DELETE", async () => {
    const env = await lakefsEnv();
    const r = await call(test.POST, admin, { key: env.key, system: "mlflow" }, {});
    expect(r.status).toBe(404);
    expect(r.body.detail).toContain("save it first");
    await call(one.PUT, admin, { key: env.key, system: "mlflow" }, { baseUrl: mlflow.url });
    const del = await one.DELETE(new Request("http://127.0.0.1/x", { method: "DELETE", headers: { authorization: `Bearer ${admin}` } }), { params: Promise.resolve({ key: env.key, system: "mlflow" }) });
    expect(del.status).toBe(204);
    expect(await db().integrationConfig.count({ where: { environmentId: env.id } })).toBe(0);
  });
});
