import "server-only";
import { db } from "@/lib/db";
import type { Environment } from "@/lib/generated/prisma/client";
import { decryptSecret } from "@/lib/integrations/secrets";
import type { CallRecorder } from "@/lib/integrations/core/call-record";
import { clientPorts, type PortsConfig } from "@/lib/promotions/execution/client-ports";
import type { ExecutionPorts } from "@/lib/promotions/execution/ports";
import { FinalStepError } from "@/lib/promotions/execution/steps";
import type { DemoIntegrations } from "@/lib/integrations/testing/demo";

export const secretContext = (environmentId: string, system: string) => `integration:${environmentId}:${system}`;

/** The environment's configured systems, secrets decrypted; null when none of the three is configured. */
export async function configuredPorts(env: Environment): Promise<PortsConfig | "none" | string> {
  const rows = await db().integrationConfig.findMany({ where: { environmentId: env.id } });
  if (rows.length === 0) return "none";
  const by = new Map(rows.map((r) => [r.system, r]));
  const missing = (["lakefs", "mlflow", "airflow"] as const).filter((s) => !by.has(s));
  if (missing.length) return `Environment ${env.key} has no ${missing.join(", ")} integration configured; an admin must add it on the integrations page.`;
  const secret = (s: "lakefs" | "mlflow" | "airflow") => {
    const r = by.get(s)!;
    return r.secretCiphertext ? decryptSecret(r.secretCiphertext, secretContext(env.id, s)) : "";
  };
  const setting = (s: "lakefs" | "mlflow" | "airflow", k: string) => String(((by.get(s)!.settings ?? {}) as Record<string, unknown>)[k] ?? "");
  const airflowVersion = setting("airflow", "version") === "2" ? 2 : 3;
  return {
    usedFakes: false,
    lakefs: { endpoint: by.get("lakefs")!.baseUrl, accessKeyId: setting("lakefs", "accessKeyId"), secretAccessKey: secret("lakefs") },
    mlflow: { trackingUri: by.get("mlflow")!.baseUrl, token: secret("mlflow") || undefined },
    airflow: airflowVersion === 2
      ? { version: 2, endpoint: by.get("airflow")!.baseUrl, username: setting("airflow", "username"), password: secret("airflow") }
      : { version: 3, endpoint: by.get("airflow")!.baseUrl, username: setting("airflow", "username"), password: secret("airflow") },
  };
}

/** Ports that fail every call with one clear, final reason (nothing configured outside demo mode). */
function refusingPorts(reason: string): ExecutionPorts {
  const no = async (): Promise<never> => {
    throw new FinalStepError(reason);
  };
  return { usedFakes: false, lakefs: { branchHead: no, findCommitByMetadata: no, merge: no, revert: no }, mlflow: { aliasVersion: no, setAlias: no, deleteAlias: no }, airflow: { dagRunState: no, triggerDagRun: no } };
}

/** How the worker reaches the systems of an environment: configured clients, or (demo mode, nothing configured) the demo fakes. */
export function portsResolver(opts: { demo: boolean; demoIntegrations: () => Promise<DemoIntegrations> }) {
  return async (env: Environment, onCall: CallRecorder): Promise<ExecutionPorts> => {
    const cfg = await configuredPorts(env);
    if (typeof cfg === "object") return clientPorts(cfg, onCall);
    if (cfg === "none" && opts.demo) {
      const d = await opts.demoIntegrations();
      return clientPorts({ lakefs: d.lakefs, mlflow: d.mlflow, airflow: d.airflow, usedFakes: true }, onCall);
    }
    return refusingPorts(cfg === "none" ? `Environment ${env.key} has no lakeFS, MLflow and Airflow integrations configured (and demo mode is off).` : cfg);
  };
}
