import "server-only";
import { createAirflowClient, type AirflowConfig } from "@/lib/integrations/airflow/client";
import { isIntegrationError } from "@/lib/integrations/core/integration-error";
import type { CallRecorder } from "@/lib/integrations/core/call-record";
import { createLakefsClient, type LakefsConfig } from "@/lib/integrations/lakefs/client";
import { createMlflowClient, type MlflowConfig } from "@/lib/integrations/mlflow/client";
import type { ExecutionPorts } from "@/lib/promotions/execution/ports";

export interface PortsConfig {
  lakefs: LakefsConfig;
  mlflow: MlflowConfig;
  airflow: AirflowConfig;
  usedFakes: boolean;
}

/** The execution ports on top of the typed clients (their timeouts, retries and call records). */
export function clientPorts(cfg: PortsConfig, onCall: CallRecorder): ExecutionPorts {
  const lakefs = createLakefsClient(cfg.lakefs, { onCall });
  const mlflow = createMlflowClient(cfg.mlflow, { onCall });
  const airflow = createAirflowClient(cfg.airflow, { onCall });
  return {
    usedFakes: cfg.usedFakes,
    lakefs: {
      branchHead: async (repo, branch) => (await lakefs.getBranch(repo, branch)).commitId,
      findCommitByMetadata: (repo, ref, key, value) => lakefs.findCommitByMetadata(repo, ref, key, value),
      // allowEmpty: a promotion of a model whose data did not change still leaves its marked merge commit.
      merge: (repo, source, branch, input) => lakefs.merge(repo, source, branch, { ...input, allowEmpty: true }),
      revert: (repo, branch, input) => lakefs.revert(repo, branch, input),
    },
    mlflow: {
      aliasVersion: async (model, alias) => (await mlflow.getModelVersionByAlias(model, alias))?.version ?? null,
      setAlias: (model, alias, version) => mlflow.setAlias(model, alias, version),
      deleteAlias: (model, alias) => mlflow.deleteAlias(model, alias),
    },
    airflow: {
      dagRunState: async (dagId, runId) => {
        try {
          return (await airflow.getDagRun(dagId, runId)).state;
        } catch (e) {
          if (isIntegrationError(e) && e.kind === "not_found") return null;
          throw e;
        }
      },
      // The client treats "a run with this id exists" as success (created: false): a retry never starts a second run.
      triggerDagRun: async (dagId, runId, conf) => void (await airflow.triggerDagRun({ dagId, runId, conf })),
    },
  };
}
