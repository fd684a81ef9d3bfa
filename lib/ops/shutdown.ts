import { log } from "@/lib/log";

type Closer = () => Promise<void>;
const closers: Closer[] = [];

/** Registers work to finish on SIGTERM/SIGINT in our own processes (the worker); the web server is shut down by Next. */
export function onShutdown(fn: Closer): void {
  closers.push(fn);
}

let installed = false;
export function installShutdownHandlers(): void {
  if (installed) return;
  installed = true;
  const stop = async (signal: string) => {
    log.info({ signal }, "shutting down");
    await Promise.allSettled(closers.map((c) => c()));
    const g = globalThis as unknown as { prisma?: { $disconnect(): Promise<void> } };
    await g.prisma?.$disconnect().catch(() => {});
    process.exit(0);
  };
  process.once("SIGTERM", () => void stop("SIGTERM"));
  process.once("SIGINT", () => void stop("SIGINT"));
}
