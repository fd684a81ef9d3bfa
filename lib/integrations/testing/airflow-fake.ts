import { airflowError, airflowRoutes, stateOf, type AirflowWorld, type FakeRun, type FakeRunState } from "./airflow-routes";
import { FakeServer, type Fault } from "./fake-server";

type FakeConfig = { version: 2 | 3; endpoint: string; username: string; password: string } & ({ version: 2 } | { version: 3 });

export interface AirflowFakeOptions {
  version: 2 | 3;
  username?: string;
  password?: string;
  /** Demo mode: any DAG a trigger names exists, and its runs succeed. */
  lenient?: boolean;
}

/**
 * A stateful Airflow at its HTTP boundary: Airflow 2 (/api/v1, basic auth) or Airflow 3 (/api/v2,
 * JWT from /auth/token). DAG runs advance one state per read (queued, running, then success or failed).
 */
export class AirflowFake {
  readonly version: 2 | 3;
  readonly server: FakeServer;
  private readonly world: AirflowWorld;

  constructor(options: AirflowFakeOptions) {
    this.version = options.version;
    this.world = { version: options.version, dags: new Map(), runs: new Map(), tokens: new Set(), username: options.username ?? "portal", password: options.password ?? "fake-airflow-password", lenient: options.lenient ?? false };
    const basic = `Basic ${Buffer.from(`${this.world.username}:${this.world.password}`).toString("base64")}`;
    this.server = new FakeServer(airflowRoutes(this.world), {
      name: `Airflow ${options.version}`,
      basePath: options.version === 2 ? "/api/v1" : "",
      authenticate: (h) => (this.version === 2 ? h.authorization === basic : this.world.tokens.has((h.authorization ?? "").replace(/^Bearer /, ""))),
      unauthorized: airflowError(options.version, 401, "Unauthorized", options.version === 2 ? "No credentials found" : "Invalid JWT token"),
      notFound: (method, path) => airflowError(options.version, 404, "Not Found", `no route ${method} ${path}`),
      invalid: (problems) => (options.version === 2 ? airflowError(2, 400, "Bad Request", problems.join("; ")) : { status: 422, body: { detail: problems.map((msg) => ({ msg, type: "value_error" })) } }),
    });
  }

  start(port: number | { from: number; to: number } = 0) {
    return this.server.start(port);
  }
  stop() {
    return this.server.stop();
  }
  get url() {
    return this.server.url;
  }
  /** Client settings that reach this fake. */
  get config(): FakeConfig {
    return { version: this.version, endpoint: this.url, username: this.world.username, password: this.world.password } as FakeConfig;
  }
  get triggerOperation() {
    return this.version === 2 ? "post_dag_run" : "trigger_dag_run";
  }

  inject(operation: string, fault: Fault, times = 1) {
    this.server.inject(operation, fault, times);
    return this;
  }
  count(operation: string) {
    return this.server.count(operation);
  }

  /** Registers a DAG; its runs end in `outcome` after `runningReads` reads in "running". */
  addDag(dagId: string, outcome: "success" | "failed" = "success", runningReads = 1, paused = false): void {
    const steps: FakeRunState[] = ["queued", ...Array<FakeRunState>(runningReads).fill("running"), outcome];
    this.world.dags.set(dagId, { steps, paused });
  }

  /** Every run started on `dagId` (a retried trigger must not add one). */
  runsOf(dagId: string): { runId: string; state: FakeRunState; conf: Record<string, unknown> }[] {
    return [...this.world.runs.values()].filter((r: FakeRun) => r.dagId === dagId).map((r) => ({ runId: r.runId, state: stateOf(r), conf: r.conf }));
  }

  /** Invalidates every issued JWT, as their expiry would. */
  expireTokens(): void {
    this.world.tokens.clear();
  }
}
