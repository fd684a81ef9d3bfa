import createClient from "openapi-fetch";
import { IntegrationHttp } from "../core/http-client";
import { isIntegrationError } from "../core/integration-error";
import { dagResource, runResource, toDag, toDagRun } from "./run-mapping";
import type { paths } from "./schema-v1";
import type { AirflowOptions, OrchestratorClient, TriggerInput } from "./types";

/** Airflow 2 stable REST API (/api/v1) with basic auth. */
export function createAirflow2Client(config: { endpoint: string; username: string; password: string; apiPath?: string }, options: AirflowOptions = {}): OrchestratorClient {
  const basic = Buffer.from(`${config.username}:${config.password}`).toString("base64");
  const baseUrl = config.endpoint.replace(/\/+$/, "") + (config.apiPath ?? "/api/v1");
  const http = new IntegrationHttp({ system: "airflow", baseUrl, authHeaders: () => ({ authorization: `Basic ${basic}` }), ...options });
  const api = createClient<paths>({ baseUrl: http.baseUrl });

  async function getDagRun(dagId: string, runId: string) {
    const op = "get DAG run";
    const r = await http.call({ name: op, idempotent: true, resource: runResource(dagId, runId) }, (fetch) =>
      api.GET("/dags/{dag_id}/dagRuns/{dag_run_id}", { params: { path: { dag_id: dagId, dag_run_id: runId } }, fetch }),
    );
    return toDagRun(op, r.data, { dagId, runId });
  }

  return {
    kind: "airflow2",
    getDagRun,
    async getDag(dagId: string) {
      const r = await http.call({ name: "get DAG", idempotent: true, resource: dagResource(dagId) }, (fetch) =>
        api.GET("/dags/{dag_id}", { params: { path: { dag_id: dagId } }, fetch }),
      );
      return toDag(r.data, dagId);
    },
    async triggerDagRun({ dagId, runId, conf, note }: TriggerInput) {
      const op = "trigger DAG run";
      try {
        // Safe to retry: a second attempt with the same run id is answered 409 and read back below.
        // The spec types `conf` as a bare `object`, which openapi-typescript renders as an empty record.
        const body = { dag_run_id: runId, conf: conf as Record<string, never>, note };
        const r = await http.call({ name: op, idempotent: true, resource: dagResource(dagId) }, (fetch) =>
          api.POST("/dags/{dag_id}/dagRuns", { params: { path: { dag_id: dagId } }, body, fetch }),
        );
        return { run: toDagRun(op, r.data, { dagId, runId }), created: true };
      } catch (e) {
        if (isIntegrationError(e) && e.status === 409) return { run: await getDagRun(dagId, runId), created: false };
        throw e;
      }
    },
  };
}
