// Errors that mean "the database is not reachable right now", from pg or Prisma's adapter.
const DOWN_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "57P01", "57P02", "57P03", "08000", "08001", "08003", "08006"]);

export function isDatabaseDown(e: unknown): boolean {
  for (let cur: unknown = e, depth = 0; cur && depth < 5; depth++) {
    const err = cur as { code?: unknown; message?: unknown; cause?: unknown };
    if (typeof err.code === "string" && DOWN_CODES.has(err.code)) return true;
    if (typeof err.message === "string" && /connection terminated|timeout exceeded when trying to connect|Connection refused|ECONNREFUSED/i.test(err.message)) return true;
    cur = err.cause;
  }
  return false;
}
