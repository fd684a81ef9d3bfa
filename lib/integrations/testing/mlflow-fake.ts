import { FakeServer, type Fault } from "./fake-server";
import { mlflowError, mlflowRoutes, type MlflowWorld } from "./mlflow-routes";

/**
 * A stateful MLflow model registry at its HTTP boundary (/api/2.0/mlflow): registered models with
 * versions, aliases that move (every move recorded), request fields checked against the proto.
 */
export class MlflowFake {
  readonly server: FakeServer;
  readonly token: string | undefined;
  private readonly world: MlflowWorld = { models: new Map(), aliasMoves: [] };

  /**
   * With a token, every call must carry `Authorization: Bearer <token>`. `lenient` (demo mode):
   * a model or version a request names is registered on the spot.
   */
  constructor(options: { token?: string; lenient?: boolean } = {}) {
    this.token = options.token;
    if (options.lenient)
      this.world.ensure = (f) => {
        if (typeof f.name !== "string") return;
        const wanted = typeof f.version === "string" && /^\d{1,3}$/.test(f.version) ? Number(f.version) : 1;
        while ((this.world.models.get(f.name)?.versions.size ?? 0) < wanted) this.createModelVersion(f.name);
      };
    this.server = new FakeServer(mlflowRoutes(this.world), {
      name: "MLflow",
      basePath: "/api/2.0",
      authenticate: (h) => !this.token || h.authorization === `Bearer ${this.token}`,
      unauthorized: mlflowError(401, "UNAUTHENTICATED", "Credential was not sent or was of an unsupported type for this API."),
      notFound: (method, path) => mlflowError(404, "ENDPOINT_NOT_FOUND", `No API route for ${method} ${path}`),
      invalid: (problems) => mlflowError(400, "MALFORMED_REQUEST", problems.join("; ")),
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
  get config() {
    return { trackingUri: this.url, ...(this.token ? { token: this.token } : {}) };
  }
  inject(operation: string, fault: Fault, times = 1) {
    this.server.inject(operation, fault, times);
    return this;
  }
  count(operation: string) {
    return this.server.count(operation);
  }
  /** Every alias change (set to another version, or deleted), in order. */
  get aliasMoves(): readonly MlflowWorld["aliasMoves"][number][] {
    return this.world.aliasMoves;
  }

  /** Registers the next version of `name` (creating the model if needed) and returns its number. */
  createModelVersion(name: string, input: { source?: string; runId?: string; description?: string; tags?: Record<string, string> } = {}): string {
    const now = Date.now();
    const model = this.world.models.get(name) ?? { created: now, versions: new Map(), aliases: new Map() };
    this.world.models.set(name, model);
    const version = String(model.versions.size + 1);
    model.versions.set(version, {
      name,
      version,
      created: now,
      updated: now,
      source: input.source ?? `models:/${name}/${version}`,
      runId: input.runId ?? "",
      description: input.description ?? "",
      tags: input.tags ?? {},
    });
    return version;
  }

  /** The version an alias points at, or undefined. */
  alias(name: string, alias: string): string | undefined {
    return this.world.models.get(name)?.aliases.get(alias);
  }

  setAlias(name: string, alias: string, version: string): void {
    const model = this.world.models.get(name);
    if (!model?.versions.has(version)) throw new Error(`MLflow fake: no version ${version} of ${name}`);
    model.aliases.set(alias, version);
  }
}
