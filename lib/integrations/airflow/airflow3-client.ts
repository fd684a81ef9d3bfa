import createClient from "openapi-fetch";
import { IntegrationHttp } from "../core/http-client";
import { isIntegrationError } from "../core/integration-error";
import { dagResource, runResource, toDag, toDagRun } from "./run-mapping";
import type { paths } from "./schema-v2";
import type { AirflowOptions, OrchestratorClient, TriggerInput } from "./types";

type Credentials = { username: string; password: string } | { token: string };

/** Airflow 3 public REST API (/api/v2) with a JWT from the auth manager's POST /auth/token. */
export function createAirflow3Client(config: { endpoint: string } & Credentials, options: AirflowOptions = {}): OrchestratorClient {
  const endpoint = config.endpoint.replace(/\/+$/, "");
  let token: Promise<string> | undefined = "token" in config ? Promise.resolve(config.token) : undefined;
  const tokenHttp = new IntegrationHttp({ system: "airflow", baseUrl: endpoint, ...options });

  const accessToken = () => {
    if (!token && "username" in config) {
      token = tokenHttp
        .request<{ access_token?: string }>({ name: "get access token", idempotent: true, resource: "token endpoint /auth/token" }, {
          method: "POST",
          path: "/auth/token",
          body: { username: config.username, password: config.password },
        })
        .then(({ data }) => {
          if (!data.access_token) throw new Error("Airflow's /auth/token answered without an access_token.");
          return data.access_token;
        });
      token.catch(() => (token = undefined)); // a failed login is not cached
    }
    return token!;
  };
  const http = new IntegrationHttp({ system: "airflow", baseUrl: endpoint, authHeaders: async () => ({ authorization: `Bearer ${await accessToken()}` }), ...options });
  const api = createClient<paths>({ baseUrl: endpoint });

  /** JWTs expire: on a 401 with a token we obtained ourselves, log in again once and repeat. */
  async function withFreshToken<T>(run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (e) {
      if (!(isIntegrationError(e) && e.status === 401 && "username" in config)) throw e;
      token = undefined;
      return run();
    }
  }

  async function getDagRun(dagId: string, runId: string) {
    const op = "get DAG run";
    const r = await withFreshToken(() =>
      http.call({ name: op, idempotent: true, resource: runResource(dagId, runId) }, (fetch) =>
        api.GET("/api/v2/dags/{dag_id}/dagRuns/{dag_run_id}", { params: { path: { dag_id: dagId, dag_run_id: runId } }, fetch }),
      ),
    );
    return toDagRun(op, r.data, { dagId, runId });
  }

  return {
    kind: "airflow3",
    getDagRun,
    async getDag(dagId: string) {
      const r = await withFreshToken(() =>
        http.call({ name: "get DAG", idempotent: true, resource: dagResource(dagId) }, (fetch) =>
          api.GET("/api/v2/dags/{dag_id}", { params: { path: { dag_id: dagId } }, fetch }),
        ),
      );
      return toDag(r.data, dagId);
    },
    async triggerDagRun({ dagId, runId, conf, note }: TriggerInput) {
      const op = "trigger DAG run";
      try {
        const r = await withFreshToken(() =>
          http.call({ name: op, idempotent: true, resource: dagResource(dagId) }, (fetch) =>
            // logical_date must be sent (null = "now"): Airflow 3.0-3.2 answer 422 when it is missing.
            api.POST("/api/v2/dags/{dag_id}/dagRuns", { params: { path: { dag_id: dagId } }, body: { dag_run_id: runId, logical_date: null, conf, note }, fetch }),
          ),
        );
        return { run: toDagRun(op, r.data, { dagId, runId }), created: true };
      } catch (e) {
        if (isIntegrationError(e) && e.status === 409) return { run: await getDagRun(dagId, runId), created: false };
        throw e;
      }
    },
  };
}
