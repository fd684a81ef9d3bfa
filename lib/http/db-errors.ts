// Errors that mean "the database is not reachable right now", from pg or Prisma's adapter.
// 57P01-03: admin shutdown, crash shutdown, cannot connect now (starting up or recovering);
// 08xxx: connection exceptions; Prisma's P1001 can't reach, P1002 timed out, P1017 server
// closed the connection, P2024 timed out waiting for a pool connection.
const DOWN_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "57P01", "57P02", "57P03", "08000", "08001", "08003", "08006", "P1001", "P1002", "P1017", "P2024"]);
// Kinds Prisma's pg adapter gives socket errors (adapter-pg mapSocketError): ECONNREFUSED,
// ECONNRESET and ETIMEDOUT arrive as these, with the original code gone, e.g. a raw query on
// a pooled connection the crashed server closed ("Server has closed the connection", P2010).
const DOWN_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout"]);
const DOWN_MESSAGE = /connection terminated|Can't reach database server|timeout exceeded when trying to connect|Connection refused|ECONNREFUSED|the database system is (starting up|shutting down|not yet accepting connections|in recovery mode)|terminating connection due to (administrator command|crash of another server process)|Client has encountered a connection error|Server has closed the connection/i;

type ErrorLike = { code?: unknown; kind?: unknown; message?: unknown; originalMessage?: unknown; originalCode?: unknown; cause?: unknown; meta?: { driverAdapterError?: unknown } };

/**
 * Whether the error, one of its causes or, for Prisma's known request errors (which carry the
 * driver's error in meta.driverAdapterError, e.g. code P2039 wrapping 57P03), the adapter's
 * error passes `test`. Prisma and pg nest the error that says what happened at varying depths.
 */
export function someErrorInChain(e: unknown, test: (err: ErrorLike) => boolean): boolean {
  const queue: unknown[] = [e];
  for (let seen = 0; queue.length && seen < 12; seen++) {
    const err = queue.shift() as ErrorLike | null | undefined;
    if (!err || typeof err !== "object") continue;
    if (test(err)) return true;
    queue.push(err.cause, err.meta?.driverAdapterError);
  }
  return false;
}

/** An error, anywhere in its chain, whose code, kind or message means the database is down. */
export function isDatabaseDown(e: unknown): boolean {
  return someErrorInChain(e, (err) =>
    (typeof err.kind === "string" && DOWN_KINDS.has(err.kind))
    || [err.code, err.originalCode].some((code) => typeof code === "string" && DOWN_CODES.has(code))
    || [err.message, err.originalMessage].some((msg) => typeof msg === "string" && DOWN_MESSAGE.test(msg)));
}

/**
 * Prisma's P2028 "Unable to start a transaction in the given time": every pooled connection
 * stayed busy for longer than the transaction's maxWait (a burst, e.g. fifty people pressing
 * "approve" on one promotion at once). Nothing was written; the request can simply be retried.
 */
export function isDatabaseBusy(e: unknown): boolean {
  const err = e as ErrorLike | null | undefined;
  return !!err && typeof err === "object" && err.code === "P2028" && typeof err.message === "string" && /unable to start a transaction/i.test(err.message);
}
