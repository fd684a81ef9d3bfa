import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { withPermissionMatrix } from "@/lib/policy/permissions-matrix";

// Rewrites the roles × permissions table in README.md from lib/policy/permissions.ts.
const readmePath = path.resolve(import.meta.dirname, "..", "README.md");
const before = readFileSync(readmePath, "utf8");
const after = withPermissionMatrix(before);
if (after === before) {
  console.log("README.md permission matrix is already up to date");
} else {
  writeFileSync(readmePath, after);
  console.log("README.md permission matrix regenerated from lib/policy/permissions.ts");
}
