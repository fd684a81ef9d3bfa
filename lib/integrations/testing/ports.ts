import { createServer } from "node:net";

// The integration tests take their ports from the operating system instead of a fixed block, so
// test files running in parallel, two checkouts on one machine and a CI run beside a developer's
// tests never collide on a port.

/** A port that was free a moment ago (bound to 127.0.0.1:0, then released). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** A URL where nothing listens, so calls get "connection refused". */
export async function refusedUrl(): Promise<string> {
  return `http://127.0.0.1:${await freePort()}`;
}
