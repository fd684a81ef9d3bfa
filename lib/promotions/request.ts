import "server-only";
import { parseInput } from "@/lib/promotions/parse";
import { db, type Tx } from "@/lib/db";
import { AppError, conflict, notFound } from "@/lib/errors";
import { recordAudit } from "@/lib/audit/record";
import type { RequestContext } from "@/lib/http/context";
import type { Actor } from "@/lib/policy/actor";
import { inScope, requirePermission } from "@/lib/policy/require";
import { scopeFor } from "@/lib/policy/permissions";
import { currentPolicy } from "@/lib/environments/environments";
import { loadModelVersion } from "@/lib/promotions/evidence";
import { blocking } from "@/lib/promotions/gates";
import { runGates } from "@/lib/promotions/run-gates";
import { requestPromotionSchema, type RequestPromotionInput } from "@/lib/promotions/schemas";
import { transition } from "@/lib/promotions/state-machine";
import { addTimeline } from "@/lib/promotions/timeline";
import { lockPromotion } from "@/lib/promotions/lock";
import { loadUseCaseFacts, useCaseOfAsset } from "@/lib/promotions/use-case-facts";
import { approveIfNoneRequired } from "@/lib/promotions/auto-approve";

type Ctx = RequestContext & { actor: Actor };
const field = (path: string, message: string, detail = message) => new AppError("validation", detail, { errors: [{ path, message }] });
const OPEN_STATES = ["draft", "pending_approval", "approved", "executing", "compensating"] as const;

/**
 * Creates a promotion request, runs the gates at once and, unless asked to keep a draft,
 * submits it. A request whose gates block stays a draft, with the failures on it.
 */
export async function requestPromotion(ctx: Ctx, raw: RequestPromotionInput) {
  const input = parseInput(requestPromotionSchema, raw);
  requirePermission(ctx.actor, "promotion.request");
  const id = await db().$transaction(async (tx) => {
    const mv = await loadModelVersion(tx, input.modelVersionId).catch(() => {
      throw notFound(`Model version ${input.modelVersionId}`);
    });
    // A model version the caller may not see in the catalog answers exactly like a missing one;
    // one they may see but not promote (another team's, for a product owner) is a 403.
    const readScope = scopeFor(ctx.actor.roles, "catalog.read");
    if (!readScope || !inScope(ctx.actor, readScope, { teamId: mv.asset.ownerTeamId })) throw notFound(`Model version ${input.modelVersionId}`);
    requirePermission(ctx.actor, "promotion.request", { teamId: mv.asset.ownerTeamId });
    const env = await tx.environment.findUnique({ where: { key: input.environment } });
    if (!env) throw field("environment", "Unknown environment", `There is no environment "${input.environment}".`);
    const policy = await currentPolicy(tx, env.id);
    if (!policy) throw conflict(`Environment "${env.key}" has no promotion policy yet; an admin must publish one first.`);
    if (!policy.allowedStrategies.includes(input.strategy)) {
      throw field("strategy", `Not allowed in ${env.key}`, `The ${env.key} policy (v${policy.version}) does not allow the ${input.strategy.replace("_", "-")} strategy; it allows ${policy.allowedStrategies.join(", ")}.`);
    }
    if (input.strategy === "canary" && !input.strategyConfig.trafficSteps?.length) throw field("strategyConfig.trafficSteps", "Give the canary traffic steps, e.g. 10, 50, 100");
    const open = await tx.promotion.findFirst({ where: { modelVersionId: mv.id, environmentId: env.id, state: { in: [...OPEN_STATES] } }, select: { number: true, state: true } });
    if (open) throw conflict(`Promotion #${open.number} of this version to ${env.key} is already ${open.state.replace(/_/g, " ")}.`);
    if (input.useCaseId) {
      // The use case decides the risk-tier and use-case gates: it must be one of the model's own team.
      const uc = await loadUseCaseFacts(tx, input.useCaseId);
      if (!uc || uc.teamId !== mv.asset.ownerTeamId) throw field("useCaseId", "No use case of the model's team has this id", `Use case ${input.useCaseId} does not exist or belongs to another team than the model; link one of the model's own team.`);
    }
    const sourceRef = input.sourceRef ?? (await defaultSourceRef(tx, env.rank, mv.inputs.map((i) => i.datasetVersion.lakefsRef)));
    const p = await tx.promotion.create({
      data: {
        modelVersionId: mv.id, teamId: mv.asset.ownerTeamId, useCaseId: input.useCaseId ?? (await useCaseOfAsset(tx, mv.asset.id)),
        environmentId: env.id, policyId: policy.id, strategy: input.strategy, strategyConfig: input.strategyConfig, justification: input.justification,
        sourceRef, requestedById: ctx.actor.userId,
      },
    });
    await addTimeline(tx, p.id, { kind: "state", message: `${ctx.actor.name} requested ${mv.asset.name} v${mv.version} → ${env.key} (${input.strategy.replace("_", "-")}), judged by policy v${policy.version}.` });
    const results = await runGates(tx, p, env.key, policy, "request");
    let state = p.state;
    if (input.submit && blocking(results).length === 0) {
      state = transition(state, "submit");
      await tx.promotion.update({ where: { id: p.id }, data: { state, submittedAt: new Date() } });
      await addTimeline(tx, p.id, { kind: "state", message: "Submitted for approval." });
      if (await approveIfNoneRequired(tx, p, policy)) state = "approved";
    }
    await recordAudit(tx, ctx, { action: "promotion.requested", entityType: "promotion", entityId: p.id, after: { number: p.number, modelVersionId: mv.id, environment: env.key, strategy: input.strategy, policyVersion: policy.version, state, gates: Object.fromEntries(results.map((r) => [r.gate, r.verdict])) } });
    return p.id;
  });
  return id;
}

/** dev takes the data as trained; higher environments take the branch of the one below. */
async function defaultSourceRef(tx: Tx, rank: number, inputRefs: (string | null)[]): Promise<string> {
  const below = await tx.environment.findFirst({ where: { rank: { lt: rank } }, orderBy: { rank: "desc" }, select: { lakefsBranch: true } });
  return below?.lakefsBranch ?? inputRefs.find((r): r is string => !!r) ?? "main";
}

/** Submits a draft (again, after changes were requested): gates run afresh and must not block. */
export async function submitPromotion(ctx: Ctx, id: string) {
  requirePermission(ctx.actor, "promotion.request");
  const outcome = await db().$transaction(async (tx) => {
    const p = await lockPromotion(tx, ctx.actor, id);
    if (p.requestedById !== ctx.actor.userId && !ctx.actor.roles.includes("admin")) throw new AppError("forbidden", "Only the requester may submit this promotion.");
    const next = transition(p.state, "submit");
    const results = await runGates(tx, p, p.environment.key, p.policy, "request");
    const fails = blocking(results);
    if (fails.length) return { fails };
    const round = p.submittedAt ? p.round + 1 : p.round;
    await tx.promotion.update({ where: { id }, data: { state: next, round, submittedAt: new Date() } });
    await addTimeline(tx, id, { kind: "state", message: round > 1 ? `Resubmitted for approval (round ${round}).` : "Submitted for approval." });
    await approveIfNoneRequired(tx, p, p.policy);
    await recordAudit(tx, ctx, { action: "promotion.submitted", entityType: "promotion", entityId: id, before: { state: p.state }, after: { state: next, round } });
    return { fails };
  });
  // Gate results are kept (the requester sees why), but the state does not move.
  if (outcome.fails.length) throw conflict(`Blocking gates: ${outcome.fails.map((f) => f.reason).join(" ")}`, { gates: outcome.fails });
}

export async function cancelPromotion(ctx: Ctx, id: string) {
  await db().$transaction(async (tx) => {
    const p = await lockPromotion(tx, ctx.actor, id);
    requirePermission(ctx.actor, "promotion.cancel", { teamId: p.teamId, ownerId: p.requestedById });
    const next = transition(p.state, "cancel");
    await tx.promotion.update({ where: { id }, data: { state: next, finishedAt: new Date() } });
    await addTimeline(tx, id, { kind: "state", message: `Cancelled by ${ctx.actor.name}.` });
    await recordAudit(tx, ctx, { action: "promotion.cancelled", entityType: "promotion", entityId: id, before: { state: p.state }, after: { state: next } });
  });
}
