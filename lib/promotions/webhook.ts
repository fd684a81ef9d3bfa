import "server-only";
import { timingSafeEqual, createHash } from "node:crypto";
import { z } from "zod";
import { db } from "@/lib/db";
import { AppError, unauthenticated } from "@/lib/errors";
import { recordAudit } from "@/lib/audit/record";
import { systemContext } from "@/lib/http/context";
import { validationError } from "@/lib/http/problem";
import { addTimeline } from "@/lib/promotions/timeline";

// lakeFS calls this before a merge (actions with a webhook hook on pre-merge). A 2xx lets
// the merge happen; anything else makes lakeFS refuse it, so a merge into a protected
// environment branch that no approved, executing promotion covers is refused at the data layer.

export const preMergePayloadSchema = z
  .object({
    event_type: z.string().min(1),
    repository_id: z.string().min(1),
    branch_id: z.string().min(1, "the destination branch"),
    source_ref: z.string().min(1),
    commit_id: z.string().optional(),
    action_name: z.string().optional(),
    hook_id: z.string().optional(),
    event_time: z.string().optional(),
  })
  .passthrough();
export type PreMergePayload = z.infer<typeof preMergePayloadSchema>;

export const preMergeAnswerSchema = z.object({ allowed: z.literal(true), reason: z.string(), promotion: z.number().nullable() });

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

/** Decides a pre-merge call; every call, accepted or not, is audited. Throws the 4xx for a refusal. */
export async function handlePreMerge(secret: string | null, configured: string | undefined, raw: unknown, requestId?: string) {
  const ctx = systemContext("lakefs-webhook", requestId);
  const audit = (action: string, after: Record<string, unknown>, entityId = "unknown") =>
    db().$transaction((tx) => recordAudit(tx, ctx, { action, entityType: "lakefs_branch", entityId, after }));
  if (!configured) {
    await audit("lakefs_hook.refused", { reason: "no webhook secret configured" });
    throw new AppError("unavailable", "The portal has no LAKEFS_WEBHOOK_SECRET configured, so it cannot authenticate lakeFS; merges stay refused until it is set.");
  }
  if (!secretMatches(secret, configured)) {
    await audit("lakefs_hook.unauthenticated", { reason: secret ? "wrong secret" : "no secret presented" });
    throw unauthenticated("Send the shared webhook secret in the X-Lakefs-Webhook-Secret header (or as a Bearer token).");
  }
  const parsed = preMergePayloadSchema.safeParse(raw);
  if (!parsed.success) {
    await audit("lakefs_hook.refused", { reason: "invalid payload" });
    throw validationError(parsed.error, "The lakeFS hook payload");
  }
  const h = parsed.data;
  const target = `${h.repository_id}/${h.branch_id}`;
  const facts = { event: h.event_type, repository: h.repository_id, branch: h.branch_id, sourceRef: h.source_ref, commitId: h.commit_id ?? null, action: h.action_name ?? null };
  if (!/^pre[-_]merge$/.test(h.event_type)) {
    await audit("lakefs_hook.refused", { ...facts, reason: "not a pre-merge event" }, target);
    throw new AppError("validation", `This endpoint answers pre-merge hooks only; got event "${h.event_type}".`, { errors: [{ path: "event_type", message: "Expected pre-merge" }] });
  }
  const env = await db().environment.findFirst({ where: { lakefsRepository: h.repository_id, lakefsBranch: h.branch_id } });
  if (!env?.protected) {
    await audit("lakefs_hook.allowed", { ...facts, reason: "branch is not a protected environment branch" }, target);
    return { allowed: true as const, reason: `${target} is not a protected environment branch; the portal does not govern it.`, promotion: null };
  }
  const p = await db().promotion.findFirst({ where: { environmentId: env.id, state: "executing", sourceRef: h.source_ref }, orderBy: { executionStartedAt: "desc" } });
  if (!p) {
    await audit("lakefs_hook.refused", { ...facts, reason: "no executing promotion covers this merge" }, target);
    throw new AppError("forbidden", `No approved promotion is executing a merge of "${h.source_ref}" into ${env.key} (${target}); merge through a promotion in the portal.`);
  }
  await db().$transaction(async (tx) => {
    await addTimeline(tx, p.id, { kind: "note", message: `lakeFS pre-merge hook asked about ${h.source_ref} → ${target}: allowed.` });
    await recordAudit(tx, ctx, { action: "lakefs_hook.allowed", entityType: "lakefs_branch", entityId: target, after: { ...facts, promotionId: p.id, promotion: p.number } });
  });
  return { allowed: true as const, reason: `Covered by promotion #${p.number}, approved and executing.`, promotion: p.number };
}
