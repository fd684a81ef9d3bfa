import { IntegrationError, describeFailure } from "../core/integration-error";
import { isDagRunState, type DagRun } from "./types";

interface AnyRun {
  dag_id?: string;
  dag_run_id?: string | null;
  state?: string | null;
  conf?: Record<string, unknown> | null;
  logical_date?: string | null;
  start_date?: string | null;
  end_date?: string | null;
}

/** Airflow 2's DAGRun and Airflow 3's DAGRunResponse carry the same facts under the same names. */
export function toDagRun(operation: string, raw: AnyRun | undefined, fallback: { dagId: string; runId: string }): DagRun {
  if (!raw || typeof raw !== "object" || !isDagRunState(raw.state)) {
    throw new IntegrationError({
      system: "airflow",
      operation,
      kind: "invalid_response",
      message: describeFailure({ system: "airflow", operation, kind: "invalid_response", detail: `DAG run without a known state (${JSON.stringify(raw?.state)})`, endpoint: "", attempts: 1 }),
    });
  }
  return {
    dagId: raw.dag_id ?? fallback.dagId,
    runId: raw.dag_run_id ?? fallback.runId,
    state: raw.state,
    conf: raw.conf ?? {},
    logicalDate: raw.logical_date ?? null,
    startDate: raw.start_date ?? null,
    endDate: raw.end_date ?? null,
  };
}

/** A DAG answer must name the DAG: anything else (a proxy's page, an empty object) is not Airflow's API. */
export function toDag(raw: { dag_id?: string | null; is_paused?: boolean | null } | undefined, dagId: string): { dagId: string; isPaused: boolean } {
  if (!raw || typeof raw !== "object" || typeof raw.dag_id !== "string") {
    const operation = "get DAG";
    throw new IntegrationError({
      system: "airflow",
      operation,
      kind: "invalid_response",
      message: describeFailure({ system: "airflow", operation, kind: "invalid_response", detail: `no dag_id in the answer for DAG ${JSON.stringify(dagId)}`, endpoint: "", attempts: 1 }),
    });
  }
  return { dagId: raw.dag_id, isPaused: raw.is_paused === true };
}

export const runResource = (dagId: string, runId: string) => `DAG run ${JSON.stringify(runId)} of DAG ${JSON.stringify(dagId)}`;
export const dagResource = (dagId: string) => `DAG ${JSON.stringify(dagId)}`;
