import { describe, expect, it } from "vitest";
import { db, preparedStatement } from "@/lib/db";

// Hot statements (the actor lookup, the lineage claim and fold) are registered with
// preparedStatement so each pooled connection parses and plans them once.

const PROBE = preparedStatement("test_prepared_probe", "SELECT $1::int + 1 AS n");

describe("prepared statements", () => {
  it("runs a registered statement as a named prepared statement on its connection, and others unnamed", async () => {
    const names = await db().$transaction(async (tx) => {
      expect(await tx.$queryRawUnsafe<{ n: number }[]>(PROBE, 41)).toEqual([{ n: 42 }]);
      expect(await tx.$queryRawUnsafe<{ n: number }[]>(PROBE, 1)).toEqual([{ n: 2 }]);
      await tx.$queryRawUnsafe("SELECT $1::int + 2 AS n", 1);
      return tx.$queryRawUnsafe<{ name: string; statement: string }[]>("SELECT name, statement FROM pg_prepared_statements ORDER BY name");
    });
    expect(names).toContainEqual({ name: "test_prepared_probe", statement: "SELECT $1::int + 1 AS n" });
    expect(names.some((s) => s.statement.includes("+ 2"))).toBe(false);
  });

  it("refuses one name for two different SQL texts", () => {
    expect(() => preparedStatement("test_prepared_probe", "SELECT 2")).toThrow(/registered twice/);
    expect(preparedStatement("test_prepared_probe", "SELECT $1::int + 1 AS n")).toBe(PROBE);
  });
});
