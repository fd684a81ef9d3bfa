import "server-only";
import { createAirflowClient, type AirflowConfig } from "./airflow/client";
import { isIntegrationError } from "./core/integration-error";
import { createLakefsClient, type LakefsConfig } from "./lakefs/client";
import { createMlflowClient, type MlflowConfig } from "./mlflow/client";

// The admin page's "test connection": one quick call per system with no retries, answering in a
// sentence what works or exactly what failed (credentials, endpoint, missing branch, paused DAG).

export type ConnectionCheck = { ok: true; message: string; warning?: string } | { ok: false; message: string; kind: string };

const QUICK = { timeoutMs: 5_000, retry: { maxAttempts: 1 } };

async function check(run: () => Promise<{ message: string; warning?: string }>): Promise<ConnectionCheck> {
  try {
    return { ok: true, ...(await run()) };
  } catch (e) {
    if (isIntegrationError(e)) return { ok: false, message: e.message, kind: e.kind };
    return { ok: false, message: e instanceof Error ? e.message : String(e), kind: "unknown" };
  }
}

/** Credentials and endpoint; with a repository and branch, that they exist too. */
export function checkLakefs(config: LakefsConfig, target: { repository?: string; branch?: string } = {}) {
  return check(async () => {
    const lakefs = createLakefsClient(config, QUICK);
    await lakefs.listRepositories({ amount: 1 });
    if (!target.repository || !target.branch) return { message: "lakeFS answered and accepted the access key." };
    const head = await lakefs.getBranch(target.repository, target.branch);
    return { message: `lakeFS answered; branch ${target.repository}/${target.branch} is at commit ${head.commitId.slice(0, 12)}.` };
  });
}

/** Endpoint and token; with a model name, that it has versions. */
export function checkMlflow(config: MlflowConfig, target: { model?: string } = {}) {
  return check(async () => {
    const mlflow = createMlflowClient(config, QUICK);
    const found = await mlflow.searchModelVersions({ filter: target.model ? `name='${target.model.replace(/'/g, "\\'")}'` : undefined, maxResults: 1 });
    if (!target.model) return { message: "MLflow answered the model registry search." };
    if (found.versions.length === 0) return { message: "MLflow answered.", warning: `MLflow has no versions of registered model "${target.model}".` };
    return { message: `MLflow answered; registered model "${target.model}" has versions.` };
  });
}

/** Endpoint, credentials (or token login) and the deploy DAG; a paused DAG is a warning. */
export function checkAirflow(config: AirflowConfig, target: { dagId: string }) {
  return check(async () => {
    const dag = await createAirflowClient(config, QUICK).getDag(target.dagId);
    const version = config.version === 2 ? "Airflow 2" : "Airflow 3";
    if (dag.isPaused) return { message: `${version} answered; DAG "${dag.dagId}" exists.`, warning: `DAG "${dag.dagId}" is paused: its runs would stay queued. Unpause it in Airflow.` };
    return { message: `${version} answered; DAG "${dag.dagId}" exists and is not paused.` };
  });
}
