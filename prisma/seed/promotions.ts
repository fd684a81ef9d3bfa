import type { PrismaClient } from "@/lib/generated/prisma/client";
import { gatesConfigSchema } from "@/lib/promotions/policy-schema";
import type { Tx } from "@/lib/db";
import { gatesAt, seedInFlightPromotions } from "./promotions-in-flight";

// Environments with their first policy versions, and promotions in every state a person
// sees (draft, pending approval, succeeded, failed, rollback pending, rolled back, rejected,
// cancelled; approved and executing in promotions-in-flight.ts), with gates, approvals, steps
// and timelines, linked to the catalog's demo deployments.
// Idempotent: environments are upserted; promotions are added only when none exist yet.

const ENVS = [
  { key: "dev", name: "Development", rank: 10, lakefsBranch: "dev", mlflowAlias: "dev", protected: false },
  { key: "staging", name: "Staging", rank: 20, lakefsBranch: "staging", mlflowAlias: "challenger", protected: true },
  { key: "prod", name: "Production", rank: 30, lakefsBranch: "production", mlflowAlias: "champion", protected: true },
];
const gates = (level: "warn" | "fail") =>
  gatesConfigSchema.parse({ metrics: [{ metric: "auc", op: ">=", threshold: 0.8 }, { metric: "mape", op: "<=", threshold: 0.2 }], metricsLevel: level, maxRegression: level === "fail" ? 0.02 : null, reproducibility: level, lineage: "warn", dataQuality: "warn", riskTier: level, useCaseApproved: level });
const POLICIES = {
  dev: { requiredApprovals: 0, approverRoles: ["approver", "reviewer"], allowedStrategies: ["direct"], gates: gates("warn"), rollbackApprovals: 0, highRiskRole: null },
  staging: { requiredApprovals: 1, approverRoles: ["approver", "reviewer"], allowedStrategies: ["direct", "shadow"], gates: gates("warn"), rollbackApprovals: 0, highRiskRole: null },
  prod: { requiredApprovals: 2, approverRoles: ["approver"], allowedStrategies: ["direct", "canary", "blue_green"], gates: gates("fail"), rollbackApprovals: 1, highRiskRole: "admin" },
} as const;

const at = (s: string, minutes = 0) => new Date(new Date(s).getTime() + minutes * 60_000);
const STEPS = ["lakefs_merge", "mlflow_alias", "airflow_trigger", "airflow_poll"] as const;

export async function seedPromotions(db: PrismaClient): Promise<void> {
  const envs = new Map<string, { id: string; policyId: string }>();
  for (const e of ENVS) {
    const env = await db.environment.upsert({ where: { key: e.key }, create: { ...e, lakefsRepository: "demo-data", airflowDagId: "deploy_model" }, update: {} });
    let policy = await db.environmentPolicy.findFirst({ where: { environmentId: env.id }, orderBy: { version: "desc" } });
    const p = POLICIES[e.key as keyof typeof POLICIES];
    policy ??= await db.environmentPolicy.create({ data: { environmentId: env.id, version: 1, ...p, approverRoles: [...p.approverRoles], allowedStrategies: [...p.allowedStrategies], approverTeamIds: [], changeNote: "Initial policy" } });
    envs.set(e.key, { id: env.id, policyId: policy.id });
  }
  if (await db.promotion.count()) return;
  const users = new Map((await db.user.findMany({ where: { email: { endsWith: "@demo.local" } }, select: { id: true, email: true } })).map((u) => [u.email.split("@")[0]!, u.id]));
  const versions = await db.modelVersion.findMany({ include: { asset: { select: { name: true, ownerTeamId: true } } } });
  const mv = (name: string, v: string) => versions.find((x) => x.asset.name === name && x.version === v);
  if (!users.get("priya.owner") || !mv("demand-forecast", "1")) return; // catalog demo data absent: nothing to link to

  // The use case each model serves (the request form links it the same way), for the gates.
  const links = await db.assetUseCase.findMany({ where: { assetId: { in: versions.map((v) => v.assetId) }, asset: { kind: "model" } }, select: { assetId: true, useCaseId: true } });
  const useCaseOf = new Map(links.map((l) => [l.assetId, l.useCaseId]));

  interface Spec { model: string; version: string; env: string; state: "succeeded" | "failed" | "rollback_pending" | "rolled_back" | "pending_approval" | "draft" | "rejected" | "cancelled"; by: string; requestedAt: Date; doneAt?: Date; approvers?: string[]; decision?: { by: string; decision: "reject" | "request_changes"; comment: string }; note?: string; deploymentId?: string; previous?: { deploymentId: string; modelVersionId: string; version: string; mlflowVersion: string | null } }
  const specs: Spec[] = [];
  const deployments = await db.deployment.findMany({ where: { promotionId: null }, include: { modelVersion: { include: { asset: { select: { name: true } } } } }, orderBy: { deployedAt: "asc" } });
  for (const d of deployments) {
    const owner = d.modelVersion.asset.name === "credit-risk-pd" ? "omar.owner" : "priya.owner";
    const approvers = d.environment === "prod" ? ["ana.approver", "alex.approver"] : d.environment === "staging" ? ["rita.reviewer"] : [];
    // What runs in prod for demand-forecast has a rollback waiting for a second approver (the inbox shows it).
    const rollbackAsked = d.status === "active" && d.environment === "prod" && d.modelVersion.asset.name === "demand-forecast";
    // What ran there before, as the worker records it when execution starts: what a rollback brings back.
    const before = deployments.filter((x) => x.environment === d.environment && x.modelVersion.assetId === d.modelVersion.assetId && x.deployedAt < d.deployedAt).at(-1);
    const previous = before ? { deploymentId: before.id, modelVersionId: before.modelVersionId, version: before.modelVersion.version, mlflowVersion: before.modelVersion.mlflowVersion } : undefined;
    specs.push({ model: d.modelVersion.asset.name, version: d.modelVersion.version, env: d.environment, state: rollbackAsked ? "rollback_pending" : "succeeded", by: owner, requestedAt: at(d.deployedAt.toISOString(), -26 * 60), doneAt: d.deployedAt, approvers, deploymentId: d.id, previous });
  }
  specs.push(
    { model: "demand-forecast", version: "3", env: "prod", state: "failed", by: "priya.owner", requestedAt: at("2026-10-07T09:00:00Z"), doneAt: at("2026-10-08T10:20:00Z"), approvers: ["ana.approver", "alex.approver"], note: "Airflow DAG deploy_model run failed." },
    { model: "demand-forecast", version: "3", env: "prod", state: "pending_approval", by: "priya.owner", requestedAt: at("2026-11-20T09:00:00Z"), approvers: ["ana.approver"] },
    { model: "credit-risk-pd", version: "2", env: "prod", state: "rolled_back", by: "omar.owner", requestedAt: at("2026-10-25T09:00:00Z"), doneAt: at("2026-10-26T10:00:00Z"), approvers: ["ana.approver", "alex.approver", "adam.admin"] },
    { model: "credit-risk-pd", version: "2", env: "prod", state: "draft", by: "omar.owner", requestedAt: at("2026-11-18T09:00:00Z"), decision: { by: "alex.approver", decision: "request_changes", comment: "Attach the drift analysis of the October rollback." } },
    { model: "demand-forecast", version: "1", env: "staging", state: "rejected", by: "priya.owner", requestedAt: at("2026-10-10T09:00:00Z"), decision: { by: "rita.reviewer", decision: "reject", comment: "v1 is superseded by v2 and v3." } },
    { model: "credit-risk-pd", version: "1", env: "dev", state: "cancelled", by: "omar.owner", requestedAt: at("2026-10-12T09:00:00Z") },
  );

  const promotionOfDeployment = new Map<string, string>();
  for (const s of specs) {
    const v = mv(s.model, s.version);
    const env = envs.get(s.env);
    if (!v || !env) continue;
    await db.$transaction(async (tx) => {
      const executed = ["succeeded", "failed", "rollback_pending", "rolled_back"].includes(s.state);
      // Requests still open show the gates evaluated for real on the catalog's evidence; history keeps its recorded verdicts.
      const open = s.state === "pending_approval" || s.state === "draft";
      const p = await tx.promotion.create({
        data: {
          modelVersionId: v.id, teamId: v.asset.ownerTeamId, useCaseId: useCaseOf.get(v.assetId) ?? null, environmentId: env.id, policyId: env.policyId, strategy: s.env === "prod" ? "blue_green" : "direct", justification: `${s.model} v${s.version}: better accuracy on the last quarter's holdout.`,
          sourceRef: s.env === "prod" ? "staging" : s.env === "staging" ? "dev" : "main", state: s.state, requestedById: users.get(s.by)!, createdAt: s.requestedAt,
          submittedAt: s.state === "cancelled" ? null : at(s.requestedAt.toISOString(), 5), approvedAt: executed ? at(s.requestedAt.toISOString(), 120) : null,
          executionStartedAt: executed ? at(s.doneAt!.toISOString(), -10) : null, finishedAt: s.doneAt ?? (["rejected", "cancelled"].includes(s.state) ? at(s.requestedAt.toISOString(), 240) : null),
          rolledBackAt: s.state === "rolled_back" ? at(s.doneAt!.toISOString(), 23 * 60) : null,
          rollbackReason: s.state === "rolled_back" ? "Probability-of-default drift on new applications." : s.state === "rollback_pending" ? ROLLBACK_ASKED.reason : null,
          rollbackRequestedById: s.state === "rollback_pending" ? users.get(ROLLBACK_ASKED.by)! : null,
          failureStep: s.state === "failed" ? "execute.airflow_poll" : null, failureReason: s.note ?? null, usedFakes: executed ? true : null,
          previousDeployment: s.previous ? { ...s.previous, promotionId: promotionOfDeployment.get(s.previous.deploymentId) ?? null } : undefined,
          gateResults: open ? undefined : { create: [
            { phase: "request", gate: "metrics", verdict: "pass", reason: "All metric thresholds met.", evaluatedAt: at(s.requestedAt.toISOString(), 1) },
            { phase: "request", gate: "reproducibility", verdict: "pass", reason: "Code, environment and data commits are pinned.", evaluatedAt: at(s.requestedAt.toISOString(), 1) },
            { phase: "request", gate: "data_quality", verdict: "warn", reason: "No assertions reported for some inputs.", evaluatedAt: at(s.requestedAt.toISOString(), 1) },
          ] },
          approvals: { create: [
            ...(s.approvers ?? []).map((a, i) => ({ purpose: "promotion" as const, round: 1, reviewerId: users.get(a)!, decision: "approve" as const, comment: i === 0 ? "Metrics and lineage look good." : "", createdAt: at(s.requestedAt.toISOString(), 60 + i * 30) })),
            ...(s.decision ? [{ purpose: "promotion" as const, round: 1, reviewerId: users.get(s.decision.by)!, decision: s.decision.decision, comment: s.decision.comment, createdAt: at(s.requestedAt.toISOString(), 90) }] : []),
          ] },
          events: { create: [
            { kind: "state", message: `Requested ${s.model} v${s.version} → ${s.env}.`, at: s.requestedAt },
            ...(open ? [] : [{ kind: "gates", message: "Gates (request): 2 passed, 1 warning(s).", at: at(s.requestedAt.toISOString(), 1) }]),
            ...(executed ? STEPS.map((step, i) => ({ kind: "step", step: `execute.${step}`, message: s.state === "failed" && step === "airflow_poll" ? `Failed: ${s.note}` : `execute ${step.replace("_", " ")} done (demo history).`, at: at(s.doneAt!.toISOString(), -8 + i * 2) })) : []),
            ...(s.state === "rolled_back" ? [{ kind: "state", message: "Rolled back: prod runs v1 again.", at: at(s.doneAt!.toISOString(), 23 * 60) }] : []),
            ...(s.state === "rollback_pending" ? [{ kind: "state", message: `Ana Novak asked to roll back: "${ROLLBACK_ASKED.reason}" Waiting for 1 approval(s).`, at: ROLLBACK_ASKED.at }] : []),
            ...(s.state === "cancelled" ? [{ kind: "state", message: "Cancelled by the requester.", at: at(s.requestedAt.toISOString(), 240) }] : []),
          ] },
          steps: executed ? { create: STEPS.map((step, i) => ({ operation: "execute" as const, step, status: s.state === "failed" && step === "airflow_poll" ? ("failed" as const) : ("succeeded" as const), attempts: 1, startedAt: at(s.doneAt!.toISOString(), -9 + i * 2), finishedAt: at(s.doneAt!.toISOString(), -8 + i * 2) })) } : undefined,
        },
      });
      if (s.deploymentId) {
        await tx.deployment.update({ where: { id: s.deploymentId }, data: { promotionId: p.id } });
        promotionOfDeployment.set(s.deploymentId, p.id);
      }
      if (open) await gatesAt(tx as unknown as Tx, p, s.env, await tx.environmentPolicy.findUniqueOrThrow({ where: { id: env.policyId } }), at(s.requestedAt.toISOString(), 1));
    });
  }
  await seedInFlightPromotions(db, { envs, users, modelVersion: mv });
}

const ROLLBACK_ASKED = { by: "ana.approver", reason: "Forecast bias on promotional weeks since the November price change.", at: at("2026-11-24T08:30:00Z") };
