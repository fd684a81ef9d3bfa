import type { ExecutionPorts } from "@/lib/promotions/execution/ports";
import { commitMarker, dagRunId, MARKER_KEY, type Operation, type StepName } from "@/lib/promotions/execution/plan";

// One function per (operation, step). Each is idempotent: it first looks at the outside
// system for the effect of an earlier attempt (a merge commit carrying our marker, the
// alias already moved, a DAG run with our id) and only acts when it finds none.
// `prepare` reads what undoing needs and is recorded BEFORE the call, so a crash in the
// middle of a call never loses how to undo it.

export interface StepContext {
  promotion: { id: string; number: number; sourceRef: string; strategy: string; strategyConfig: unknown };
  env: { key: string; lakefsRepository: string; lakefsBranch: string; mlflowAlias: string; airflowDagId: string };
  model: { name: string; version: string; modelVersionId: string; mlflowModelName: string | null; mlflowVersion: string | null };
  /** What ran before this promotion in the environment (the target of undo and rollback). */
  previous: { modelVersionId: string; version: string; mlflowVersion: string | null } | null;
  /** Results of this promotion's execute steps, by step. */
  executed: Partial<Record<StepName, Record<string, unknown>>>;
  /** What this step recorded earlier (prepare facts, or a previous attempt). */
  recorded: Record<string, unknown>;
  ports: ExecutionPorts;
}

export type StepOutcome = { kind: "done"; result: Record<string, unknown>; message: string } | { kind: "pending"; message: string } | { kind: "skipped"; message: string };

export class FinalStepError extends Error {}

function mlflowTarget(c: StepContext): { model: string; version: string } {
  if (!c.model.mlflowModelName || !c.model.mlflowVersion) throw new FinalStepError(`${c.model.name} v${c.model.version} has no MLflow registration (model name and version), so no alias can point at it.`);
  return { model: c.model.mlflowModelName, version: c.model.mlflowVersion };
}

export async function prepare(op: Operation, step: StepName, c: StepContext): Promise<Record<string, unknown>> {
  if (op === "execute" && step === "lakefs_merge" && !c.recorded.beforeHead) return { beforeHead: await c.ports.lakefs.branchHead(c.env.lakefsRepository, c.env.lakefsBranch) };
  if (op === "execute" && step === "mlflow_alias" && !("previousVersion" in c.recorded)) {
    const { model } = mlflowTarget(c);
    return { previousVersion: await c.ports.mlflow.aliasVersion(model, c.env.mlflowAlias) };
  }
  return {};
}

export async function runStep(op: Operation, step: StepName, c: StepContext): Promise<StepOutcome> {
  const { lakefs, mlflow, airflow } = c.ports;
  const e = c.env;
  switch (step) {
    case "lakefs_merge": {
      const marker = commitMarker(c.promotion.id, op);
      const found = await lakefs.findCommitByMetadata(e.lakefsRepository, e.lakefsBranch, MARKER_KEY, marker);
      if (op === "execute") {
        if (found) return { kind: "done", result: { mergeCommitId: found.id, beforeHead: c.recorded.beforeHead ?? found.parents[0], reused: true }, message: `Merge ${found.id.slice(0, 12)} was already on ${e.lakefsBranch}; not merged again.` };
        const { commitId } = await lakefs.merge(e.lakefsRepository, c.promotion.sourceRef, e.lakefsBranch, { message: `Promotion #${c.promotion.number}: ${c.model.name} v${c.model.version} to ${e.key}`, metadata: { [MARKER_KEY]: marker, promotion_number: String(c.promotion.number) } });
        return { kind: "done", result: { mergeCommitId: commitId, beforeHead: c.recorded.beforeHead }, message: `Merged ${c.promotion.sourceRef} into ${e.lakefsRepository}/${e.lakefsBranch} (commit ${commitId.slice(0, 12)}).` };
      }
      if (found) return { kind: "done", result: { revertCommitId: found.id, reused: true }, message: `Revert ${found.id.slice(0, 12)} was already on ${e.lakefsBranch}.` };
      let mergeCommitId = c.executed.lakefs_merge?.mergeCommitId as string | undefined;
      // An interrupted merge (row still running) may or may not have happened: look for it.
      mergeCommitId ??= (await lakefs.findCommitByMetadata(e.lakefsRepository, e.lakefsBranch, MARKER_KEY, commitMarker(c.promotion.id, "execute")))?.id;
      if (!mergeCommitId) return { kind: "skipped", message: `No merge of this promotion is on ${e.lakefsBranch}; nothing to revert.` };
      await lakefs.revert(e.lakefsRepository, e.lakefsBranch, { ref: mergeCommitId, parentNumber: 1, message: `Undo promotion #${c.promotion.number} (${op})`, metadata: { [MARKER_KEY]: marker } });
      return { kind: "done", result: { revertedCommitId: mergeCommitId }, message: `Reverted merge ${mergeCommitId.slice(0, 12)} on ${e.lakefsRepository}/${e.lakefsBranch}.` };
    }
    case "mlflow_alias": {
      const { model, version } = mlflowTarget(c);
      const current = await mlflow.aliasVersion(model, e.mlflowAlias);
      if (op === "execute") {
        if (current === version) return { kind: "done", result: { ...c.recorded, version, reused: true }, message: `Alias ${e.mlflowAlias} already points at ${model} version ${version}.` };
        await mlflow.setAlias(model, e.mlflowAlias, version);
        return { kind: "done", result: { ...c.recorded, version }, message: `Moved alias ${e.mlflowAlias} of ${model} to version ${version}${c.recorded.previousVersion ? ` (was ${c.recorded.previousVersion})` : ""}.` };
      }
      const back = (c.executed.mlflow_alias?.previousVersion ?? null) as string | null;
      if (current === back) return { kind: "done", result: { version: back, reused: true }, message: `Alias ${e.mlflowAlias} already back at ${back ?? "unset"}.` };
      if (back === null) {
        await mlflow.deleteAlias(model, e.mlflowAlias);
        return { kind: "done", result: { version: null }, message: `Removed alias ${e.mlflowAlias} of ${model}: nothing had it before.` };
      }
      await mlflow.setAlias(model, e.mlflowAlias, back);
      return { kind: "done", result: { version: back }, message: `Moved alias ${e.mlflowAlias} of ${model} back to version ${back}.` };
    }
    case "airflow_trigger": {
      const runId = dagRunId(c.promotion.number, c.promotion.id, op);
      const target = op === "execute" ? { modelVersionId: c.model.modelVersionId, version: c.model.version, mlflowVersion: c.model.mlflowVersion } : c.previous;
      if (!target) return { kind: "skipped", message: "No previous version to redeploy." };
      if ((await airflow.dagRunState(e.airflowDagId, runId)) !== null) return { kind: "done", result: { dagRunId: runId, reused: true }, message: `DAG run ${runId} already exists; not triggered again.` };
      await airflow.triggerDagRun(e.airflowDagId, runId, {
        promotion_id: c.promotion.id, promotion_number: c.promotion.number, operation: op, environment: e.key,
        model: c.model.mlflowModelName ?? c.model.name, model_version_id: target.modelVersionId, version: target.version, mlflow_version: target.mlflowVersion,
        strategy: c.promotion.strategy, strategy_config: c.promotion.strategyConfig, lakefs_commit: c.executed.lakefs_merge?.mergeCommitId ?? null,
      });
      return { kind: "done", result: { dagRunId: runId }, message: `Triggered ${e.airflowDagId} run ${runId}.` };
    }
    case "airflow_poll": {
      const runId = dagRunId(c.promotion.number, c.promotion.id, op);
      const state = await airflow.dagRunState(e.airflowDagId, runId);
      if (state === "success") return { kind: "done", result: { dagRunId: runId, state }, message: `DAG run ${runId} succeeded.` };
      if (state === "failed") throw new FinalStepError(`Airflow DAG ${e.airflowDagId} run ${runId} failed.`);
      if (state === null) throw new FinalStepError(`Airflow has no DAG run ${runId} to follow.`);
      return { kind: "pending", message: `DAG run ${runId} is ${state}.` };
    }
  }
}
