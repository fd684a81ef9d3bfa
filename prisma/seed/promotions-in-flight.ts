import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Tx } from "@/lib/db";
import { runGates } from "@/lib/promotions/run-gates";

// The demo's promotions in flight: credit-risk-pd v3 approved for staging (its outbox message
// waits for the worker) and executing in dev (the worker was in the middle of the lakeFS merge).
// `npm start` runs the worker beside the web server, so on first start both are carried to the
// end against the demo fakes while you watch their timelines: in a running portal these states
// last seconds, as they should. Gates are evaluated for real on the catalog's evidence.

interface Ctx {
  envs: Map<string, { id: string; policyId: string }>;
  users: Map<string, string>;
  modelVersion: (name: string, version: string) => { id: string; version: string; assetId: string; mlflowVersion: string | null; asset: { ownerTeamId: string | null } } | undefined;
}

const ago = (minutes: number) => new Date(Date.now() - minutes * 60_000);
const ADVANCE = "promotion.advance"; // lib/outbox TOPICS.advancePromotion

/** The real gates on the catalog's evidence, dated when the request was made. */
export async function gatesAt(tx: Tx, p: Parameters<typeof runGates>[1], envKey: string, policy: Parameters<typeof runGates>[3], at: Date) {
  await runGates(tx, p, envKey, policy, "request");
  await tx.promotionGateResult.updateMany({ where: { promotionId: p.id }, data: { evaluatedAt: at } });
  await tx.promotionEvent.updateMany({ where: { promotionId: p.id, kind: "gates" }, data: { at } });
}

export async function seedInFlightPromotions(db: PrismaClient, { envs, users, modelVersion }: Ctx): Promise<void> {
  const v3 = modelVersion("credit-risk-pd", "3");
  const staging = envs.get("staging");
  const dev = envs.get("dev");
  const omar = users.get("omar.owner");
  const rita = users.get("rita.reviewer");
  if (!v3 || !staging || !dev || !omar || !rita) return;
  const useCase = await db.assetUseCase.findFirst({ where: { assetId: v3.assetId }, select: { useCaseId: true } });
  const base = { modelVersionId: v3.id, teamId: v3.asset.ownerTeamId, useCaseId: useCase?.useCaseId ?? null, requestedById: omar, strategyConfig: {} };

  await db.$transaction(async (tx) => {
    const p = await tx.promotion.create({
      data: {
        ...base, environmentId: staging.id, policyId: staging.policyId, strategy: "shadow", sourceRef: "dev", state: "approved",
        justification: "credit-risk-pd v3: better calibration on thin-file applicants (AUC 0.845).", createdAt: ago(50), submittedAt: ago(49), approvedAt: ago(3),
        approvals: { create: [{ purpose: "promotion", round: 1, reviewerId: rita, decision: "approve", comment: "Shadow first, as agreed with model risk.", createdAt: ago(3) }] },
      },
      include: { policy: true },
    });
    await tx.promotionEvent.create({ data: { promotionId: p.id, kind: "state", message: "Omar Haddad requested credit-risk-pd v3 → staging (shadow), judged by policy v1.", at: ago(50) } });
    await gatesAt(tx as unknown as Tx, p, "staging", p.policy, ago(50));
    await tx.promotionEvent.createMany({ data: [
      { promotionId: p.id, kind: "state", message: "Submitted for approval.", at: ago(49) },
      { promotionId: p.id, kind: "decision", message: 'Rita Gomez approved: "Shadow first, as agreed with model risk." (1/1 approvals).', at: ago(3) },
      { promotionId: p.id, kind: "state", message: "approved.", at: ago(3) },
    ] });
    await tx.outboxMessage.create({ data: { topic: ADVANCE, payload: { promotionId: p.id } } });
  });

  const running = await db.deployment.findFirst({ where: { environment: "dev", status: "active", modelVersion: { assetId: v3.assetId } }, include: { modelVersion: true } });
  await db.$transaction(async (tx) => {
    const p = await tx.promotion.create({
      data: {
        ...base, environmentId: dev.id, policyId: dev.policyId, strategy: "direct", sourceRef: "main", state: "executing",
        justification: "credit-risk-pd v3 into dev for the integration tests of the limits service.", createdAt: ago(8), submittedAt: ago(8), approvedAt: ago(8), executionStartedAt: ago(1), usedFakes: true,
        previousDeployment: running ? { deploymentId: running.id, modelVersionId: running.modelVersionId, version: running.modelVersion.version, mlflowVersion: running.modelVersion.mlflowVersion, promotionId: running.promotionId } : undefined,
        // The merge was sent when the worker stopped: the next worker looks for it in lakeFS before merging.
        steps: { create: [{ operation: "execute", step: "lakefs_merge", status: "running", attempts: 1, result: {}, startedAt: ago(1) }] },
      },
      include: { policy: true },
    });
    await tx.promotionEvent.create({ data: { promotionId: p.id, kind: "state", message: "Omar Haddad requested credit-risk-pd v3 → dev (direct), judged by policy v1.", at: ago(8) } });
    await gatesAt(tx as unknown as Tx, p, "dev", p.policy, ago(8));
    await tx.promotionEvent.createMany({ data: [
      { promotionId: p.id, kind: "state", message: "Submitted for approval.", at: ago(8) },
      { promotionId: p.id, kind: "state", message: "Approved: policy v1 needs no approval here.", at: ago(8) },
      { promotionId: p.id, kind: "state", message: "Execution started against the demo fakes of lakeFS, MLflow and Airflow (demo mode, no integrations configured): nothing real changes.", at: ago(1) },
    ] });
    await tx.outboxMessage.create({ data: { topic: ADVANCE, payload: { promotionId: p.id } } });
  });
}
