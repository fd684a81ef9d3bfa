import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

// A tiny stateful HTTP server for faking one outside system in tests and demo mode:
// routes by method and path template, per-operation fault injection, counters and a request log.
// Imports nothing from vitest or the app, so demo mode can start it in-process.

export type Fault =
  | { kind: "hang" } // accept the request and never answer (client timeouts)
  | { kind: "close" } // destroy the socket without an answer (connection reset)
  | { kind: "close-after" } // do the work, then lose the answer (the client cannot know it happened)
  | { kind: "hold-after" } // do the work, then keep the answer back (a test can kill the caller while it waits)
  | { kind: "status"; status: number; body?: unknown }; // answer this instead of the real handler

export interface RouteContext {
  params: Record<string, string>;
  query: URLSearchParams;
  body: unknown;
  headers: IncomingHttpHeaders;
}

export interface RouteResult {
  status: number;
  body?: unknown;
  contentType?: string;
}

export interface Route {
  /** The spec's operation id (e.g. "mergeIntoBranch"): the name used for faults and counters. */
  operation: string;
  method: string;
  /** Path template as in the spec, e.g. /repositories/{repository}/branches/{branch}. */
  path: string;
  /** Request-body validation; returns the problems, empty when valid. */
  validate?: (body: unknown) => string[];
  /** Routes that need no credentials (e.g. a token endpoint). */
  public?: boolean;
  handle: (ctx: RouteContext) => RouteResult | Promise<RouteResult>;
}

export interface FakeServerOptions {
  name: string;
  /** Prefix the real server serves its API under, e.g. /api/v1. */
  basePath?: string;
  authenticate: (headers: IncomingHttpHeaders) => boolean;
  unauthorized: RouteResult;
  notFound: (method: string, path: string) => RouteResult;
  invalid: (problems: string[]) => RouteResult;
}

export interface LoggedRequest {
  method: string;
  path: string;
  operation: string | null;
  status: number | null;
}

interface Compiled extends Route {
  regex: RegExp;
  names: string[];
}

export class FakeServer {
  readonly name: string;
  readonly requests: LoggedRequest[] = [];
  private readonly routes: Compiled[];
  private readonly faults = new Map<string, { fault: Fault; remaining: number }[]>();
  private readonly done = new Map<string, number>();
  private server: Server | undefined;
  private port = 0;

  constructor(routes: Route[], private readonly options: FakeServerOptions) {
    this.name = options.name;
    this.routes = routes.map((r) => {
      const names: string[] = [];
      const source = (options.basePath ?? "") + r.path.replace(/[.*+?^$()|[\]\\]/g, "\\$&").replace(/\\?\{([^}]+)\\?\}/g, (_m, n: string) => (names.push(n), "([^/]+)"));
      return { ...r, names, regex: new RegExp(`^${source}$`) };
    });
  }

  get url(): string {
    if (!this.server) throw new Error(`${this.name} fake is not started`);
    return `http://127.0.0.1:${this.port}`;
  }

  /** Makes the next `times` calls of `operation` fail this way (Infinity: until cleared). */
  inject(operation: string, fault: Fault, times = 1): this {
    if (!this.routes.some((r) => r.operation === operation)) throw new Error(`${this.name} fake has no operation ${operation}`);
    const list = this.faults.get(operation) ?? [];
    list.push({ fault, remaining: times });
    this.faults.set(operation, list);
    return this;
  }

  clearFaults(): void {
    this.faults.clear();
  }

  /** How many calls of `operation` succeeded (2xx), e.g. to assert exactly one merge. */
  count(operation: string): number {
    return this.done.get(operation) ?? 0;
  }

  /** Listens on 127.0.0.1 at `port`, or at the first free port of a range (callers own their port blocks). */
  async start(port: number | { from: number; to: number } = 0): Promise<string> {
    const [from, to] = typeof port === "number" ? [port, port] : [port.from, port.to];
    for (let p = from; p <= to; p++) {
      const server = createServer((req, res) => void this.dispatch(req.method ?? "GET", req.url ?? "/", req.headers, req, res));
      const ok = await new Promise<boolean>((resolve, reject) => {
        server.once("error", (e: NodeJS.ErrnoException) => (e.code === "EADDRINUSE" && p < to ? resolve(false) : reject(e)));
        server.listen(p, "127.0.0.1", () => resolve(true));
      });
      if (!ok) continue;
      this.server = server;
      this.port = (server.address() as AddressInfo).port;
      return this.url;
    }
    throw new Error(`${this.name} fake found no free port in ${from}-${to}`);
  }

  /** Stops listening and drops open (also hanging) connections; later calls get connection refused. */
  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = undefined;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private async dispatch(method: string, rawUrl: string, headers: IncomingHttpHeaders, req: AsyncIterable<Buffer>, res: ServerResponse) {
    const url = new URL(rawUrl, "http://fake");
    const entry: LoggedRequest = { method, path: url.pathname + url.search, operation: null, status: null };
    this.requests.push(entry);
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c);
    const send = (r: RouteResult) => {
      entry.status = r.status;
      const text = r.body === undefined ? "" : typeof r.body === "string" ? r.body : JSON.stringify(r.body);
      res.writeHead(r.status, { "content-type": r.contentType ?? "application/json" }).end(text);
    };

    const route = this.routes.find((r) => r.method === method && r.regex.test(url.pathname));
    if (!route) return send(this.options.notFound(method, url.pathname));
    entry.operation = route.operation;
    const fault = this.takeFault(route.operation);
    if (fault?.kind === "hang") return; // the connection stays open until the client gives up or stop()
    if (fault?.kind === "close") return void res.socket?.destroy();
    if (fault?.kind === "status") return send({ status: fault.status, body: fault.body ?? { message: `injected ${fault.status}` } });
    if (!route.public && !this.options.authenticate(headers)) return send(this.options.unauthorized);

    let body: unknown;
    const text = Buffer.concat(chunks).toString("utf8");
    if (text) {
      try {
        body = JSON.parse(text);
      } catch {
        return send(this.options.invalid(["request body is not valid JSON"]));
      }
    }
    const problems = route.validate?.(body) ?? [];
    if (problems.length) return send(this.options.invalid(problems));

    const match = route.regex.exec(url.pathname)!;
    const params = Object.fromEntries(route.names.map((n, i) => [n, decodeURIComponent(match[i + 1]!)]));
    const result = await route.handle({ params, query: url.searchParams, body, headers });
    if (result.status >= 200 && result.status < 300) this.done.set(route.operation, this.count(route.operation) + 1);
    if (fault?.kind === "close-after") return void res.socket?.destroy();
    if (fault?.kind === "hold-after") return; // counted as done above; the connection stays open until stop()
    send(result);
  }

  private takeFault(operation: string): Fault | undefined {
    const list = this.faults.get(operation);
    const next = list?.find((f) => f.remaining > 0);
    if (!next) return undefined;
    next.remaining -= 1;
    return next.fault;
  }
}
