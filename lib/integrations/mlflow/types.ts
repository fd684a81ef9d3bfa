import type { RetryPolicy } from "../core/backoff";
import type { CallRecorder } from "../core/call-record";

// Hand-typed from ../shared/specs/mlflow/model_registry.proto (MLflow has no OpenAPI document).
// Wire shapes are the proto3-JSON mapping with snake_case names; int64 may arrive as a string.

export interface WireModelVersion {
  name?: string;
  version?: string;
  creation_timestamp?: number | string;
  last_updated_timestamp?: number | string;
  user_id?: string;
  current_stage?: string;
  description?: string;
  source?: string;
  run_id?: string;
  status?: "PENDING_REGISTRATION" | "FAILED_REGISTRATION" | "READY";
  status_message?: string;
  tags?: { key?: string; value?: string }[];
  run_link?: string;
  aliases?: string[];
}

/** ModelVersion as the portal uses it. */
export interface ModelVersion {
  name: string;
  version: string;
  createdAt: Date | null;
  updatedAt: Date | null;
  userId: string | null;
  description: string | null;
  source: string | null;
  runId: string | null;
  status: WireModelVersion["status"] | null;
  tags: Record<string, string>;
  aliases: string[];
}

export interface MlflowConfig {
  /** The tracking server root, e.g. http://mlflow:5000 (REST under /api/2.0/mlflow). */
  trackingUri: string;
  /** Bearer token (Databricks, or a proxy in front of MLflow); none for an open server. */
  token?: string;
}

export interface MlflowOptions {
  timeoutMs?: number;
  retry?: Partial<RetryPolicy>;
  onCall?: CallRecorder;
  random?: () => number;
  signal?: AbortSignal;
}

export interface SearchModelVersionsInput {
  /** MLflow search filter, e.g. "name='churn'" or "run_id='abc'". */
  filter?: string;
  maxResults?: number;
  orderBy?: string[];
  pageToken?: string;
}

const time = (v: number | string | undefined) => (v === undefined || v === "" ? null : new Date(Number(v)));

export function toModelVersion(w: WireModelVersion): ModelVersion {
  return {
    name: w.name ?? "",
    version: w.version ?? "",
    createdAt: time(w.creation_timestamp),
    updatedAt: time(w.last_updated_timestamp),
    userId: w.user_id || null,
    description: w.description || null,
    source: w.source || null,
    runId: w.run_id || null,
    status: w.status ?? null,
    tags: Object.fromEntries((w.tags ?? []).map((t) => [t.key ?? "", t.value ?? ""])),
    aliases: w.aliases ?? [],
  };
}
