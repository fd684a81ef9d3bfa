// What execution needs from the three outside systems, narrowed to the calls it makes.
// client-ports.ts builds it from the typed clients in lib/integrations; the worker never
// talks HTTP itself, so every call gets the clients' timeouts, retries and call records.

export interface CommitRef {
  id: string;
  parents: string[];
}

export interface ExecutionPorts {
  /** True when these are the built-in fakes (demo mode, nothing configured). */
  usedFakes: boolean;
  lakefs: {
    branchHead(repository: string, branch: string): Promise<string>;
    findCommitByMetadata(repository: string, ref: string, key: string, value: string): Promise<CommitRef | null>;
    merge(repository: string, sourceRef: string, branch: string, input: { message: string; metadata: Record<string, string> }): Promise<{ commitId: string }>;
    revert(repository: string, branch: string, input: { ref: string; parentNumber: number; message: string; metadata: Record<string, string> }): Promise<void>;
  };
  mlflow: {
    /** The version an alias points at, or null when the alias is not set. */
    aliasVersion(model: string, alias: string): Promise<string | null>;
    setAlias(model: string, alias: string, version: string): Promise<void>;
    deleteAlias(model: string, alias: string): Promise<void>;
  };
  airflow: {
    /** null when no run with that id exists. */
    dagRunState(dagId: string, runId: string): Promise<string | null>;
    triggerDagRun(dagId: string, runId: string, conf: Record<string, unknown>): Promise<void>;
  };
}

/** Facts read from an integration error without importing its class (duck-typed). */
export interface FailureFacts {
  message: string;
  transient: boolean;
  kind: string | null;
  status: number | null;
}

export function failureFacts(e: unknown): FailureFacts {
  const err = e as { message?: string; transient?: boolean; kind?: string; status?: number; name?: string };
  const known = err && typeof err === "object" && typeof err.kind === "string";
  return {
    message: err?.message ?? String(e),
    transient: known ? !!err.transient : false,
    kind: known ? err.kind! : null,
    status: typeof err?.status === "number" ? err.status : null,
  };
}
