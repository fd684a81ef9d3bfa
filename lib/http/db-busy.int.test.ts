import { PrismaPg } from "@prisma/adapter-pg";
import { afterAll, describe, expect, it } from "vitest";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { databaseUrl } from "@/lib/env";
import { isDatabaseBusy, isDatabaseDown } from "@/lib/http/db-errors";
import { errorResponse } from "@/lib/http/handle";

// A real pool of one connection, held by one transaction while a second one waits past its
// maxWait: Prisma's own P2028 comes back, and the API answers 503 with Retry-After (try again),
// not 500 (our bug).
const client = new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl(), max: 1 }), transactionOptions: { maxWait: 200, timeout: 5_000 } });
afterAll(() => client.$disconnect());

describe("a transaction that cannot get a connection in time", () => {
  it("is told apart from an outage and answers 503 with Retry-After", async () => {
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let started!: () => void;
    const holding = new Promise<void>((r) => (started = r));
    const first = client.$transaction(async (tx) => {
      await tx.$queryRaw`SELECT 1`;
      started();
      await held;
    });
    await holding;
    const error = await client.$transaction(async (tx) => tx.$queryRaw`SELECT 1`).catch((e: unknown) => e);
    release();
    await first;

    expect(isDatabaseBusy(error)).toBe(true);
    expect(isDatabaseDown(error)).toBe(false);
    const res = errorResponse(error, "req-1");
    expect(res.status).toBe(503);
    expect(res.headers.get("retry-after")).toBe("2");
    expect(((await res.json()) as { detail: string }).detail).toMatch(/too busy.*nothing was saved/);
  });

  it("does not take other errors for a busy pool", () => {
    expect(isDatabaseBusy(Object.assign(new Error("Transaction already closed: the timeout for this transaction was 5000 ms"), { code: "P2028" }))).toBe(false);
    expect(isDatabaseBusy(new Error("boom"))).toBe(false);
    expect(isDatabaseBusy(null)).toBe(false);
  });
});
