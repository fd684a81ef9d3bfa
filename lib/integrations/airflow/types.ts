import type { RetryPolicy } from "../core/backoff";
import type { CallRecorder } from "../core/call-record";

export type DagRunState = "queued" | "running" | "success" | "failed";
export const FINAL_STATES: readonly DagRunState[] = ["success", "failed"];

export interface DagRun {
  dagId: string;
  runId: string;
  state: DagRunState;
  conf: Record<string, unknown>;
  logicalDate: string | null;
  startDate: string | null;
  endDate: string | null;
}

export interface TriggerInput {
  dagId: string;
  /** Chosen by the caller (e.g. derived from the promotion) so that a retry never starts a second run. */
  runId: string;
  conf: Record<string, unknown>;
  note?: string;
}

export interface TriggerResult {
  run: DagRun;
  /** False when a run with this id already existed (a retry): that run is returned, none is started. */
  created: boolean;
}

/** What the portal needs of an orchestrator; Airflow 2 and 3 are two adapters of it. */
export interface OrchestratorClient {
  readonly kind: "airflow2" | "airflow3";
  triggerDagRun(input: TriggerInput): Promise<TriggerResult>;
  getDagRun(dagId: string, runId: string): Promise<DagRun>;
  /** The DAG itself: proves credentials and id, and warns of a paused DAG (its runs would stay queued). */
  getDag(dagId: string): Promise<{ dagId: string; isPaused: boolean }>;
}

export type AirflowConfig =
  | { version: 2; endpoint: string; username: string; password: string; /** "/api/v1" unless a mock serves it at its root. */ apiPath?: string }
  | { version: 3; endpoint: string; username: string; password: string }
  | { version: 3; endpoint: string; /** A pre-issued JWT instead of a username and password. */ token: string };

export interface AirflowOptions {
  timeoutMs?: number;
  retry?: Partial<RetryPolicy>;
  onCall?: CallRecorder;
  random?: () => number;
  signal?: AbortSignal;
}

export const isDagRunState = (s: unknown): s is DagRunState => s === "queued" || s === "running" || s === "success" || s === "failed";
