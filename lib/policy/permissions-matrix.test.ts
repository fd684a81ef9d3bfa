import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { PERMISSIONS, ROLES } from "@/lib/policy/permissions";
import { MATRIX_END, MATRIX_START, renderPermissionMatrix, withPermissionMatrix } from "@/lib/policy/permissions-matrix";

describe("README permission matrix", () => {
  it("is in sync with lib/policy/permissions.ts (if not: run `npm run permissions:matrix` and commit README.md)", () => {
    const readme = readFileSync(path.join(process.cwd(), "README.md"), "utf8");
    expect(readme, "README.md's permission matrix is out of date: run `npm run permissions:matrix` and commit README.md").toBe(withPermissionMatrix(readme));
  });

  it("has one row per permission and one column per role, with deny shown as —", () => {
    const lines = renderPermissionMatrix().split("\n").filter((l) => l.startsWith("| `") && l.split("|").length > 6);
    expect(lines).toHaveLength(Object.keys(PERMISSIONS).length);
    const userManage = lines.find((l) => l.startsWith("| `user.manage` |"))!;
    expect(userManage.split("|").slice(4, 4 + ROLES.length).map((c) => c.trim())).toEqual(["—", "—", "—", "—", "all"]);
  });

  it("refuses a README without the markers", () => {
    expect(() => withPermissionMatrix("# README\n")).toThrow(/lacks the markers/);
    expect(withPermissionMatrix(`a\n${MATRIX_START}\nold\n${MATRIX_END}\nb`)).toContain(renderPermissionMatrix());
  });
});
