import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

// The routes that exist on disk, read from app/api/**/route.ts, so a route added
// without being registered in lib/api/endpoints.ts (and thus without a policy) is seen.

const ROOT = path.resolve(import.meta.dirname, "../..");
const API_DIR = path.join(ROOT, "app", "api");
// Framework routes with their own contracts: next-auth's handler and the API's 404 catch-all.
const FRAMEWORK = new Set(["/api/auth/{...nextauth}", "/api/{...slug}"]);
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;

function* routeFiles(dir: string): Generator<string> {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) yield* routeFiles(p);
    else if (e.name === "route.ts") yield p;
  }
}

export interface RouteOnDisk {
  method: string;
  path: string;
  file: string;
}

export function routesOnDisk(): RouteOnDisk[] {
  const out: RouteOnDisk[] = [];
  for (const file of routeFiles(API_DIR)) {
    const rel = path.relative(path.join(ROOT, "app"), path.dirname(file));
    const urlPath = "/" + rel.split(path.sep).map((seg) => seg.replace(/^\[(.+)\]$/, "{$1}")).join("/");
    if (FRAMEWORK.has(urlPath)) continue;
    const src = readFileSync(file, "utf8");
    for (const m of METHODS) {
      if (new RegExp(`export\\s+(const|async function|function)\\s+${m}\\b|as\\s+${m}\\b`).test(src)) out.push({ method: m, path: urlPath, file: path.relative(ROOT, file) });
    }
  }
  return out;
}
