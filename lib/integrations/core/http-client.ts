import { setTimeout as sleep } from "node:timers/promises";
import { DEFAULT_RETRY, DEFAULT_TIMEOUT_MS, backoffDelay, type RetryPolicy } from "./backoff";
import type { CallRecord, CallRecorder } from "./call-record";
import { IntegrationError, describeFailure, kindOfStatus, type IntegrationErrorKind, type IntegrationSystem } from "./integration-error";
import { detailOf, networkCode } from "./failure-facts";

export interface IntegrationHttpConfig {
  system: IntegrationSystem;
  /** The API root, e.g. http://lakefs:8000/api/v1 (no trailing slash needed). */
  baseUrl: string;
  /** Credentials, computed per attempt so a token can be refreshed. */
  authHeaders?: () => Record<string, string> | Promise<Record<string, string>>;
  /** Per-attempt timeout. */
  timeoutMs?: number;
  retry?: Partial<RetryPolicy>;
  onCall?: CallRecorder;
  /** Jitter source; tests may pin it. */
  random?: () => number;
  fetch?: (input: Request) => Promise<Response>;
  /** Cancels every call of this client (e.g. worker shutdown); a cancelled call is never retried. */
  signal?: AbortSignal;
}

export interface OperationSpec {
  /** Human name of the operation, used in messages and call records ("merge branch"). */
  name: string;
  /** What a 404 means, e.g. `branch "main" of repository "sales"`. */
  resource?: string;
  /**
   * Whether sending the request twice is harmless. Non-idempotent calls (a merge) are only
   * retried when the server surely never saw them (connection refused, 503), because a
   * timeout or a 500 leaves the outcome unknown.
   */
  idempotent: boolean;
  /** Caller cancellation (e.g. worker shutdown); never retried. */
  signal?: AbortSignal;
  /** Turns the generic error into an operation-specific one (a merge conflict). */
  mapError?: (error: IntegrationError) => IntegrationError;
}

export type AttemptFetch = (input: Request) => Promise<Response>;

interface Failure {
  kind: IntegrationErrorKind;
  status?: number;
  detail?: string;
  retryable: boolean;
}

const NOTHING_SENT = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "EHOSTUNREACH", "ENETUNREACH"]);

/** Timeouts, retries with backoff, typed errors and call records: shared by every integration client. */
export class IntegrationHttp {
  readonly system: IntegrationSystem;
  readonly baseUrl: string;
  private readonly policy: RetryPolicy;
  private readonly timeoutMs: number;

  constructor(private readonly config: IntegrationHttpConfig) {
    this.system = config.system;
    this.baseUrl = config.baseUrl.replace(/\/+$/, "");
    this.policy = { ...DEFAULT_RETRY, ...config.retry };
    this.timeoutMs = config.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  }

  /** Runs `attempt` (which must use the fetch it is given) until it succeeds, fails for good, or the budget is spent. */
  async call<T extends { response: Response }>(spec: OperationSpec, attempt: (fetch: AttemptFetch) => Promise<T>): Promise<T> {
    const op = { ...spec, signal: spec.signal ?? this.config.signal };
    op.signal?.throwIfAborted();
    const deadline = Date.now() + this.policy.budgetMs;
    for (let n = 1; ; n++) {
      const timeoutMs = Math.max(1, Math.min(this.timeoutMs, deadline - Date.now()));
      const timer = new AbortController();
      const handle = setTimeout(() => timer.abort(), timeoutMs);
      // One controller that the timeout and the caller both abort. The attempt also races the
      // abort itself: on Node 20, fetch only follows an abort through signals it holds weakly
      // (AbortSignal.any's result, a Request's own signal), so after a garbage collection the
      // abort can be lost and the attempt waits forever. A hung lakeFS merge held its promotion,
      // and the worker's lock on it, forever in about a third of the fault suite's runs.
      const onCallerAbort = () => timer.abort(op.signal?.reason);
      op.signal?.addEventListener("abort", onCallerAbort, { once: true });
      const signal = timer.signal;
      const abandoned = new Promise<never>((_, reject) => signal.addEventListener("abort", () => reject(signal.reason), { once: true }));
      abandoned.catch(() => {}); // only observed through the race below
      const seen: { method: string; path: string } = { method: "?", path: "?" };
      const started = Date.now();
      let failure: Failure;
      try {
        const result = await Promise.race([attempt((req) => this.send(req, signal, seen)), abandoned]);
        const { status } = result.response;
        this.record(op, n, seen, started, status, result.response.ok ? "ok" : "http_error");
        if (result.response.ok) return result;
        const detail = detailOf((result as { error?: unknown }).error);
        failure = { kind: kindOfStatus(status), status, detail, retryable: status >= 500 && (op.idempotent || status === 503) };
      } catch (e) {
        if (op.signal?.aborted) throw op.signal.reason ?? e;
        if (timer.signal.aborted) {
          this.record(op, n, seen, started, null, "timeout", `no answer within ${timeoutMs} ms`);
          failure = { kind: "timeout", retryable: op.idempotent };
        } else if (networkCode(e)) {
          const code = networkCode(e)!;
          this.record(op, n, seen, started, null, "network_error", code);
          failure = { kind: "unreachable", detail: code, retryable: op.idempotent || NOTHING_SENT.has(code) };
        } else if (e instanceof SyntaxError) {
          this.record(op, n, seen, started, null, "http_error", "unreadable body");
          failure = { kind: "invalid_response", detail: e.message, retryable: false };
        } else {
          throw e;
        }
      } finally {
        clearTimeout(handle);
        op.signal?.removeEventListener("abort", onCallerAbort);
      }
      const wait = backoffDelay(n, this.policy, this.config.random);
      const outOfBudget = n >= this.policy.maxAttempts || Date.now() + wait >= deadline;
      if (!failure.retryable || outOfBudget) throw this.fail(op, failure, n, timeoutMs);
      await sleep(wait, undefined, { signal: op.signal });
    }
  }

  /** A JSON request for hand-typed clients (MLflow) and token endpoints. */
  async request<T>(
    op: OperationSpec,
    req: { method: string; path: string; query?: Record<string, string | number | string[] | undefined>; body?: unknown },
  ): Promise<{ data: T; response: Response }> {
    const url = new URL(this.baseUrl + req.path);
    for (const [k, v] of Object.entries(req.query ?? {})) {
      if (v === undefined) continue;
      for (const item of Array.isArray(v) ? v : [v]) url.searchParams.append(k, String(item));
    }
    return this.call(op, async (fetch) => {
      const init: RequestInit = { method: req.method };
      if (req.body !== undefined) init.body = JSON.stringify(req.body);
      if (req.body !== undefined) init.headers = { "content-type": "application/json" };
      const response = await fetch(new Request(url, init));
      const text = await response.text();
      if (!response.ok) return { response, data: undefined as T, error: safeJson(text) ?? text };
      return { response, data: (text ? JSON.parse(text) : {}) as T };
    });
  }

  private async send(req: Request, signal: AbortSignal, seen: { method: string; path: string }): Promise<Response> {
    const url = new URL(req.url);
    seen.method = req.method;
    seen.path = url.pathname + url.search;
    const headers = new Headers(req.headers);
    for (const [k, v] of Object.entries((await this.config.authHeaders?.()) ?? {})) headers.set(k, v);
    const body = req.body ? await req.arrayBuffer() : undefined;
    const fetchImpl = this.config.fetch ?? globalThis.fetch;
    return fetchImpl(new Request(req.url, { method: req.method, headers, body, signal }));
  }

  private record(op: OperationSpec, attempt: number, seen: { method: string; path: string }, started: number, status: number | null, outcome: CallRecord["outcome"], error?: string) {
    this.config.onCall?.({
      system: this.system,
      operation: op.name,
      method: seen.method,
      path: seen.path,
      status,
      durationMs: Date.now() - started,
      attempt,
      startedAt: new Date(started).toISOString(),
      outcome,
      ...(error ? { error } : {}),
    });
  }

  private fail(op: OperationSpec, f: Failure, attempts: number, timeoutMs: number): IntegrationError {
    const endpoint = new URL(this.baseUrl).origin;
    const message = describeFailure({ system: this.system, operation: op.name, kind: f.kind, status: f.status, detail: f.detail, resource: op.resource, endpoint, attempts, timeoutMs });
    const error = new IntegrationError({ system: this.system, operation: op.name, kind: f.kind, status: f.status, detail: f.detail, attempts, message });
    return op.mapError ? op.mapError(error) : error;
  }
}

function safeJson(text: string): unknown {
  try {
    return text ? JSON.parse(text) : undefined;
  } catch {
    return undefined;
  }
}
