import http from "node:http";
import type { AddressInfo } from "node:net";
import { startPrism, type PrismMock } from "./prism";

// Prism serves a spec's paths at its root, but the lakeFS spec declares `servers: /api/v1` and
// the portal calls a real server there. This fronts Prism with a pass-through that strips the
// prefix, so code can be tested exactly as configured in production (endpoint = server root).

export async function startPrismAtPath(spec: string, basePath: string): Promise<PrismMock> {
  const prism = await startPrism(spec);
  const upstream = new URL(prism.url);
  const proxy = http.createServer((req, res) => {
    const url = req.url ?? "/";
    if (!url.startsWith(basePath)) return void res.writeHead(404, { "content-type": "application/json" }).end(JSON.stringify({ message: `no route outside ${basePath}` }));
    const forward = http.request({ host: upstream.hostname, port: upstream.port, method: req.method, path: url.slice(basePath.length) || "/", headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    forward.on("error", (e) => res.writeHead(502).end(String(e)));
    req.pipe(forward);
  });
  await new Promise<void>((resolve) => proxy.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`,
    stop: async () => {
      await new Promise<void>((resolve) => proxy.close(() => resolve()));
      await prism.stop();
    },
  };
}
