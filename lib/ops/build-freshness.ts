import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

// `npm start` builds only when it must: no production build yet, or a source file
// newer than the build. Tests and the e2e suite do not go into the build, so
// changing them does not cost a rebuild.

const SOURCE_DIRS = ["app", "components", "lib", "public"];
const SOURCE_FILES = ["next.config.js", "proxy.ts", "instrumentation.ts", "postcss.config.mjs", "tsconfig.json", "package.json", "package-lock.json"];
const SKIP_DIRS = new Set(["node_modules", "test", ".next"]);
const isTest = (name: string) => /\.(int\.)?test\.tsx?$/.test(name);

function newestIn(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(/*turbopackIgnore: true*/ dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIP_DIRS.has(entry.name)) newest = Math.max(newest, newestIn(full));
    } else if (!isTest(entry.name)) {
      newest = Math.max(newest, statSync(full).mtimeMs);
    }
  }
  return newest;
}

/** Newest modification time of anything that goes into the production build. */
export function newestSourceMtime(root: string): number {
  let newest = 0;
  for (const d of SOURCE_DIRS) if (existsSync(path.join(root, d))) newest = Math.max(newest, newestIn(path.join(root, d)));
  for (const f of SOURCE_FILES) if (existsSync(path.join(root, f))) newest = Math.max(newest, statSync(path.join(root, f)).mtimeMs);
  return newest;
}

/** Why a build is needed, or null when the build in distDir is newer than every source. */
export function buildNeeded(root: string, distDir = process.env.NEXT_DIST_DIR || ".next"): string | null {
  const buildId = path.join(root, distDir, "BUILD_ID");
  if (!existsSync(buildId)) return "there is no production build yet";
  return newestSourceMtime(root) > statSync(buildId).mtimeMs ? "sources changed since the last build" : null;
}
