import "server-only";
import { createAirflowClient, type AirflowConfig } from "./airflow/client";
import { isIntegrationError, SYSTEM_LABEL, type IntegrationError, type IntegrationSystem } from "./core/integration-error";
import { createLakefsClient, type LakefsConfig } from "./lakefs/client";
import { createMlflowClient, type MlflowConfig } from "./mlflow/client";

// The admin page's "test connection": one quick call per system with no retries, answering in a
// sentence what works or exactly what failed (DNS, refused, timeout, credentials, missing branch
// or DAG, a body that is not the system's API), plus a short failure label the page can show.

/** What a failed check met, from the admin's point of view (the page labels each one). */
export type CheckFailure =
  | "dns"
  | "refused"
  | "unreachable"
  | "timeout"
  | "unauthorized"
  | "forbidden"
  | "not_found"
  | "unexpected_response"
  | "server_error"
  | "rejected";

export type ConnectionCheck = { ok: true; message: string; warning?: string } | { ok: false; message: string; kind: CheckFailure };

const QUICK = { timeoutMs: 5_000, retry: { maxAttempts: 1 } };

const DNS_CODES = new Set(["ENOTFOUND", "EAI_AGAIN", "EAI_NONAME", "EAI_FAIL"]);

/** Narrows the client's error kind to what an admin fixes: a host name, a port, a password, a path. */
export function classify(e: IntegrationError): CheckFailure {
  switch (e.kind) {
    case "unreachable":
      if (DNS_CODES.has(e.detail ?? "")) return "dns";
      if (e.detail === "ECONNREFUSED") return "refused";
      return "unreachable";
    case "timeout":
    case "unauthorized":
    case "forbidden":
    case "not_found":
    case "server_error":
      return e.kind;
    case "invalid_response":
      return "unexpected_response";
    default:
      return "rejected";
  }
}

function explain(system: IntegrationSystem, endpoint: string, e: IntegrationError): string {
  const kind = classify(e);
  const host = hostOf(endpoint);
  if (kind === "dns") return `${SYSTEM_LABEL[system]}: the host name "${host}" does not resolve (DNS lookup failed: ${e.detail}). Check the spelling of the URL.`;
  if (kind === "refused") return `${SYSTEM_LABEL[system]}: nothing accepts connections at ${originOf(endpoint)} (connection refused). Check the port and that the server is running.`;
  if (kind === "unexpected_response") return `${e.message} Check that ${endpoint} is the ${SYSTEM_LABEL[system]} server itself, not a web page or proxy in front of it.`;
  if (kind === "not_found" && e.operation === "list repositories") return `${e.message} Is ${endpoint} the lakeFS server root (without /api/v1)?`;
  return e.message;
}

async function check(system: IntegrationSystem, endpoint: string, run: () => Promise<{ message: string; warning?: string }>): Promise<ConnectionCheck> {
  try {
    return { ok: true, ...(await run()) };
  } catch (e) {
    if (isIntegrationError(e)) return { ok: false, message: explain(system, endpoint, e), kind: classify(e) };
    // The clients only throw plain errors when an answer lacks what the API promises (a proxy's
    // HTML page, an empty JSON object): the URL points at something that is not this system's API.
    const why = e instanceof Error ? e.message : String(e);
    return { ok: false, kind: "unexpected_response", message: `${SYSTEM_LABEL[system]} at ${endpoint} answered with something that is not its API (${why}). Check the URL.` };
  }
}

/** Credentials and endpoint; with a repository and branch, that they exist too. */
export function checkLakefs(config: LakefsConfig, target: { repository?: string; branch?: string } = {}) {
  return check("lakefs", config.endpoint, async () => {
    const lakefs = createLakefsClient(config, QUICK);
    await lakefs.listRepositories({ amount: 1 });
    if (!target.repository || !target.branch) return { message: "lakeFS answered and accepted the access key." };
    const head = await lakefs.getBranch(target.repository, target.branch);
    return { message: `lakeFS answered; branch ${target.repository}/${target.branch} is at commit ${head.commitId.slice(0, 12)}.` };
  });
}

/** Endpoint and token; with a model name, that it has versions. */
export function checkMlflow(config: MlflowConfig, target: { model?: string } = {}) {
  return check("mlflow", config.trackingUri, async () => {
    const mlflow = createMlflowClient(config, QUICK);
    const found = await mlflow.searchModelVersions({ filter: target.model ? `name='${target.model.replace(/'/g, "\\'")}'` : undefined, maxResults: 1 });
    if (!target.model) return { message: "MLflow answered the model registry search." };
    if (found.versions.length === 0) return { message: "MLflow answered.", warning: `MLflow has no versions of registered model "${target.model}".` };
    return { message: `MLflow answered; registered model "${target.model}" has versions.` };
  });
}

/** Endpoint, credentials (or token login) and the deploy DAG; a paused DAG is a warning. */
export function checkAirflow(config: AirflowConfig, target: { dagId: string }) {
  return check("airflow", config.endpoint, async () => {
    const dag = await createAirflowClient(config, QUICK).getDag(target.dagId);
    const version = config.version === 2 ? "Airflow 2" : "Airflow 3";
    if (dag.isPaused) return { message: `${version} answered; DAG "${dag.dagId}" exists.`, warning: `DAG "${dag.dagId}" is paused: its runs would stay queued. Unpause it in Airflow.` };
    return { message: `${version} answered; DAG "${dag.dagId}" exists and is not paused.` };
  });
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return url;
  }
}

function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return url;
  }
}
