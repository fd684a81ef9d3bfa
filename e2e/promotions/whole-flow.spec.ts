import { randomUUID } from "node:crypto";
import { expect, test, type APIRequestContext, type Browser, type Page } from "@playwright/test";
import { PERSONAS, signInAs } from "../fixtures/auth";
import { PORTS, urlOf } from "../support/ports";

// The whole promotion flow of issue 6 in the browser, with the real worker process executing
// against the demo fakes of lakeFS, MLflow and Airflow at their HTTP boundary (global setup):
// a request to prod is stopped by its metric gate; a better version passes; the requester may
// not approve it; two approvers do; the worker merges, moves the alias, triggers and follows the
// DAG run; the delivery matrix shows the new version; a one-step rollback restores the previous
// one; the audit page shows every step. The CI side (a training run and two new model versions
// of the seeded demand-forecast model, whose prod version is v2) goes through the REST API.

const MLFLOW = urlOf(PORTS.fakes + 1);
const tag = Date.now().toString(36); // versions unique per attempt, so a retry starts clean
const WEAK = `4.${tag}`;
const GOOD = `5.${tag}`;

test("a model version goes to prod through gates, two approvals and the worker, and is rolled back in one step", async ({ page, browser }) => {
  test.setTimeout(180_000);
  await signInAs(page, PERSONAS.admin); // an engineer with admin rights: requests, and may approve elsewhere
  const { weakId, goodId } = await registerVersions(page.request);

  // 1. A request whose metric is below the threshold stays a draft with the reason.
  await requestPromotion(page, weakId, "Weekly retrain with the new holiday features.");
  await expect(page.getByTestId("promotion-state")).toHaveText("draft");
  const gates = page.getByRole("region", { name: "Gates" });
  await expect(gates.getByRole("row", { name: /metrics fail mape is 0\.26, needs <= 0\.2/ })).toBeVisible();

  // 2. The next version passes its gates and waits for approval.
  await requestPromotion(page, goodId, "Retrain with the holiday features fixed; mape 0.149.");
  await expect(page.getByTestId("promotion-state")).toHaveText("pending approval");
  await expect(gates.getByRole("row", { name: /metrics pass/ })).toBeVisible();
  const promotionUrl = new URL(page.url()).pathname;
  const promotionId = promotionUrl.split("/").at(-1)!;

  // 3. The requester cannot approve their own request: the server refuses and says why.
  const decide = page.getByRole("form", { name: "Decide on the promotion" });
  await decide.getByRole("button", { name: "Approve" }).click();
  await expect(decide.getByRole("alert")).toHaveText("You requested this promotion; separation of duties says someone else must approve it.");
  await page.reload();
  await expect(page.getByTestId("promotion-state")).toHaveText("pending approval");

  // 4. Two approvers: the first from the approvals inbox (with the diff against what runs now), the second on the promotion page.
  //    The inbox opens on what Ana can decide, oldest first, 25 at a time; once she has approved,
  //    the request leaves that list and shows under "All visible" with the reason.
  const ana = await personaPage(browser, PERSONAS.approver, "/approvals");
  const { number } = await (await page.request.get(`/api/v1/promotions/${promotionId}`)).json();
  const card = ana.getByTestId(`inbox-${number}`);
  await showInInbox(ana, card);
  await expect(card.getByRole("row", { name: "metric mape 0.164 0.149" })).toBeVisible();
  await card.getByRole("button", { name: "Approve" }).click();
  await expect(card).toBeHidden();
  await ana.getByRole("radio", { name: "All visible" }).check();
  await showInInbox(ana, card);
  await expect(card).toContainText("1/2 approvals");
  await expect(card).toContainText("You have already decided on this request; each reviewer acts once.");

  const alex = await personaPage(browser, PERSONAS.approver2, promotionUrl);
  await expect(alex.getByTestId("timeline")).toContainText("(1/2 approvals)");
  await alex.getByRole("form", { name: "Decide on the promotion" }).getByRole("button", { name: "Approve" }).click();

  // 5. The worker executes it; the page follows the timeline live.
  await expect(alex.getByTestId("promotion-state")).toHaveText("succeeded", { timeout: 60_000 });
  await expect(alex.getByText("demo fakes", { exact: true })).toBeVisible();
  const timeline = alex.getByTestId("timeline");
  await expect(timeline).toContainText("Merged staging into demo-data/production");
  await expect(timeline).toContainText(`Moved alias champion of demand-forecast to version 5 (was 2).`);
  await expect(timeline).toContainText(/Triggered deploy_model run coe-promotion-\d+-execute-/);
  await expect(timeline).toContainText(/DAG run coe-promotion-\d+-execute-\S+ is running\./); // followed live, one line per state
  await expect(timeline).toContainText(/DAG run coe-promotion-\d+-execute-\S+ succeeded\./);
  // The fake MLflow itself says so, not only our record of the call.
  expect(await championVersion(page.request)).toBe("5");

  // 6. The delivery matrix shows the new version in prod.
  await expect(await prodCellOfDemandForecast(alex)).toContainText(`v${GOOD} `);

  // 7. One-step rollback: an approver asks (prod's policy wants one more approver for it), another approves.
  await ana.goto(promotionUrl);
  await ana.getByLabel("Rollback reason").fill("Forecast bias on the first holiday week.");
  await ana.getByRole("button", { name: "Roll back" }).click();
  await expect(ana.getByTestId("promotion-state")).toHaveText("rollback pending");
  await alex.goto(promotionUrl);
  await alex.getByRole("form", { name: "Decide on the rollback" }).getByRole("button", { name: "Approve rollback" }).click();
  await expect(alex.getByTestId("promotion-state")).toHaveText("rolled back", { timeout: 60_000 });
  await expect(timeline).toContainText(/Reverted merge \w+ on demo-data\/production/);
  await expect(timeline).toContainText("Moved alias champion of demand-forecast back to version 2.");
  await expect(timeline).toContainText(/DAG run coe-promotion-\d+-rollback-\S+ succeeded\./);
  expect(await championVersion(page.request)).toBe("2");
  await expect(await prodCellOfDemandForecast(alex)).toContainText(/^v2 since /);

  // 8. The audit page shows every step, from the request to the end of the rollback.
  await alex.goto(promotionUrl);
  await alex.getByRole("link", { name: "Audit trail" }).click();
  const rows = alex.getByRole("table", { name: "Audit events" }).getByTestId("audit-row");
  await expect(rows.first()).toBeVisible();
  const actions = await rows.evaluateAll((trs) => trs.map((r) => r.getAttribute("data-action")).reverse());
  expect(actions).toEqual([
    "promotion.requested",
    "promotion.approve",
    "promotion.approve",
    "promotion.start_execution",
    "promotion.execute_lakefs_merge",
    "promotion.execute_mlflow_alias",
    "promotion.execute_airflow_trigger",
    "promotion.execute_airflow_poll",
    "promotion.execution_succeeded",
    "promotion.rollback_requested",
    "promotion.rollback_approve",
    "promotion.rollback_lakefs_merge",
    "promotion.rollback_mlflow_alias",
    "promotion.rollback_airflow_trigger",
    "promotion.rollback_airflow_poll",
    "promotion.rollback_done",
  ]);
});

/** The card in the inbox, loading more pages until it shows (or there are none left). */
async function showInInbox(page: Page, card: ReturnType<Page["getByTestId"]>) {
  const list = page.getByRole("list", { name: "Waiting promotions and rollbacks" });
  await expect(list).toBeVisible();
  const more = page.getByRole("button", { name: "Load more" });
  while (!(await card.isVisible()) && (await more.isVisible())) {
    const before = await list.getByRole("listitem").count();
    await more.click();
    await expect.poll(() => list.getByRole("listitem").count()).toBeGreaterThan(before);
  }
  await expect(card).toBeVisible();
}

/** The Production cell of demand-forecast's row in the delivery matrix, found with the model-name filter (columns found by their headers). */
async function prodCellOfDemandForecast(page: Page) {
  await page.goto("/delivery");
  await page.getByLabel("Model name").fill("demand-forecast");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/[?&]q=demand-forecast/);
  const matrix = page.getByTestId("environment-matrix");
  const column = (await matrix.locator("thead th").allInnerTexts()).indexOf("Production");
  expect(column).toBeGreaterThan(0);
  return matrix.getByRole("row", { name: /^demand-forecast / }).getByRole("cell").nth(column);
}

/** A new browser context signed in as `email`, on `path`. */
async function personaPage(browser: Browser, email: string, path: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInAs(page, email, { callbackUrl: path });
  return page;
}

async function requestPromotion(page: Page, versionId: string, justification: string) {
  await page.goto(`/promotions/new?version=${versionId}`);
  await page.getByLabel("Target environment").selectOption({ label: "Production" });
  await page.getByLabel("Strategy").selectOption("blue_green");
  await page.getByLabel("Justification").fill(justification);
  await page.getByRole("button", { name: "Request promotion" }).click();
  await expect(page).toHaveURL(/\/promotions\/[0-9a-f-]{36}$/);
}

/** What CI does after training: report the run (OpenLineage) and register the versions in the catalog. */
async function registerVersions(api: APIRequestContext): Promise<{ weakId: string; goodId: string }> {
  // Answers of our own API, checked by the assertions that use them.
  const ok = async (res: Awaited<ReturnType<APIRequestContext["get"]>>): Promise<any> => {
    expect(res.ok(), `${res.url()} answered ${res.status()}: ${await res.text()}`).toBe(true);
    return res.json();
  };
  const found = await ok(await api.get("/api/v1/assets?q=demand-forecast&kind=model"));
  const model = found.items.find((a: { name: string }) => a.name === "demand-forecast");
  const versions = await ok(await api.get(`/api/v1/assets/${model.id}/versions?limit=100`));
  const inputs = versions.items.find((v: { version: string }) => v.version === "3").inputs.map((i: { datasetVersionId: string }) => ({ datasetVersionId: i.datasetVersionId }));

  const register = async (version: string, mlflowVersion: string, mape: number) => {
    const runId = randomUUID();
    await ok(await api.post("/api/v1/lineage", { data: {
      eventType: "COMPLETE", eventTime: new Date().toISOString(), producer: "https://ci.example.test/train", schemaURL: "https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent",
      run: { runId }, job: { namespace: "airflow://retail", name: "retail_weekly.train_demand_forecast" },
    } }));
    const v = await ok(await api.post(`/api/v1/assets/${model.id}/versions`, { data: {
      version, trainingRunId: runId, inputs, code: { repository: "https://git.example.com/coe/demand-forecast", commitSha: randomUUID().replace(/-/g, "").slice(0, 40) },
      environment: `sha256:${"e".repeat(64)}`, metrics: { mape, wape: mape - 0.03 }, params: { num_leaves: 127, learning_rate: 0.03, horizon_weeks: 6 },
      mlflow: { name: "demand-forecast", version: mlflowVersion },
    } }));
    return v.id as string;
  };
  return { weakId: await register(WEAK, "4", 0.26), goodId: await register(GOOD, "5", 0.149) };
}

/** The version MLflow's `champion` alias of demand-forecast points at, asked of the fake MLflow. */
async function championVersion(api: APIRequestContext): Promise<string | null> {
  const res = await api.get(`${MLFLOW}/api/2.0/mlflow/registered-models/alias?name=demand-forecast&alias=champion`);
  if (res.status() === 404) return null;
  expect(res.ok()).toBe(true);
  return (await res.json()).model_version.version;
}
