import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ENV_VARIABLES } from "@/lib/env";

const readme = () => readFileSync(path.join(process.cwd(), "README.md"), "utf8");

describe("README", () => {
  it("documents every environment variable of lib/env.ts in its table (add a row when you add one)", () => {
    const documented = [...readme().matchAll(/^\| `([A-Z0-9_]+)` \|/gm)].map((m) => m[1]);
    expect(ENV_VARIABLES.filter((v) => !documented.includes(v))).toEqual([]);
  });

  it("gives the two set-up commands that package.json really has", () => {
    const pkg = JSON.parse(readFileSync(path.join(process.cwd(), "package.json"), "utf8")) as { scripts: Record<string, string> };
    expect(readme()).toContain("npm install && npm start");
    expect(readme()).toContain("npm test ");
    expect(pkg.scripts.start).toContain("scripts/start.ts");
    expect(pkg.scripts.test).toContain("scripts/test.ts");
  });
});
