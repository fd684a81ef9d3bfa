import "server-only";
import { timingSafeEqual, createHash } from "node:crypto";
import { z } from "zod";
import { db } from "@/lib/db";
import { AppError, isAppError } from "@/lib/errors";
import { env } from "@/lib/env";
import { recordAudit } from "@/lib/audit/record";
import { systemContext } from "@/lib/http/context";
import { addTimeline } from "@/lib/promotions/timeline";
import { commitMarker, MARKER_KEY } from "@/lib/promotions/execution/plan";

// lakeFS calls this before a merge or a revert on a protected branch (an action with a webhook
// hook on pre-merge and pre-revert). A 2xx lets the operation happen; anything else makes lakeFS
// refuse it, so the only changes to a protected environment branch are the portal's own: the
// merge of an approved promotion being executed, and the revert of an approved rollback (or of a
// failed execution's compensation). Every call, accepted or refused, is audited.
//
// Action file in the lakeFS repository (_lakefs_actions/portal-guard.yaml):
//   name: portal-guard
//   on: { pre-merge: { branches: [production] }, pre-revert: { branches: [production] } }
//   hooks: [{ id: portal, type: webhook, properties: { url: "https://portal/api/v1/hooks/lakefs/pre-merge",
//             headers: { X-Lakefs-Webhook-Secret: "{{ ENV.PORTAL_WEBHOOK_SECRET }}" } } }]

export const preMergePayloadSchema = z
  .object({
    event_type: z.string().min(1).describe("pre-merge or pre-revert (lakeFS also writes pre_merge)"),
    repository_id: z.string().min(1),
    branch_id: z.string().min(1, "the destination branch"),
    source_ref: z.string().min(1).optional().describe("The merged ref; required for pre-merge"),
    commit_id: z.string().optional(),
    commit_message: z.string().optional(),
    commit_metadata: z.record(z.string(), z.string()).optional().describe("Metadata of the commit being made: the portal's own carry its promotion marker"),
    committer: z.string().optional(),
    action_name: z.string().optional(),
    hook_id: z.string().optional(),
    event_time: z.string().optional(),
  })
  .passthrough();
export type PreMergePayload = z.infer<typeof preMergePayloadSchema>;

export const preMergeAnswerSchema = z.object({ allowed: z.literal(true), reason: z.string(), promotion: z.number().nullable() });
export type PreMergeAnswer = z.infer<typeof preMergeAnswerSchema>;

const ctx = (requestId?: string) => systemContext("lakefs-webhook", requestId);
const digest = (s: string) => createHash("sha256").update(s).digest();

/** Constant-time comparison of the presented secret with the configured one. */
export function secretMatches(presented: string | null, configured: string | undefined): boolean {
  if (!presented || !configured) return false;
  return timingSafeEqual(digest(presented), digest(configured));
}

export function presentedSecret(headers: Headers): string | null {
  const bearer = headers.get("authorization")?.match(/^Bearer\s+(.+)$/i)?.[1];
  return headers.get("x-lakefs-webhook-secret") ?? bearer ?? null;
}

/** handle()'s authenticate step: the shared secret, checked before the body is read. */
export function authenticateLakefs(req: Request): void {
  const configured = env().LAKEFS_WEBHOOK_SECRET;
  if (!configured) throw new AppError("unavailable", "The portal has no LAKEFS_WEBHOOK_SECRET configured, so it cannot authenticate lakeFS; merges stay refused until it is set.");
  const secret = presentedSecret(req.headers);
  if (!secretMatches(secret, configured)) {
    throw new AppError("unauthenticated", "Send the shared webhook secret in the X-Lakefs-Webhook-Secret header (or as a Bearer token).", { extra: { reason: secret ? "wrong secret" : "no secret presented" } });
  }
}

/** handle()'s onRefusal step: a call refused before its decision (secret, body, schema) is audited too. */
export async function auditLakefsRefusal(error: unknown, info: { requestId: string }): Promise<void> {
  const e = isAppError(error) ? error : null;
  const action = e?.code === "unauthenticated" ? "lakefs_hook.unauthenticated" : "lakefs_hook.refused";
  const reason = e?.code === "unauthenticated" ? String(e.extra?.reason ?? "unauthenticated") : e?.code === "unavailable" ? "no webhook secret configured" : `invalid request: ${e?.message ?? "unreadable"}`;
  await db().$transaction((tx) => recordAudit(tx, ctx(info.requestId), { action, entityType: "lakefs_branch", entityId: "unknown", after: { reason, code: e?.code ?? "bad_request" } }));
}

type Kind = "merge" | "revert";
const kindOf = (event: string): Kind | null => (/^pre[-_]merge$/.test(event) ? "merge" : /^pre[-_]revert$/.test(event) ? "revert" : null);

/** Which promotion state may make which change on its environment's branch, and the marker its commit carries. */
const COVERED: Record<Kind, { state: "executing" | "rolling_back" | "compensating"; op: "execute" | "rollback" | "compensate"; what: string }[]> = {
  merge: [{ state: "executing", op: "execute", what: "approved and executing" }],
  revert: [
    { state: "rolling_back", op: "rollback", what: "being rolled back after an approved rollback" },
    { state: "compensating", op: "compensate", what: "undoing a failed execution" },
  ],
};

/** Decides an authenticated, well-formed call; audits it either way and throws the refusal. */
export async function decidePreMerge(h: PreMergePayload, requestId?: string): Promise<PreMergeAnswer> {
  const target = `${h.repository_id}/${h.branch_id}`;
  const marker = h.commit_metadata?.[MARKER_KEY] ?? null;
  const facts = { event: h.event_type, repository: h.repository_id, branch: h.branch_id, sourceRef: h.source_ref ?? null, commitId: h.commit_id ?? null, marker, action: h.action_name ?? null };
  const refuse = async (error: AppError, reason: string): Promise<never> => {
    await db().$transaction((tx) => recordAudit(tx, ctx(requestId), { action: "lakefs_hook.refused", entityType: "lakefs_branch", entityId: target, after: { ...facts, reason } }));
    throw error;
  };
  const kind = kindOf(h.event_type);
  if (!kind) {
    return refuse(new AppError("validation", `This endpoint answers pre-merge and pre-revert hooks only; got event "${h.event_type}".`, { errors: [{ path: "event_type", message: "Expected pre-merge or pre-revert" }] }), "not a pre-merge or pre-revert event");
  }
  if (kind === "merge" && !h.source_ref) {
    return refuse(new AppError("validation", "A pre-merge hook names the merged ref in source_ref.", { errors: [{ path: "source_ref", message: "Required for pre-merge" }] }), "pre-merge without source_ref");
  }
  const environment = await db().environment.findFirst({ where: { lakefsRepository: h.repository_id, lakefsBranch: h.branch_id } });
  if (!environment?.protected) {
    await db().$transaction((tx) => recordAudit(tx, ctx(requestId), { action: "lakefs_hook.allowed", entityType: "lakefs_branch", entityId: target, after: { ...facts, reason: "branch is not a protected environment branch" } }));
    return { allowed: true, reason: `${target} is not a protected environment branch; the portal does not govern it.`, promotion: null };
  }
  const rules = COVERED[kind];
  const candidates = await db().promotion.findMany({
    where: { environmentId: environment.id, state: { in: rules.map((r) => r.state) }, ...(kind === "merge" ? { sourceRef: h.source_ref } : {}) },
    orderBy: { executionStartedAt: "desc" },
    select: { id: true, number: true, state: true },
  });
  // The portal's own commits carry their promotion's marker: when lakeFS passes the commit's
  // metadata, the change must be exactly that promotion's (not someone else's merge meanwhile).
  const match = candidates
    .map((p) => ({ p, rule: rules.find((r) => r.state === p.state)! }))
    .find(({ p, rule }) => !marker || marker === commitMarker(p.id, rule.op));
  const verb = kind === "merge" ? `merge of "${h.source_ref}"` : "revert";
  if (!match) {
    const why = candidates.length && marker
      ? `the commit's marker "${marker}" is not that of promotion #${candidates[0]!.number}, which is the one ${rules.find((r) => r.state === candidates[0]!.state)!.what} there`
      : kind === "merge" ? `no approved promotion is executing a merge of "${h.source_ref}" into ${environment.key}` : `no promotion of ${environment.key} is being rolled back or undone`;
    return refuse(new AppError("forbidden", `Refused: ${why} (${target}). Change protected environment branches through a promotion in the portal.`), why);
  }
  const { p, rule } = match;
  await db().$transaction(async (tx) => {
    await addTimeline(tx, p.id, { kind: "note", message: `lakeFS ${kind === "merge" ? "pre-merge" : "pre-revert"} hook asked about the ${verb} on ${target}: allowed.` });
    await recordAudit(tx, ctx(requestId), { action: "lakefs_hook.allowed", entityType: "lakefs_branch", entityId: target, after: { ...facts, promotionId: p.id, promotion: p.number, state: p.state } });
  });
  return { allowed: true, reason: `Covered by promotion #${p.number}, ${rule.what}.`, promotion: p.number };
}
