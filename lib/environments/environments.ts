import "server-only";
import { parseInput } from "@/lib/promotions/parse";
import { db, type Tx } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { recordAudit } from "@/lib/audit/record";
import type { RequestContext } from "@/lib/http/context";
import type { Actor } from "@/lib/policy/actor";
import { requirePermission } from "@/lib/policy/require";
import { gatesConfigSchema } from "@/lib/promotions/policy-schema";
import type { EnvironmentPolicy } from "@/lib/generated/prisma/client";
import { environmentInputSchema, type EnvironmentInput, type EnvironmentView, type PolicyView } from "@/lib/environments/schemas";
import { uniqueViolation } from "@/lib/environments/prisma-errors";

export function policyView(p: EnvironmentPolicy): PolicyView {
  return {
    id: p.id,
    version: p.version,
    requiredApprovals: p.requiredApprovals,
    approverRoles: p.approverRoles,
    approverTeamIds: p.approverTeamIds,
    highRiskRole: p.highRiskRole,
    allowedStrategies: p.allowedStrategies,
    gates: gatesConfigSchema.parse(p.gates),
    rollbackApprovals: p.rollbackApprovals,
    driftDays: p.driftDays,
    changeNote: p.changeNote,
    requesterMayNotApprove: p.requesterMayNotApprove,
    authorMayNotApprove: p.authorMayNotApprove,
    createdAt: p.createdAt.toISOString(),
  };
}

/** The policy version in force: the highest one. */
export async function currentPolicy(tx: Tx, environmentId: string): Promise<EnvironmentPolicy | null> {
  return tx.environmentPolicy.findFirst({ where: { environmentId }, orderBy: { version: "desc" } });
}

/** Every environment in promotion order, each with its current policy; two queries, no N+1. */
export async function listEnvironments(actor: Actor): Promise<EnvironmentView[]> {
  requirePermission(actor, "environment.read");
  const envs = await db().environment.findMany({ orderBy: [{ rank: "asc" }, { key: "asc" }], include: { integrations: { select: { system: true, baseUrl: true, lastTestOk: true } } } });
  const policies = await db().environmentPolicy.findMany({ where: { environmentId: { in: envs.map((e) => e.id) } }, orderBy: { version: "desc" }, distinct: ["environmentId"] });
  const byEnv = new Map(policies.map((p) => [p.environmentId, p]));
  return envs.map((e) => {
    const p = byEnv.get(e.id);
    return {
      id: e.id, key: e.key, name: e.name, rank: e.rank, lakefsRepository: e.lakefsRepository, lakefsBranch: e.lakefsBranch,
      mlflowAlias: e.mlflowAlias, airflowDagId: e.airflowDagId, protected: e.protected,
      policy: p ? policyView(p) : null,
      integrations: e.integrations,
    };
  });
}

export async function getEnvironmentByKey(tx: Tx, key: string) {
  const env = await tx.environment.findUnique({ where: { key } });
  if (!env) throw notFound(`Environment "${key}"`);
  return env;
}

export async function createEnvironment(ctx: RequestContext & { actor: Actor }, input: EnvironmentInput) {
  requirePermission(ctx.actor, "environment.manage");
  const data = parseInput(environmentInputSchema, input);
  try {
    return await db().$transaction(async (tx) => {
      const env = await tx.environment.create({ data });
      await recordAudit(tx, ctx, { action: "environment.created", entityType: "environment", entityId: env.id, after: data });
      return env;
    });
  } catch (e) {
    if (uniqueViolation(e)) throw new AppError("conflict", `An environment with key "${data.key}" already exists.`, { errors: [{ path: "key", message: "Already taken" }] });
    throw e;
  }
}

export async function updateEnvironment(ctx: RequestContext & { actor: Actor }, key: string, patch: Partial<Omit<EnvironmentInput, "key">>) {
  requirePermission(ctx.actor, "environment.manage");
  return db().$transaction(async (tx) => {
    const before = await getEnvironmentByKey(tx, key);
    const env = await tx.environment.update({ where: { id: before.id }, data: patch });
    await recordAudit(tx, ctx, { action: "environment.updated", entityType: "environment", entityId: env.id, before: pick(before, patch), after: pick(env, patch) });
    return env;
  });
}

function pick(row: Record<string, unknown>, keys: object): Record<string, unknown> {
  return Object.fromEntries(Object.keys(keys).map((k) => [k, row[k]]));
}
