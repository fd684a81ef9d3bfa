import "server-only";
import { parseInput } from "@/lib/promotions/parse";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { recordAudit } from "@/lib/audit/record";
import type { RequestContext } from "@/lib/http/context";
import type { Actor } from "@/lib/policy/actor";
import { requirePermission } from "@/lib/policy/require";
import { policyInputSchema, type PolicyInputDraft } from "@/lib/promotions/policy-schema";
import { currentPolicy, getEnvironmentByKey, policyView } from "@/lib/environments/environments";
import type { PolicyHistoryItem, PolicyView } from "@/lib/environments/schemas";

// Policies are versioned like the rubric: a change never edits a version that a
// promotion may have been judged by, it publishes the next one.

/** Every version, newest first, with its publisher and the number of promotions it judged (three queries). */
export async function listPolicyVersions(actor: Actor, envKey: string): Promise<PolicyHistoryItem[]> {
  requirePermission(actor, "environment.read");
  const env = await getEnvironmentByKey(db(), envKey);
  const rows = await db().environmentPolicy.findMany({ where: { environmentId: env.id }, orderBy: { version: "desc" } });
  const counts = await db().promotion.groupBy({ by: ["policyId"], where: { policyId: { in: rows.map((r) => r.id) } }, _count: { _all: true } });
  const byPolicy = new Map(counts.map((c) => [c.policyId, c._count._all]));
  const ids = [...new Set(rows.map((r) => r.createdById).filter((id): id is string => !!id))];
  const names = new Map((await db().user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } })).map((u) => [u.id, u.name]));
  return rows.map((r) => ({ ...policyView(r), publishedBy: r.createdById ? (names.get(r.createdById) ?? null) : null, promotions: byPolicy.get(r.id) ?? 0 }));
}

export async function publishPolicy(ctx: RequestContext & { actor: Actor }, envKey: string, input: PolicyInputDraft): Promise<PolicyView> {
  requirePermission(ctx.actor, "environment.manage");
  const data = parseInput(policyInputSchema, input);
  if (data.approverTeamIds.length) {
    const found = await db().team.count({ where: { id: { in: data.approverTeamIds } } });
    if (found !== data.approverTeamIds.length) throw new AppError("validation", "One of the approving teams does not exist.", { errors: [{ path: "approverTeamIds", message: "Unknown team" }] });
  }
  return db().$transaction(async (tx) => {
    const env = await getEnvironmentByKey(tx, envKey);
    // Serialise publishers of the same environment so versions never collide.
    await tx.$queryRaw`SELECT id FROM environments WHERE id = ${env.id}::uuid FOR UPDATE`;
    const prev = await currentPolicy(tx, env.id);
    const row = await tx.environmentPolicy.create({
      data: { ...data, gates: data.gates, environmentId: env.id, version: (prev?.version ?? 0) + 1, createdById: ctx.actor.userId },
    });
    await recordAudit(tx, ctx, {
      action: "policy.published",
      entityType: "environment",
      entityId: env.id,
      before: prev ? { version: prev.version, ...policyBody(policyView(prev)) } : null,
      after: { version: row.version, ...policyBody(policyView(row)) },
    });
    return policyView(row);
  });
}

function policyBody(p: PolicyView): Record<string, unknown> {
  const { id: _id, createdAt: _c, version: _v, ...rest } = p;
  return rest;
}
