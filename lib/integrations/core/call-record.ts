import type { IntegrationSystem } from "./integration-error";

/** One HTTP attempt against an outside system, as stored on a promotion's timeline. Never holds credentials. */
export interface CallRecord {
  system: IntegrationSystem;
  operation: string;
  method: string;
  /** Path and query of the request, without the host. */
  path: string;
  /** HTTP status, or null when no answer came (timeout, connection refused). */
  status: number | null;
  durationMs: number;
  /** 1 for the first try, 2 for the first retry, ... */
  attempt: number;
  startedAt: string;
  outcome: "ok" | "http_error" | "timeout" | "network_error";
  error?: string;
}

export type CallRecorder = (record: CallRecord) => void;

/** A recorder that keeps the calls in memory, e.g. for one promotion step. */
export function collectCalls(): { calls: CallRecord[]; onCall: CallRecorder } {
  const calls: CallRecord[] = [];
  return { calls, onCall: (r) => void calls.push(r) };
}
