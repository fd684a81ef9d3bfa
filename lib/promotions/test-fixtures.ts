import { db } from "@/lib/db";
import { registerAsset } from "@/lib/catalog/assets";
import { registerVersion } from "@/lib/catalog/versions";
import { createEnvironment } from "@/lib/environments/environments";
import { publishPolicy } from "@/lib/environments/policies";
import { gatesConfigSchema, type PolicyInputDraft } from "@/lib/promotions/policy-schema";
import type { Actor } from "@/lib/policy/actor";
import { ctxOf, makeActor, makeTeam, unique } from "@/lib/test/factories";

// Test data for promotions, each call with unique names so tests never share fixtures.

export async function makeEnvironment(policy: Partial<PolicyInputDraft> = {}, opts: { protected?: boolean; rank?: number } = {}) {
  const admin = await makeActor(["admin"]);
  const key = unique("prod").slice(0, 30).toLowerCase();
  const env = await createEnvironment(ctxOf(admin), {
    key, name: key, rank: opts.rank ?? 30, lakefsRepository: unique("repo"), lakefsBranch: "production", mlflowAlias: "champion", airflowDagId: "deploy_model", protected: opts.protected ?? true,
  });
  const p = await publishPolicy(ctxOf(admin), key, {
    requiredApprovals: 2, approverRoles: ["approver"], approverTeamIds: [], highRiskRole: null, allowedStrategies: ["direct", "blue_green"],
    gates: gatesConfigSchema.parse({ metrics: [{ metric: "auc", op: ">=", threshold: 0.8 }], lineage: "off", dataQuality: "off", useCaseApproved: "off", riskTier: "off", reproducibility: "warn" }),
    rollbackApprovals: 0, driftDays: 14, changeNote: "", ...policy,
  });
  return { env, policy: p, admin };
}

/** A team, its product owner, and a model with one version per metrics object given. */
export async function makeModel(versions: Record<string, number>[], opts: { mlflowName?: string; name?: string } = {}) {
  const team = await makeTeam();
  const owner = await makeActor(["product_owner"], [team.id]);
  const ctx = ctxOf(owner);
  const ds = (await registerAsset(ctx, { kind: "dataset", namespace: "lakefs://retail", name: unique("orders") })).asset;
  await registerVersion(ctx, ds.id, { version: "c1", lakefs: { repository: "retail", ref: "main", commitId: "c".repeat(64) } });
  const model = (await registerAsset(ctx, { kind: "model", namespace: "mlflow", name: opts.name ?? unique("churn") })).asset;
  const mlflowName = opts.mlflowName ?? model.name;
  const ids: string[] = [];
  for (const [i, metrics] of versions.entries()) {
    const v = await registerVersion(ctx, model.id, {
      version: String(i + 1), metrics, inputs: [{ namespace: "lakefs://retail", name: ds.name, version: "c1" }],
      code: { repository: "git@x:churn.git", commitSha: "abcdef1" }, environment: "python:3.12", mlflow: { name: mlflowName, version: String(i + 1) },
    });
    ids.push(v.version.id);
  }
  return { team, owner, model, versionIds: ids, mlflowName };
}

export async function approvers(n: number): Promise<Actor[]> {
  return Promise.all(Array.from({ length: n }, () => makeActor(["approver"])));
}

export const stateOf = async (id: string) => (await db().promotion.findUniqueOrThrow({ where: { id } })).state;
