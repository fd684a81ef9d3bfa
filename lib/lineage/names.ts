import { looksLikeCommit } from "@/lib/catalog/version-views";

export interface LakefsLocation { repository: string; ref: string; path: string; commitId: string | null }

/**
 * lakeFS dataset names (`lakefs://repo/ref/path`, split anywhere between namespace and
 * name) name one dataset per repository and path; the ref becomes its version. So the
 * asset is (lakefs://repo, path) and the location keeps the ref.
 */
export function parseLakefs(namespace: string, name: string): { namespace: string; name: string; lakefs: LakefsLocation } | null {
  if (!/^lakefs:\/\//i.test(namespace)) return null;
  const full = `${namespace.replace(/\/+$/, "")}/${name.replace(/^\/+/, "")}`.slice("lakefs://".length);
  const [repository, ref, ...rest] = full.split("/").filter(Boolean);
  if (!repository || !ref || rest.length === 0) return null;
  const path = rest.join("/");
  return { namespace: `lakefs://${repository}`, name: path, lakefs: { repository, ref, path, commitId: looksLikeCommit(ref) ? ref : null } };
}

/** The asset key of an OpenLineage dataset reference, lakeFS refs folded out. */
export function datasetKey(namespace: string, name: string): { namespace: string; name: string } {
  const l = parseLakefs(namespace, name);
  return l ? { namespace: l.namespace, name: l.name } : { namespace, name };
}

/**
 * eventTime normalised to UTC with microseconds, so "…08.9791Z" and "…08.979100+00:00"
 * are the same instant in the idempotency key (Date keeps only milliseconds).
 */
export function normalizeEventTime(s: string): string {
  const ms = Date.parse(s);
  if (Number.isNaN(ms)) throw new Error(`not a date-time: ${s}`);
  const frac = /T\d{2}:\d{2}:\d{2}\.(\d+)/.exec(s)?.[1] ?? "";
  const iso = new Date(ms).toISOString();
  return `${iso.slice(0, 19)}.${(frac + "000000").slice(0, 6)}Z`;
}
