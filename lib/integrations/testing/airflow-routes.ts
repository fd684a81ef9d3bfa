import { randomBytes } from "node:crypto";
import type { Route, RouteResult } from "./fake-server";
import { specProblems } from "./spec-validation";

export type FakeRunState = "queued" | "running" | "success" | "failed";

export interface FakeRun {
  dagId: string;
  runId: string;
  conf: Record<string, unknown>;
  note: string | null;
  /** States the run goes through, one step per read; the last one stays. */
  steps: FakeRunState[];
  reads: number;
  createdAt: string;
  endedAt: string | null;
}

export interface AirflowWorld {
  version: 2 | 3;
  dags: Map<string, { steps: FakeRunState[]; paused?: boolean }>;
  runs: Map<string, FakeRun>;
  tokens: Set<string>;
  username: string;
  password: string;
  /** Demo mode: a DAG a request names exists (its runs succeed). */
  lenient: boolean;
}

const key = (dagId: string, runId: string) => `${dagId}\u0000${runId}`;
export const stateOf = (run: FakeRun) => run.steps[Math.min(run.reads, run.steps.length - 1)]!;

/** Error bodies as each version sends them: Airflow 2 problem JSON, Airflow 3 FastAPI {detail}. */
export function airflowError(version: 2 | 3, status: number, title: string, detail: string): RouteResult {
  return version === 2 ? { status, body: { type: `https://airflow.apache.org/docs/apache-airflow/2.10.0/stable-rest-api-ref.html#section/Errors/${title.replace(/ /g, "")}`, title, status, detail } } : { status, body: { detail } };
}

function runJson(version: 2 | 3, run: FakeRun) {
  const state = stateOf(run);
  const common = {
    dag_id: run.dagId,
    dag_run_id: run.runId,
    state,
    conf: run.conf,
    note: run.note,
    logical_date: run.createdAt,
    start_date: state === "queued" ? null : run.createdAt,
    end_date: state === "success" || state === "failed" ? (run.endedAt ??= new Date().toISOString()) : null,
    data_interval_start: run.createdAt,
    data_interval_end: run.createdAt,
    last_scheduling_decision: null,
    run_type: "manual",
  };
  if (version === 2) return { ...common, execution_date: run.createdAt, external_trigger: true };
  return { ...common, dag_display_name: run.dagId, run_after: run.createdAt, queued_at: run.createdAt, dag_versions: [], triggered_by: "rest_api", bundle_version: null, duration: null };
}

export function airflowRoutes(w: AirflowWorld): Route[] {
  const v = w.version;
  const prefix = v === 2 ? "" : "/api/v2";
  const routes: Route[] = [
    {
      operation: v === 2 ? "post_dag_run" : "trigger_dag_run",
      method: "POST",
      path: `${prefix}/dags/{dag_id}/dagRuns`,
      validate: (body) => {
        const problems = specProblems(v === 2 ? "airflowV1" : "airflowV2", v === 2 ? "DAGRun" : "TriggerDAGRunPostBody", body ?? {});
        // The published v2 copy lost `required: [logical_date]`; the real 3.0-3.2 servers still require the key.
        if (v === 3 && body && typeof body === "object" && !("logical_date" in body)) problems.push("body.logical_date: Field required");
        return problems;
      },
      handle: ({ params, body }) => {
        const b = body as { dag_run_id?: string | null; conf?: Record<string, unknown> | null; note?: string | null };
        if (w.lenient && !w.dags.has(params.dag_id!)) w.dags.set(params.dag_id!, { steps: ["queued", "running", "running", "success"] });
        const dag = w.dags.get(params.dag_id!);
        if (!dag) return airflowError(v, 404, "DAG not found", `The Dag with ID: \`${params.dag_id}\` was not found`);
        const runId = b.dag_run_id ?? `manual__${new Date().toISOString()}`;
        if (w.runs.has(key(params.dag_id!, runId)))
          return airflowError(v, 409, "DAGRun already exists", `DAGRun with DAG ID: '${params.dag_id}' and DAGRun ID: '${runId}' already exists`);
        const run: FakeRun = { dagId: params.dag_id!, runId, conf: b.conf ?? {}, note: b.note ?? null, steps: [...dag.steps], reads: 0, createdAt: new Date().toISOString(), endedAt: null };
        w.runs.set(key(run.dagId, runId), run);
        return { status: 200, body: runJson(v, run) };
      },
    },
    {
      operation: "get_dag_run",
      method: "GET",
      path: `${prefix}/dags/{dag_id}/dagRuns/{dag_run_id}`,
      handle: ({ params }) => {
        const run = w.runs.get(key(params.dag_id!, params.dag_run_id!));
        if (!run) return airflowError(v, 404, "DAGRun not found", `The DagRun with dag_id: \`${params.dag_id}\` and run_id: \`${params.dag_run_id}\` was not found`);
        const body = runJson(v, run);
        run.reads += 1; // the next read sees the run one step further
        return { status: 200, body };
      },
    },
  ];
  routes.push({
    operation: "get_dag",
    method: "GET",
    path: `${prefix}/dags/{dag_id}`,
    handle: ({ params }) => {
      if (w.lenient && !w.dags.has(params.dag_id!)) w.dags.set(params.dag_id!, { steps: ["queued", "running", "running", "success"] });
      const dag = w.dags.get(params.dag_id!);
      if (!dag) return airflowError(v, 404, "DAG not found", `The Dag with ID: \`${params.dag_id}\` was not found`);
      const common = { dag_id: params.dag_id, is_paused: dag.paused ?? false, is_active: true, fileloc: `/dags/${params.dag_id}.py`, owners: ["platform"], tags: [] };
      return { status: 200, body: v === 2 ? { ...common, root_dag_id: null, is_subdag: false } : { ...common, dag_display_name: params.dag_id, is_stale: false } };
    },
  });
  if (v === 3) routes.push(tokenRoute(w));
  return routes;
}

function tokenRoute(w: AirflowWorld): Route {
  return {
    operation: "create_token",
    method: "POST",
    path: "/auth/token",
    public: true,
    handle: ({ body }) => {
      const b = (body ?? {}) as { username?: unknown; password?: unknown };
      if (typeof b.username !== "string" || typeof b.password !== "string") return { status: 422, body: { detail: [{ loc: ["body", "username"], msg: "Field required", type: "missing" }] } };
      if (b.username !== w.username || b.password !== w.password) return { status: 401, body: { detail: "Invalid credentials" } };
      const token = `fake.${randomBytes(12).toString("base64url")}.jwt`;
      w.tokens.add(token);
      return { status: 201, body: { access_token: token } };
    },
  };
}
