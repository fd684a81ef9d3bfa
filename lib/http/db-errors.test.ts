import { describe, expect, it } from "vitest";
import { isDatabaseDown } from "@/lib/http/db-errors";

describe("isDatabaseDown", () => {
  it("sees a pg connection error through its cause chain", () => {
    expect(isDatabaseDown(new Error("query failed", { cause: Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" }) }))).toBe(true);
  });

  // Shape of what Prisma 7 threw while PostgreSQL was recovering from a crash (fault suite).
  it("sees the driver error inside a Prisma known request error", () => {
    const prismaError = Object.assign(new Error("Invalid `prisma.apiToken.findUnique()` invocation: Database error."), {
      code: "P2039",
      meta: { modelName: "ApiToken", driverAdapterError: { name: "DriverAdapterError", cause: { originalCode: "57P03", originalMessage: "the database system is not yet accepting connections", kind: "postgres" } } },
    });
    expect(isDatabaseDown(prismaError)).toBe(true);
  });

  it("sees Prisma's own can't-reach error (P1001) while the server is down", () => {
    expect(isDatabaseDown(Object.assign(new Error("Invalid `prisma.apiToken.findUnique()` invocation: Can't reach database server at 127.0.0.1:26910"), { code: "P1001" }))).toBe(true);
  });

  // Shape seen on a raw query whose pooled connection the crashed server had closed (fault suite).
  it("sees the adapter's ConnectionClosed kind on a raw query error (P2010)", () => {
    const prismaError = Object.assign(new Error("Invalid `prisma.$queryRawUnsafe()` invocation: Raw query failed. Code: `N/A`."), {
      code: "P2010",
      meta: { driverAdapterError: { name: "DriverAdapterError", cause: { kind: "ConnectionClosed" } } },
    });
    expect(isDatabaseDown(prismaError)).toBe(true);
  });

  it("does not take an ordinary query error for an outage", () => {
    const unique = Object.assign(new Error("Unique constraint failed"), { code: "P2002", meta: { driverAdapterError: { cause: { originalCode: "23505", originalMessage: "duplicate key value" } } } });
    expect(isDatabaseDown(unique)).toBe(false);
    expect(isDatabaseDown(new Error("boom"))).toBe(false);
    expect(isDatabaseDown(null)).toBe(false);
  });
});
