import { expect, test } from "@playwright/test";
import { PERSONAS, signInAs } from "../fixtures/auth";
import { commitOf } from "../../prisma/seed/catalog-events";

test("a product owner runs impact analysis on a dataset, sees the model's production deployment and use case, and its data commit", async ({ page }) => {
  await signInAs(page, PERSONAS.owner, { callbackUrl: "/catalog" });
  await page.getByRole("searchbox").or(page.getByLabel("Search the catalog")).first().fill("orders_daily");
  await page.getByRole("button", { name: "Search" }).click();
  await page.getByRole("link", { name: "curated/orders_daily" }).click();
  await expect(page.getByRole("heading", { name: "curated/orders_daily" })).toBeVisible();

  await page.getByRole("link", { name: "Impact analysis" }).click();
  const deployments = page.getByRole("region", { name: "Deployments by environment" });
  await expect(deployments.getByText("prod")).toBeVisible();
  await expect(deployments.getByText("demand-forecast v2")).toBeVisible();
  await expect(page.getByRole("region", { name: "Use cases served" }).getByRole("link", { name: "Store-level demand forecasting" })).toBeVisible();

  await page.getByRole("region", { name: "Model versions trained on affected data" }).getByRole("link", { name: "demand-forecast v2" }).click();
  const panel = page.getByRole("region", { name: "Reproducibility" });
  await expect(panel.getByText(commitOf("retail-features-1"))).toBeVisible();
  await expect(panel.getByText("Reproducible", { exact: true })).toBeVisible();
});

test("a model version trained on a branch head is flagged as not reproducible, and inherits the risk tier its training data feeds", async ({ page }) => {
  await signInAs(page, PERSONAS.owner2, { callbackUrl: "/catalog?q=credit-risk-pd" });
  await page.getByRole("link", { name: "credit-risk-pd", exact: true }).click();
  await page.getByRole("row", { name: /^2 / }).getByRole("link", { name: "Reproducibility" }).click();
  const panel = page.getByRole("region", { name: "Reproducibility" });
  await expect(panel.getByText("Not reproducible")).toBeVisible();
  await expect(panel.getByText('Read from the moving head of branch "main", not a commit.')).toBeVisible();
  // Its training data feeds the high-risk credit use case, so the version carries that tier.
  await expect(page.getByRole("region", { name: "Risk through lineage" }).getByText("high risk").first()).toBeVisible();
});

test("the Spark column-lineage events show column edges at column level", async ({ page }) => {
  await signInAs(page, PERSONAS.reviewer, { callbackUrl: "/catalog?q=cll_test%20tbl1" });
  await page.getByRole("link", { name: "/tmp/cll_test/tbl1" }).click();
  await page.getByRole("link", { name: "Lineage graph" }).click();
  await expect(page.getByTestId("lineage-canvas").locator(".react-flow__node").first()).toBeVisible();
  await page.getByLabel("Column level").check();
  await page.getByRole("button", { name: "Table" }).click();
  const table = page.getByRole("table", { name: "Lineage edges" });
  await expect(table.getByRole("row", { name: "/tmp/cll_test/cll_source1.a /tmp/cll_test/tbl1.ident" })).toBeVisible();
});

test("impact analysis sums up what is affected and pages the downstream assets with Load more", async ({ page }) => {
  await signInAs(page, PERSONAS.owner, { callbackUrl: "/catalog?q=orders_daily" });
  await page.getByRole("link", { name: "curated/orders_daily" }).click();
  await page.getByRole("link", { name: "Impact analysis" }).click();
  const summary = page.getByRole("region", { name: "Summary" });
  await expect(summary.getByText("Downstream assets")).toBeVisible();
  await expect(summary.getByText("prod: 1")).toBeVisible();

  // One asset per page, so the list has to be paged (the demo catalog is small).
  const url = new URL(page.url());
  url.searchParams.set("limit", "1");
  await page.goto(url.toString());
  const table = page.getByRole("table", { name: "Downstream assets" });
  await expect(table.getByRole("row")).toHaveCount(2);
  const more = page.getByRole("button", { name: "Load more downstream assets" });
  await more.focus();
  await page.keyboard.press("Enter");
  await expect(page.getByText(/^All \d+ shown\.$/)).toBeVisible();
  const rows = await table.getByRole("row").count();
  expect(rows).toBeGreaterThan(2);
  await expect(more).toBeHidden();
  await expect(table.getByRole("link", { name: "demand-forecast", exact: true })).toBeVisible();
});
