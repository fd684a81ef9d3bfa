import "server-only";
import { IntegrationHttp } from "../core/http-client";
import { IntegrationError, describeFailure, isIntegrationError } from "../core/integration-error";
import { toModelVersion, type MlflowConfig, type MlflowOptions, type ModelVersion, type SearchModelVersionsInput, type WireModelVersion } from "./types";

const q = (s: string) => JSON.stringify(s);
const mv = (name: string, version: string) => `version ${q(version)} of registered model ${q(name)}`;

export type MlflowClient = ReturnType<typeof createMlflowClient>;

/** MLflow model registry REST client (/api/2.0/mlflow), following model_registry.proto. */
export function createMlflowClient(config: MlflowConfig, options: MlflowOptions = {}) {
  const http = new IntegrationHttp({
    system: "mlflow",
    baseUrl: `${config.trackingUri.replace(/\/+$/, "")}/api/2.0/mlflow`,
    authHeaders: (): Record<string, string> => (config.token ? { authorization: `Bearer ${config.token}` } : {}),
    ...options,
  });

  function version(op: string, data: { model_version?: WireModelVersion }): ModelVersion {
    if (!data.model_version?.name || !data.model_version.version) {
      const message = describeFailure({ system: "mlflow", operation: op, kind: "invalid_response", detail: "no model_version in the answer", endpoint: "", attempts: 1 });
      throw new IntegrationError({ system: "mlflow", operation: op, kind: "invalid_response", message });
    }
    return toModelVersion(data.model_version);
  }

  const client = {
    async getModelVersion(name: string, versionId: string): Promise<ModelVersion> {
      const op = "get model version";
      const { data } = await http.request<{ model_version?: WireModelVersion }>({ name: op, idempotent: true, resource: mv(name, versionId) }, {
        method: "GET",
        path: "/model-versions/get",
        query: { name, version: versionId },
      });
      return version(op, data);
    },

    /** Points `alias` (e.g. "champion") at `version`; setting it again to the same version changes nothing. */
    async setAlias(name: string, alias: string, versionId: string): Promise<void> {
      await http.request({ name: "set registered model alias", idempotent: true, resource: mv(name, versionId) }, {
        method: "POST",
        path: "/registered-models/alias",
        body: { name, alias, version: versionId },
      });
    },

    async deleteAlias(name: string, alias: string): Promise<void> {
      await http.request({ name: "delete registered model alias", idempotent: true, resource: `registered model ${q(name)}` }, {
        method: "DELETE",
        path: "/registered-models/alias",
        body: { name, alias },
      });
    },

    /** The version an alias points at, or null when the alias is not set. */
    async getModelVersionByAlias(name: string, alias: string): Promise<ModelVersion | null> {
      const op = "get model version by alias";
      try {
        const { data } = await http.request<{ model_version?: WireModelVersion }>({ name: op, idempotent: true, resource: `alias ${q(alias)} of registered model ${q(name)}` }, {
          method: "GET",
          path: "/registered-models/alias",
          query: { name, alias },
        });
        return version(op, data);
      } catch (e) {
        if (isIntegrationError(e) && e.status === 404 && /alias/i.test(e.detail ?? "")) return null;
        throw e;
      }
    },

    /** Moves `alias` to `version` and returns the version it pointed at before (null if none), for rollback. */
    async moveAlias(name: string, alias: string, versionId: string): Promise<{ previous: string | null }> {
      const before = await client.getModelVersionByAlias(name, alias);
      if (before?.version !== versionId) await client.setAlias(name, alias, versionId);
      return { previous: before?.version ?? null };
    },

    async searchModelVersions(input: SearchModelVersionsInput = {}): Promise<{ versions: ModelVersion[]; nextPageToken: string | null }> {
      const { data } = await http.request<{ model_versions?: WireModelVersion[]; next_page_token?: string }>({ name: "search model versions", idempotent: true }, {
        method: "GET",
        path: "/model-versions/search",
        query: { filter: input.filter, max_results: input.maxResults, order_by: input.orderBy, page_token: input.pageToken },
      });
      return { versions: (data.model_versions ?? []).map(toModelVersion), nextPageToken: data.next_page_token || null };
    },
  };
  return client;
}

export type * from "./types";
