import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Tx } from "@/lib/db";
import { normalizeEvent } from "@/lib/lineage/normalize";
import { storeEvents } from "@/lib/lineage/ingest";
import { recordDeployment } from "@/lib/catalog/deployments";
import { commitOf, eventsOf, runIdOf, type Step } from "./catalog-events";

// The demo catalog: lakeFS-backed retail and credit pipelines (Airflow), the shared real
// Airflow and Spark column-lineage events, two feature sets, two models with versions,
// and deployments in dev, staging and prod, linked to the demo use cases. Idempotent.

const demoUseCaseId = (title: string) => {
  const h = createHash("sha256").update(`demo-use-case:${title}`).digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
};
const DEMAND_UC = demoUseCaseId("Store-level demand forecasting");
const CREDIT_UC = demoUseCaseId("Credit limit decisioning");

const ORDERS: [string, string, string?][] = [["order_id", "string", "Order number"], ["store_id", "string"], ["sku", "string"], ["qty", "int"], ["price", "decimal(10,2)"], ["ordered_at", "timestamp"]];
const STORES: [string, string, string?][] = [["store_id", "string"], ["region", "string"], ["opened_at", "date"]];
const DAILY: [string, string, string?][] = [["store_id", "string"], ["sku", "string"], ["day", "date"], ["units", "int"], ["revenue", "decimal(12,2)"], ["region", "string"]];
const FEATURES: [string, string, string?][] = [["store_id", "string"], ["sku", "string"], ["week", "date"], ["units_lag_1", "int"], ["units_lag_4", "int"], ["revenue_4w", "decimal(12,2)"]];
const LOANS: [string, string, string?][] = [["application_id", "string"], ["income", "decimal(12,2)"], ["debt", "decimal(12,2)"], ["age_band", "string"], ["defaulted", "boolean"]];
const CREDIT: [string, string, string?][] = [["application_id", "string"], ["debt_to_income", "double"], ["age_band", "string"], ["label", "boolean"]];

function steps(): Step[] {
  const out: Step[] = [];
  for (const [n, at] of [[1, "2026-09-01T02:00:00Z"], [2, "2026-10-01T02:00:00Z"]] as const) {
    const featureCols = n === 1 ? FEATURES : [...FEATURES, ["promo_flag", "boolean", "Promotion running that week"] as [string, string, string]];
    out.push({ repo: "retail", job: "retail_daily.build_orders_daily", at, sql: "INSERT INTO orders_daily SELECT o.store_id, o.sku, date(o.ordered_at), sum(o.qty), sum(o.qty*o.price), s.region FROM orders o JOIN stores s USING (store_id) GROUP BY 1,2,3,6",
      inputs: [{ path: "raw/orders", ref: commitOf(`retail-raw-${n}`), cols: ORDERS }, { path: "raw/stores", ref: commitOf(`retail-raw-${n}`), cols: STORES }],
      output: { path: "curated/orders_daily", ref: commitOf(`retail-curated-${n}`), cols: DAILY, from: { store_id: [["raw/orders", "store_id"]], sku: [["raw/orders", "sku"]], day: [["raw/orders", "ordered_at"]], units: [["raw/orders", "qty"]], revenue: [["raw/orders", "qty"], ["raw/orders", "price"]], region: [["raw/stores", "region"]] } } });
    out.push({ repo: "retail", job: "retail_daily.build_demand_features", at: at.replace("02:00", "03:00"),
      inputs: [{ path: "curated/orders_daily", ref: commitOf(`retail-curated-${n}`), cols: DAILY }],
      output: { path: "features/demand_features", ref: commitOf(`retail-features-${n}`), cols: featureCols, from: { store_id: [["curated/orders_daily", "store_id"]], sku: [["curated/orders_daily", "sku"]], week: [["curated/orders_daily", "day"]], units_lag_1: [["curated/orders_daily", "units"]], units_lag_4: [["curated/orders_daily", "units"]], revenue_4w: [["curated/orders_daily", "revenue"]] } } });
  }
  // The second credit run writes to the branch head, not a commit: its model version is not reproducible.
  for (const [n, ref, at] of [[1, commitOf("risk-features-1"), "2026-09-15T01:00:00Z"], [2, "main", "2026-10-20T01:00:00Z"]] as const) {
    out.push({ repo: "risk", job: "credit_nightly.build_credit_features", at,
      inputs: [{ path: "raw/loan_applications", ref: commitOf(`risk-raw-${n}`), cols: LOANS }],
      output: { path: "features/credit_features", ref, cols: CREDIT, from: { application_id: [["raw/loan_applications", "application_id"]], debt_to_income: [["raw/loan_applications", "income"], ["raw/loan_applications", "debt"]], age_band: [["raw/loan_applications", "age_band"]], label: [["raw/loan_applications", "defaulted"]] } } });
  }
  return out;
}

function sharedEvents(): object[] {
  const dir = path.join(process.cwd(), "prisma/seed/openlineage");
  return readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory()).flatMap((d) =>
    readdirSync(path.join(dir, d.name)).filter((f) => f.endsWith(".json")).sort().map((f) => JSON.parse(readFileSync(path.join(dir, d.name, f), "utf8"))));
}

const ASSETS = [
  { kind: "dataset", namespace: "lakefs://retail", name: "raw/orders", team: "retail-analytics", tags: ["raw", "pii:none", "daily"], description: "Point-of-sale order lines from every store, landed nightly." },
  { kind: "dataset", namespace: "lakefs://retail", name: "raw/stores", team: "retail-analytics", tags: ["raw", "reference"], description: "Store master data: region and opening date." },
  { kind: "dataset", namespace: "lakefs://retail", name: "curated/orders_daily", team: "retail-analytics", tags: ["curated", "daily"], description: "Units and revenue per store, SKU and day." },
  { kind: "feature_set", namespace: "lakefs://retail", name: "features/demand_features", team: "retail-analytics", tags: ["features", "forecasting"], description: "Weekly lagged demand features per store and SKU." },
  { kind: "dataset", namespace: "lakefs://risk", name: "raw/loan_applications", team: "risk-and-credit", tags: ["raw", "pii", "credit"], description: "Loan applications with outcomes, from the origination system." },
  { kind: "feature_set", namespace: "lakefs://risk", name: "features/credit_features", team: "risk-and-credit", tags: ["features", "credit"], description: "Affordability features for probability-of-default models." },
  { kind: "model", namespace: "mlflow://demo", name: "demand-forecast", team: "retail-analytics", tags: ["forecasting", "lightgbm"], description: "Weekly store-SKU demand forecast feeding replenishment.", useCase: DEMAND_UC },
  { kind: "model", namespace: "mlflow://demo", name: "credit-risk-pd", team: "risk-and-credit", tags: ["credit", "xgboost", "high-risk"], description: "Probability of default for credit limit decisions.", useCase: CREDIT_UC },
] as const;

const DATA_NEEDED: [string, string[]][] = [
  ["Store-level demand forecasting", ["raw/orders", "raw/stores", "curated/orders_daily"]],
  ["Markdown price optimisation", ["curated/orders_daily"]],
  ["Promotion cannibalisation analysis", ["raw/orders", "curated/orders_daily"]],
  ["Credit limit decisioning", ["raw/loan_applications"]],
  ["Early-warning for SME defaults", ["raw/loan_applications"]],
];

export async function seedCatalog(db: PrismaClient): Promise<void> {
  const teams = new Map((await db.team.findMany({ select: { id: true, slug: true } })).map((t) => [t.slug, t.id]));
  const ids = new Map<string, string>();
  for (const a of ASSETS) {
    const key = { kind: a.kind, namespace: a.namespace, name: a.name };
    const row = await db.asset.upsert({ where: { kind_namespace_name: key }, create: { ...key, ownerTeamId: teams.get(a.team) ?? null, tags: [...a.tags], description: a.description }, update: {}, select: { id: true } });
    ids.set(a.name, row.id);
    if ("useCase" in a) await db.assetUseCase.createMany({ data: [{ assetId: row.id, useCaseId: a.useCase }], skipDuplicates: true });
  }
  await db.assetUseCase.createMany({ data: [{ assetId: ids.get("features/demand_features")!, useCaseId: DEMAND_UC }, { assetId: ids.get("features/credit_features")!, useCaseId: CREDIT_UC }], skipDuplicates: true });
  // The datasets demo use cases name as the data they need (the intake's catalog links).
  const needs = DATA_NEEDED.flatMap(([title, names]) => names.map((name) => ({ assetId: ids.get(name)!, useCaseId: demoUseCaseId(title) })));
  const present = new Set((await db.useCase.findMany({ where: { id: { in: needs.map((n) => n.useCaseId) } }, select: { id: true } })).map((u) => u.id));
  await db.assetUseCase.createMany({ data: needs.filter((n) => present.has(n.useCaseId)), skipDuplicates: true });

  const events = [...sharedEvents(), ...steps().flatMap(eventsOf)].map(normalizeEvent);
  await db.$transaction((tx) => storeEvents(tx as unknown as Tx, events), { timeout: 60_000 });
  await db.asset.updateMany({ where: { namespace: "airflow://demo", ownerTeamId: null, name: { startsWith: "retail_daily." } }, data: { ownerTeamId: teams.get("retail-analytics") } });
  await db.asset.updateMany({ where: { namespace: "airflow://demo", ownerTeamId: null, name: { startsWith: "credit_nightly." } }, data: { ownerTeamId: teams.get("risk-and-credit") } });

  await seedModels(db, ids);
}

async function versionsOf(db: PrismaClient, assetId: string) {
  return db.datasetVersion.findMany({ where: { assetId }, orderBy: { observedAt: "asc" }, select: { id: true } });
}

async function seedModels(db: PrismaClient, ids: Map<string, string>) {
  const demand = await versionsOf(db, ids.get("features/demand_features")!);
  const credit = await versionsOf(db, ids.get("features/credit_features")!);
  const env = (s: string) => `sha256:${createHash("sha256").update(s).digest("hex")}`;
  const models = [
    { asset: "demand-forecast", version: "1", input: demand[0], sha: "3f2a9c1", at: "2026-09-02T09:00:00Z", auc: { mape: 0.182, wape: 0.151 }, params: { num_leaves: 63, learning_rate: 0.05, horizon_weeks: 4 } },
    { asset: "demand-forecast", version: "2", input: demand[0], sha: "8be41d0", at: "2026-09-10T09:00:00Z", auc: { mape: 0.164, wape: 0.139 }, params: { num_leaves: 127, learning_rate: 0.03, horizon_weeks: 4 } },
    { asset: "demand-forecast", version: "3", input: demand[1], sha: "c07d5e2", at: "2026-10-02T09:00:00Z", auc: { mape: 0.151, wape: 0.127 }, params: { num_leaves: 127, learning_rate: 0.03, horizon_weeks: 6 } },
    { asset: "credit-risk-pd", version: "1", input: credit[0], sha: "a19f3b7", at: "2026-09-16T09:00:00Z", auc: { auc: 0.81, ks: 0.44 }, params: { max_depth: 5, eta: 0.1, n_estimators: 400 } },
    { asset: "credit-risk-pd", version: "2", input: credit[1], sha: "e55c820", at: "2026-10-21T09:00:00Z", auc: { auc: 0.83, ks: 0.47 }, params: { max_depth: 6, eta: 0.08, n_estimators: 600 } },
    // Not deployed yet: the promotions seed has it approved for staging and executing in dev.
    { asset: "credit-risk-pd", version: "3", input: credit[1], sha: "9d1e4a6", at: "2026-11-19T09:00:00Z", auc: { auc: 0.845, ks: 0.48 }, params: { max_depth: 6, eta: 0.05, n_estimators: 900 } },
  ];
  // Each version's training run, as the trainer's OpenLineage integration reports it: promotion
  // gates want it for reproducibility (the model's inputs are linked on the version itself).
  const trainingJob = (asset: string) => (asset === "demand-forecast" ? "retail_weekly.train_demand_forecast" : "credit_monthly.train_pd_model");
  const trainingRun = (m: (typeof models)[number]) => runIdOf(`train:${m.asset}@${m.version}`);
  const training = models.map((m) => normalizeEvent({
    eventType: "COMPLETE", eventTime: m.at, producer: "https://github.com/mlflow/mlflow/tree/v2.18.0", schemaURL: "https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent",
    run: { runId: trainingRun(m) }, job: { namespace: "airflow://demo", name: trainingJob(m.asset) }, inputs: [], outputs: [],
  }));
  await db.$transaction((tx) => storeEvents(tx as unknown as Tx, training));
  for (const [asset, slug] of [["demand-forecast", "retail-analytics"], ["credit-risk-pd", "risk-and-credit"]] as const) {
    const team = await db.team.findUnique({ where: { slug }, select: { id: true } });
    await db.asset.updateMany({ where: { namespace: "airflow://demo", ownerTeamId: null, name: trainingJob(asset) }, data: { ownerTeamId: team?.id ?? null } });
  }
  const mv = new Map<string, string>();
  for (const m of models) {
    const assetId = ids.get(m.asset)!;
    const row = await db.modelVersion.upsert({
      where: { assetId_version: { assetId, version: m.version } },
      create: {
        assetId, version: m.version, createdAt: new Date(m.at), description: `${m.asset} v${m.version}`, trainingRunId: trainingRun(m),
        codeRepository: `https://git.example.com/coe/${m.asset}`, codeCommitSha: createHash("sha1").update(m.sha).digest("hex"),
        environment: env(`${m.asset}-${m.version}`), metrics: m.auc, params: m.params, mlflowModelName: m.asset, mlflowVersion: m.version,
        inputs: m.input ? { create: [{ datasetVersionId: m.input.id }] } : undefined,
      },
      update: {}, select: { id: true },
    });
    mv.set(`${m.asset}@${m.version}`, row.id);
    const source = ids.get(m.asset === "demand-forecast" ? "features/demand_features" : "features/credit_features")!;
    await db.lineageEdge.upsert({ where: { sourceId_targetId: { sourceId: source, targetId: assetId } }, create: { sourceId: source, targetId: assetId, firstSeenAt: new Date(m.at), lastSeenAt: new Date(m.at) }, update: {} });
  }
  if (await db.deployment.count({ where: { modelVersionId: { in: [...mv.values()] } } })) return;
  const plan: [string, string, string][] = [
    ["demand-forecast@1", "dev", "2026-09-03T10:00:00Z"], ["demand-forecast@1", "staging", "2026-09-05T10:00:00Z"], ["demand-forecast@1", "prod", "2026-09-08T10:00:00Z"],
    ["demand-forecast@2", "dev", "2026-09-11T10:00:00Z"], ["demand-forecast@2", "staging", "2026-09-14T10:00:00Z"], ["demand-forecast@2", "prod", "2026-09-20T10:00:00Z"],
    ["demand-forecast@3", "dev", "2026-10-03T10:00:00Z"], ["demand-forecast@3", "staging", "2026-10-06T10:00:00Z"],
    ["credit-risk-pd@1", "dev", "2026-09-17T10:00:00Z"], ["credit-risk-pd@1", "staging", "2026-09-19T10:00:00Z"], ["credit-risk-pd@1", "prod", "2026-09-25T10:00:00Z"],
    ["credit-risk-pd@2", "dev", "2026-10-22T10:00:00Z"], ["credit-risk-pd@2", "staging", "2026-10-24T10:00:00Z"],
  ];
  await db.$transaction(async (tx) => {
    for (const [key, environment, at] of plan) await recordDeployment(tx as unknown as Tx, { modelVersionId: mv.get(key)!, environment, deployedAt: new Date(at) });
  });
}
