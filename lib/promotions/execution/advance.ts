import "server-only";
import { setTimeout as sleep } from "node:timers/promises";
import { db } from "@/lib/db";
import type { Environment } from "@/lib/generated/prisma/client";
import { enqueueOutbox, TOPICS } from "@/lib/outbox/outbox";
import { currentDeployment, loadModelVersion } from "@/lib/promotions/evidence";
import { blocking } from "@/lib/promotions/gates";
import { runGates } from "@/lib/promotions/run-gates";
import { missingHighRiskApproval } from "@/lib/promotions/high-risk";
import { addTimeline } from "@/lib/promotions/timeline";
import { tryLockPromotion } from "@/lib/promotions/execution/lock";
import { nextStep, type Operation, type StepName, type StepRow } from "@/lib/promotions/execution/plan";
import { failureFacts, type ExecutionPorts } from "@/lib/promotions/execution/ports";
import { recordCalls, type CallLike } from "@/lib/promotions/execution/record";
import { FinalStepError, prepare, runStep, type StepContext } from "@/lib/promotions/execution/steps";
import { deployVersion, restorePrevious, WORKER_CTX, workerTransition, type PreviousDeployment } from "@/lib/promotions/execution/finish";
import { recordAudit } from "@/lib/audit/record";

export interface AdvanceDeps {
  databaseUrl: string;
  portsFor: (env: Environment, onCall: (c: CallLike) => void) => Promise<ExecutionPorts>;
  pollIntervalMs: number;
  /** Attempts of one step (each with the client's own retries) before a transient error is final. */
  maxStepAttempts: number;
  retryDelayMs: (attempt: number) => number;
  signal?: AbortSignal;
}

export type AdvanceResult = "busy" | "finished" | "retry_scheduled" | "stopped";
const OPS: Partial<Record<string, Operation>> = { executing: "execute", compensating: "compensate", rolling_back: "rollback" };

/** Drives one promotion as far as it can go; safe to call from any number of workers at once. */
export async function advancePromotion(promotionId: string, deps: AdvanceDeps): Promise<AdvanceResult> {
  const lock = await tryLockPromotion(deps.databaseUrl, promotionId);
  if (!lock) return "busy";
  try {
    // One set of clients per run (an Airflow 3 client keeps its JWT); their calls collect here
    // and are written to the timeline with the step that made them.
    const calls: CallLike[] = [];
    let ports: ExecutionPorts | undefined;
    for (;;) {
      if (deps.signal?.aborted) return "stopped";
      const p = await db().promotion.findUnique({ where: { id: promotionId }, include: { environment: true, policy: true, steps: true } });
      if (!p) return "finished";
      ports ??= await deps.portsFor(p.environment, (c) => calls.push(c));
      if (p.state === "approved") {
        await startExecution(p, ports);
        continue;
      }
      const op = OPS[p.state];
      if (!op) return "finished";
      const previous = p.previousDeployment as PreviousDeployment | null;
      const rows = p.steps as unknown as StepRow[];
      const step = nextStep(op, rows, !!previous);
      const mv = await loadModelVersion(db(), p.modelVersionId);
      if (!step) {
        await finishOperation(p, op, mv.asset.id, previous);
        continue;
      }
      const ctx: StepContext = {
        promotion: p,
        env: p.environment,
        model: { name: mv.asset.name, version: mv.version, modelVersionId: mv.id, mlflowModelName: mv.mlflowModelName, mlflowVersion: mv.mlflowVersion },
        previous: previous && { modelVersionId: previous.modelVersionId, version: previous.version, mlflowVersion: previous.mlflowVersion },
        executed: Object.fromEntries(rows.filter((r) => r.operation === "execute").map((r) => [r.step, r.result])),
        recorded: rows.find((r) => r.operation === op && r.step === step)?.result ?? {},
        ports,
      };
      const r = await attemptStep(p.id, op, step, ctx, calls, deps);
      if (r === "retry_scheduled" || r === "stopped") return r;
    }
  } finally {
    await lock.release();
  }
}

type Loaded = NonNullable<Awaited<ReturnType<typeof loadForStart>>>;
const loadForStart = (id: string) => db().promotion.findUnique({ where: { id }, include: { environment: true, policy: true } });

async function startExecution(p: Loaded, ports: ExecutionPorts) {
  await db().$transaction(async (tx) => {
    const results = await runGates(tx, p, p.environment.key, p.policy, "pre_execution");
    const mv = await loadModelVersion(tx, p.modelVersionId);
    const cur = await currentDeployment(tx, mv.asset.id, p.environment.key);
    const previous: PreviousDeployment | null = cur && cur.modelVersionId !== mv.id ? { deploymentId: cur.id, modelVersionId: cur.modelVersionId, version: cur.modelVersion.version, mlflowVersion: cur.modelVersion.mlflowVersion, promotionId: cur.promotionId } : null;
    const started = await workerTransition(tx, p, "start_execution", `Execution started${ports.usedFakes ? " against the demo fakes of lakeFS, MLflow and Airflow (demo mode, no integrations configured): nothing real changes" : ""}.`, {
      executionStartedAt: new Date(), previousDeployment: previous ?? undefined, usedFakes: ports.usedFakes,
    });
    if (!started) return;
    const fails = blocking(results).map((f) => f.reason);
    const lateRisk = await missingHighRiskApproval(tx, p, p.policy);
    if (lateRisk) fails.push(lateRisk);
    if (fails.length) {
      await workerTransition(tx, { id: p.id, state: started }, "step_failed", `Stopped before any change: ${lateRisk && fails.length === 1 ? "the request became high risk after its approval" : "gates block just before execution"}.`, { failureStep: "gates", failureReason: fails.join(" ") });
    }
  }, { timeout: 30_000 });
}

async function attemptStep(promotionId: string, op: Operation, step: StepName, c: StepContext, calls: CallLike[], deps: AdvanceDeps): Promise<"done" | "retry_scheduled" | "failed" | "stopped"> {
  const key = { promotionId_operation_step: { promotionId, operation: op, step } };
  let attempts = 1;
  calls.length = 0;
  try {
    const facts = await prepare(op, step, c);
    c.recorded = { ...c.recorded, ...facts };
    const row = await db().promotionStep.upsert({
      where: key,
      create: { promotionId, operation: op, step, status: "running", attempts: 1, result: c.recorded as object },
      update: { status: "running", attempts: { increment: 1 }, result: c.recorded as object },
    });
    attempts = row.attempts;
    // A step that waits (following a DAG run) polls within this one attempt. Only a change of
    // what it sees reaches the timeline, so an hour-long run does not write thousands of rows.
    let seen: string | undefined;
    for (;;) {
      const out = await runStep(op, step, c);
      if (out.kind === "pending") {
        if (out.message !== seen) {
          seen = out.message;
          await db().$transaction(async (tx) => {
            await recordCalls(tx, promotionId, op, step, calls);
            await addTimeline(tx, promotionId, { kind: "step", step: `${op}.${step}`, message: out.message });
          });
        }
        calls.length = 0;
        await sleep(deps.pollIntervalMs, undefined, { signal: deps.signal }).catch(() => {});
        if (deps.signal?.aborted) return "stopped";
        continue;
      }
      await db().$transaction(async (tx) => {
        await recordCalls(tx, promotionId, op, step, calls);
        const result = out.kind === "done" ? { ...c.recorded, ...out.result } : c.recorded;
        await tx.promotionStep.update({ where: key, data: { status: out.kind === "skipped" ? "skipped" : "succeeded", result: result as object, error: null, finishedAt: new Date() } });
        await addTimeline(tx, promotionId, { kind: "step", step: `${op}.${step}`, message: out.message });
        // What was done to an outside system is part of the audit trail, not only of the timeline.
        await recordAudit(tx, WORKER_CTX, { action: `promotion.${op}_${step}`, entityType: "promotion", entityId: promotionId, after: { status: out.kind === "skipped" ? "skipped" : "succeeded", message: out.message, ...result } });
      });
      calls.length = 0;
      return "done";
    }
  } catch (e) {
    const f = failureFacts(e);
    const final = e instanceof FinalStepError || !f.transient || attempts >= deps.maxStepAttempts;
    if (!(e instanceof FinalStepError) && f.kind === null) throw e; // a bug, not an outside failure: let the job retry and log it
    await db().$transaction(async (tx) => {
      await recordCalls(tx, promotionId, op, step, calls);
      await tx.promotionStep.upsert({ where: key, create: { promotionId, operation: op, step, status: final ? "failed" : "running", attempts, error: f.message, result: c.recorded as object }, update: { status: final ? "failed" : "running", error: f.message } });
      if (!final) {
        const delay = deps.retryDelayMs(attempts);
        await addTimeline(tx, promotionId, { kind: "step", step: `${op}.${step}`, message: `Attempt ${attempts} failed (${f.message}); retrying in ${Math.round(delay / 1000)} s.` });
        await enqueueOutbox(tx, TOPICS.advancePromotion, { promotionId }, new Date(Date.now() + delay));
        return;
      }
      await addTimeline(tx, promotionId, { kind: "step", step: `${op}.${step}`, message: `Failed: ${f.message}` });
      const p = await tx.promotion.findUniqueOrThrow({ where: { id: promotionId } });
      if (op === "execute") await workerTransition(tx, p, "step_failed", `Step ${step.replace("_", " ")} failed for good; undoing the steps already done.`, { failureStep: `execute.${step}`, failureReason: f.message });
      else if (op === "rollback") await workerTransition(tx, p, "rollback_failed", `Rollback step ${step.replace("_", " ")} failed; the environment needs attention.`, { failureStep: `rollback.${step}`, failureReason: f.message, finishedAt: new Date() });
      else await tx.promotion.update({ where: { id: promotionId }, data: { failureReason: `${p.failureReason ?? ""} Undo of ${step} also failed (${f.message}); check it by hand.`.trim() } });
    });
    return final ? "failed" : "retry_scheduled";
  }
}

async function finishOperation(p: { id: string; state: Loaded["state"]; modelVersionId: string; environment: { key: string } }, op: Operation, modelAssetId: string, previous: PreviousDeployment | null) {
  const now = new Date();
  await db().$transaction(async (tx) => {
    if (op === "execute") {
      if (await workerTransition(tx, p, "execution_succeeded", `Succeeded: ${p.environment.key} now runs this version.`, { finishedAt: now })) await deployVersion(tx, p.environment.key, modelAssetId, p.modelVersionId, p.id, now);
    } else if (op === "compensate") {
      await workerTransition(tx, p, "compensation_done", "Failed; every step already done was undone.", { finishedAt: now });
    } else if (await workerTransition(tx, p, "rollback_done", `Rolled back: ${p.environment.key} runs ${previous ? `v${previous.version}` : "no version of this model"} again.`, { rolledBackAt: now })) {
      await restorePrevious(tx, p.environment.key, modelAssetId, previous, now);
    }
  });
}
