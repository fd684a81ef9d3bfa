// Which steps an operation runs, in order, given what has already been done. Pure, so the
// order and the undo rules have unit tests; the runner executes the first unfinished one.

export type StepName = "lakefs_merge" | "mlflow_alias" | "airflow_trigger" | "airflow_poll";
export type Operation = "execute" | "compensate" | "rollback";
export interface StepRow {
  operation: Operation;
  step: StepName;
  status: "running" | "succeeded" | "failed" | "skipped";
  result: Record<string, unknown>;
}

const EXECUTE: StepName[] = ["lakefs_merge", "mlflow_alias", "airflow_trigger", "airflow_poll"];
const ROLLBACK: StepName[] = ["lakefs_merge", "mlflow_alias", "airflow_trigger", "airflow_poll"];

const find = (rows: StepRow[], op: Operation, step: StepName) => rows.find((r) => r.operation === op && r.step === step);
/** A running row means the call may have reached the system: undo it to be safe (undo steps check first). */
const touched = (rows: StepRow[], step: StepName) => {
  const r = find(rows, "execute", step);
  return !!r && (r.status === "succeeded" || r.status === "running" || r.status === "failed");
};

export function planFor(op: Operation, rows: StepRow[], hasPreviousVersion: boolean): StepName[] {
  if (op === "execute") return EXECUTE;
  if (op === "rollback") return hasPreviousVersion ? ROLLBACK : ["lakefs_merge", "mlflow_alias"];
  // Undo in reverse order what the failed execution touched; redeploy the previous
  // version only if a deploy run was started and there is a version to go back to.
  const plan: StepName[] = [];
  if (touched(rows, "airflow_trigger") && hasPreviousVersion) plan.push("airflow_trigger", "airflow_poll");
  if (touched(rows, "mlflow_alias")) plan.push("mlflow_alias");
  if (touched(rows, "lakefs_merge")) plan.push("lakefs_merge");
  return plan;
}

/** The first step of the plan that is not finished, or null when the operation is complete. */
export function nextStep(op: Operation, rows: StepRow[], hasPreviousVersion: boolean): StepName | null {
  for (const step of planFor(op, rows, hasPreviousVersion)) {
    const r = find(rows, op, step);
    if (!r || r.status === "running") return step;
    if (r.status === "failed" && op !== "compensate") return step;
  }
  return null;
}

/** Airflow run ids are derived from the promotion, so a retried trigger finds its run instead of starting another. */
export const dagRunId = (promotionNumber: number, promotionId: string, op: Operation) => `coe-promotion-${promotionNumber}-${op}-${promotionId.slice(0, 8)}`;
/** Metadata on lakeFS commits the portal makes, so a retried merge or revert finds its commit. */
export const commitMarker = (promotionId: string, op: Operation) => `${promotionId}:${op}`;
export const MARKER_KEY = "coe_promotion_step";
