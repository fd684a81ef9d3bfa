import { expect, test } from "@playwright/test";
import { LakefsFake } from "@/lib/integrations/testing/lakefs-fake";
import { PERSONAS, signInAs } from "../fixtures/auth";

// Issue 6's admin side in one flow: an admin connects a new environment to lakeFS (a stateful
// fake on a free port), sees exactly what a wrong secret does, keeps the stored one, and
// publishes a stricter policy version after the form names a bad field.

const lakefs = new LakefsFake({ accessKeyId: "AKIAE2EADMIN", secretAccessKey: "e2e-lakefs-secret-do-not-show" });
test.beforeAll(async () => {
  await lakefs.start(0);
});
test.afterAll(async () => {
  await lakefs.stop();
});

test("an admin connects an environment to lakeFS, tests it, and publishes a stricter policy version", async ({ page }) => {
  test.setTimeout(120_000);
  const key = `qa${Date.now().toString(36)}`;
  const repo = `retail-${key}`;
  lakefs.createRepository(repo, "main");
  lakefs.createBranch(repo, "production", "main");

  await signInAs(page, PERSONAS.admin, { callbackUrl: "/admin/integrations" });
  const created = await page.request.post("/api/v1/environments", { data: { key, name: `QA ${key}`, rank: 900, lakefsRepository: repo, lakefsBranch: "production", mlflowAlias: "qa", airflowDagId: "deploy_model", protected: true } });
  expect(created.status()).toBe(201);
  const v1 = await page.request.post(`/api/v1/environments/${key}/policies`, {
    data: { requiredApprovals: 1, approverRoles: ["approver"], allowedStrategies: ["direct"], gates: { metrics: [{ metric: "auc", op: ">=", threshold: 0.8 }] }, changeNote: "First version" },
  });
  expect(v1.status()).toBe(201);

  // Integrations: test unsaved values, save, then the secret is only "set on <date>".
  await page.goto(`/admin/integrations?env=${key}`);
  const card = page.getByRole("region", { name: "lakeFS" });
  await expect(card.getByText("Not configured")).toBeVisible();
  await card.getByLabel("lakeFS URL").fill(lakefs.url);
  await card.getByLabel("Access key id").fill(lakefs.accessKeyId);
  await card.getByLabel("Secret access key").fill(lakefs.secretAccessKey);
  await card.getByRole("button", { name: "Test these settings" }).click();
  await expect(card.getByRole("status")).toContainText(`These settings (not saved) work. lakeFS answered; branch ${repo}/production is at commit`);
  await card.getByRole("button", { name: "Save lakeFS" }).click();
  await expect(card.getByTestId("lakefs-secret-status")).toContainText("Set on");
  await expect(card.getByLabel("Secret access key")).toHaveCount(0);
  await expect(card.getByText("Not tested")).toBeVisible();
  const listed = await page.request.get(`/api/v1/environments/${key}/integrations`);
  expect(await listed.text()).not.toContain(lakefs.secretAccessKey);

  // A wrong replacement secret is tested before saving and named precisely.
  await card.getByRole("button", { name: "Replace secret access key" }).click();
  await card.getByLabel("Secret access key").fill("not-the-right-secret");
  await card.getByRole("button", { name: "Test these settings" }).click();
  await expect(card.getByRole("status")).toContainText("failed: Credentials rejected (401)");
  await card.getByRole("button", { name: "Keep the stored one" }).click();
  await card.getByRole("button", { name: "Test connection" }).click();
  await expect(card.getByRole("status")).toContainText("The saved settings work.");
  await expect(card.getByText("Connection works")).toBeVisible();
  await page.screenshot({ path: "test-results/artifacts/integrations-admin.png", fullPage: true });

  // Policy: the form names a bad field, then publishes version 2; the history keeps version 1.
  await page.goto("/admin/environments");
  const env = page.getByRole("region", { name: new RegExp(`QA ${key}`) });
  await env.getByRole("button", { name: "Publish a new version" }).click();
  const form = env.getByRole("form", { name: `New policy version for QA ${key}` });
  await form.getByLabel("Required approvals").fill("2");
  await form.getByRole("checkbox", { name: "Canary (traffic steps)" }).check();
  await form.getByLabel("Metric 1", { exact: true }).fill("");
  await form.getByRole("button", { name: "Publish version 2" }).click();
  await expect(form.getByText("Name the metric, e.g. auc")).toBeVisible();
  await form.screenshot({ path: "test-results/artifacts/policy-editor.png" });
  await form.getByLabel("Metric 1", { exact: true }).fill("auc");
  await form.getByLabel("Threshold of metric 1", { exact: true }).fill("0.85");
  await form.getByLabel("What changed and why").fill("Two approvers and a stricter AUC after the audit");
  await form.getByRole("button", { name: "Publish version 2" }).click();
  await expect(env.getByRole("status")).toContainText("Version 2 published");
  await expect(env.locator("dl")).toContainText("2 approvals from approver");
  await env.getByText("Version history (2)").click();
  const history = env.getByRole("table", { name: `Policy versions of QA ${key}` });
  await expect(history.getByRole("row")).toHaveCount(3);
  await expect(history.getByRole("row").nth(1)).toContainText("Two approvers and a stricter AUC after the audit");
  await expect(history.getByRole("row").nth(1)).toContainText("auc >= 0.85");
  await expect(history.getByRole("row").nth(2)).toContainText("First version");
  await env.screenshot({ path: "test-results/artifacts/environment-policy.png" });
});
