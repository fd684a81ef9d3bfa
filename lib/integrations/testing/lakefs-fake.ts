import { FakeServer, type Fault } from "./fake-server";
import { lakefsRoutes, type LakefsWorld, type MergeRecord } from "./lakefs-routes";
import type { RouteContext } from "./fake-server";
import { ancestors, applyChanges, newCommit, resolveRef, type FakeRepo } from "./lakefs-state";

export interface LakefsFakeOptions {
  accessKeyId?: string;
  secretAccessKey?: string;
  /**
   * Demo mode: repositories and branches a request names are created on the spot (a new branch
   * gets one demo commit), and a merge of an already merged source gets a fresh commit first, so
   * a promotion always has something to merge whatever the demo data says.
   */
  lenient?: boolean;
}

/**
 * A stateful lakeFS at its HTTP boundary (/api/v1, basic auth): branches whose heads move on
 * merge and revert, real conflicts, a pluggable pre-merge hook (412), faults and counters.
 */
export class LakefsFake {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  private readonly world: LakefsWorld = { repos: new Map(), merges: [], reverts: [], preMergeHook: null };
  readonly server: FakeServer;

  constructor(options: LakefsFakeOptions = {}) {
    this.accessKeyId = options.accessKeyId ?? "AKIAFAKELAKEFS";
    this.secretAccessKey = options.secretAccessKey ?? "fake-lakefs-secret";
    const expected = `Basic ${Buffer.from(`${this.accessKeyId}:${this.secretAccessKey}`).toString("base64")}`;
    if (options.lenient) this.world.ensure = (ctx) => this.ensure(ctx);
    this.server = new FakeServer(lakefsRoutes(this.world), {
      name: "lakeFS",
      basePath: "/api/v1",
      authenticate: (h) => h.authorization === expected,
      unauthorized: { status: 401, body: { message: "error authenticating request" } },
      notFound: (method, path) => ({ status: 404, body: { message: `no route ${method} ${path}` } }),
      invalid: (problems) => ({ status: 400, body: { message: `bad request: ${problems.join("; ")}` } }),
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
    return { endpoint: this.url, accessKeyId: this.accessKeyId, secretAccessKey: this.secretAccessKey };
  }

  inject(operation: string, fault: Fault, times = 1) {
    this.server.inject(operation, fault, times);
    return this;
  }
  count(operation: string) {
    return this.server.count(operation);
  }
  get merges(): readonly MergeRecord[] {
    return this.world.merges;
  }
  get reverts() {
    return this.world.reverts;
  }
  set preMergeHook(hook: LakefsWorld["preMergeHook"]) {
    this.world.preMergeHook = hook;
  }

  /** A repository with its default branch at an initial, empty commit. */
  createRepository(id: string, defaultBranch = "main"): string {
    const repo: FakeRepo = {
      id,
      defaultBranch,
      storageNamespace: `local://fake/${id}`,
      creationDate: Math.floor(Date.now() / 1000),
      branches: new Map(),
      tags: new Map(),
      commits: new Map(),
    };
    this.world.repos.set(id, repo);
    const first = newCommit(repo, [], new Map(), "Repository created", {}, "lakefs");
    repo.branches.set(defaultBranch, first.id);
    return first.id;
  }

  createBranch(repository: string, name: string, source: string): string {
    const repo = this.repo(repository);
    const from = resolveRef(repo, source);
    if (!from) throw new Error(`lakeFS fake: no ref ${source} in ${repository}`);
    repo.branches.set(name, from.id);
    return from.id;
  }

  /** Commits file changes (null deletes) to a branch and returns the new commit id. */
  commit(repository: string, branch: string, input: { message: string; files: Record<string, string | null>; metadata?: Record<string, string>; committer?: string }): string {
    const repo = this.repo(repository);
    const head = repo.branches.get(branch);
    if (!head) throw new Error(`lakeFS fake: no branch ${branch} in ${repository}`);
    const changes = Object.entries(input.files).map(([path, value]) => ({ path, value, type: "changed" as const }));
    const files = applyChanges(repo.commits.get(head)!.files, changes);
    const c = newCommit(repo, [head], files, input.message, input.metadata ?? {}, input.committer ?? "data-engineer");
    repo.branches.set(branch, c.id);
    return c.id;
  }

  head(repository: string, branch: string): string {
    const id = this.repo(repository).branches.get(branch);
    if (!id) throw new Error(`lakeFS fake: no branch ${branch} in ${repository}`);
    return id;
  }

  files(repository: string, ref: string): Record<string, string> {
    const c = resolveRef(this.repo(repository), ref);
    if (!c) throw new Error(`lakeFS fake: no ref ${ref} in ${repository}`);
    return Object.fromEntries(c.files);
  }

  private ensure({ params }: RouteContext): void {
    const id = params.repository;
    if (!id) return;
    if (!this.world.repos.has(id)) this.createRepository(id);
    const repo = this.repo(id);
    const refs = [params.branch, params.destinationBranch, params.sourceRef, params.ref, params.leftRef, params.rightRef];
    for (const ref of refs) {
      if (!ref || resolveRef(repo, ref) || /^[0-9a-f]{6,64}$/.test(ref)) continue;
      this.createBranch(id, ref, repo.defaultBranch);
      this.commit(id, ref, { message: `Demo data for ${ref}`, files: { [`demo/${ref}/part-0.parquet`]: `${ref}@${Date.now()}` } });
    }
    const { sourceRef, destinationBranch } = params;
    if (sourceRef && destinationBranch && repo.branches.has(sourceRef)) {
      const merged = ancestors(repo, repo.branches.get(destinationBranch)!).has(repo.branches.get(sourceRef)!);
      if (merged) this.commit(id, sourceRef, { message: `Demo refresh of ${sourceRef}`, files: { [`demo/${sourceRef}/part-${Date.now()}.parquet`]: String(Date.now()) } });
    }
  }

  private repo(id: string): FakeRepo {
    const repo = this.world.repos.get(id);
    if (!repo) throw new Error(`lakeFS fake: no repository ${id}`);
    return repo;
  }
}
