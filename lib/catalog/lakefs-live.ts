import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/policy/actor";
import { notFound } from "@/lib/errors";
import { getAsset } from "@/lib/catalog/assets";
import { lakefsReaderFor } from "@/lib/catalog/lakefs-reader";
import { isIntegrationError } from "@/lib/integrations/core/integration-error";
import type { LakefsCommit, LakefsDiffEntry } from "@/lib/integrations/lakefs/client";

// A dataset version's lakeFS commit and its diff against the previous version's commit,
// read live from lakeFS (the catalog stores only the pin). Every way it can fail is a state
// the page names, never an exception: lakeFS being down must not take the catalog down.

const DIFF_ENTRIES = 50;

export interface CommitView { id: string; message: string; committer: string; createdAt: string | null; metadata: Record<string, string>; parents: string[] }
export interface PreviousVersion { versionId: string; version: string; commitId: string }
export type DiffView =
  | { state: "ok"; entries: LakefsDiffEntry[]; hasMore: boolean; prefix: string | null }
  | { state: "none"; reason: string }
  | { state: "error"; kind: string; message: string };
export type LakefsLiveView =
  | { state: "not_in_lakefs" }
  | { state: "not_pinned"; repository: string; ref: string | null }
  | { state: "not_configured"; repository: string }
  | { state: "error"; repository: string; commitId: string; endpoint: string; kind: string; message: string }
  | { state: "ok"; repository: string; endpoint: string; environment: string; commit: CommitView; previous: PreviousVersion | null; diff: DiffView };

function commitView(c: LakefsCommit): CommitView {
  // A malformed creation_date (Prism's examples send -2^53) gives an invalid Date: show "unknown", not a crash.
  const createdAt = Number.isNaN(c.createdAt.getTime()) || Math.abs(c.createdAt.getTime()) > 8.64e15 ? null : c.createdAt.toISOString();
  return { id: c.id, message: c.message, committer: c.committer, createdAt, metadata: c.metadata, parents: c.parents ?? [] };
}

const failure = (e: unknown) => (isIntegrationError(e) ? { kind: e.kind, message: e.message } : { kind: "unknown", message: e instanceof Error ? e.message : String(e) });

export async function lakefsLiveView(actor: Actor, assetId: string, versionId: string): Promise<LakefsLiveView> {
  await getAsset(actor, assetId); // the caller may read the asset, or it does not exist for them
  const v = await db().datasetVersion.findFirst({
    where: { id: versionId, assetId },
    select: { observedAt: true, lakefsRepository: true, lakefsRef: true, lakefsCommitId: true, lakefsPath: true },
  });
  if (!v) throw notFound("The version");
  if (!v.lakefsRepository) return { state: "not_in_lakefs" };
  const repository = v.lakefsRepository;
  if (!v.lakefsCommitId) return { state: "not_pinned", repository, ref: v.lakefsRef };
  const reader = await lakefsReaderFor(repository);
  if (!reader) return { state: "not_configured", repository };

  // The version observed before this one that is pinned to a commit of the same repository.
  const previous = await db().datasetVersion.findFirst({
    where: { assetId, observedAt: { lt: v.observedAt }, lakefsRepository: repository, lakefsCommitId: { not: null } },
    orderBy: [{ observedAt: "desc" }, { id: "desc" }],
    select: { id: true, version: true, lakefsCommitId: true },
  });
  const [commit, diff] = await Promise.allSettled([
    reader.client.getCommit(repository, v.lakefsCommitId),
    previous ? reader.client.diffRefs(repository, previous.lakefsCommitId!, v.lakefsCommitId, { amount: DIFF_ENTRIES, prefix: v.lakefsPath ?? undefined, type: "two_dot" }) : null,
  ]);
  if (commit.status === "rejected") return { state: "error", repository, commitId: v.lakefsCommitId, endpoint: reader.endpoint, ...failure(commit.reason) };
  const diffView: DiffView = !previous
    ? { state: "none", reason: "This is the first version of the dataset pinned to a lakeFS commit: there is nothing to compare with." }
    : diff.status === "rejected" ? { state: "error", ...failure(diff.reason) }
    : { state: "ok", entries: diff.value!.results, hasMore: diff.value!.hasMore, prefix: v.lakefsPath };
  return {
    state: "ok", repository, endpoint: reader.endpoint, environment: reader.environment, commit: commitView(commit.value),
    previous: previous ? { versionId: previous.id, version: previous.version, commitId: previous.lakefsCommitId! } : null, diff: diffView,
  };
}
