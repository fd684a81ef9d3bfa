import { expect, test } from "@playwright/test";
import { PERSONAS, signInAs } from "../fixtures/auth";

const unique = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;

test("an admin creates a team, after the form names the bad slug", async ({ page }) => {
  const name = `Fraud Lab ${unique()}`;
  await signInAs(page, PERSONAS.admin, { callbackUrl: "/admin/teams" });
  await page.getByRole("button", { name: "New team" }).click();
  const dialog = page.getByRole("dialog", { name: "New team" });
  await dialog.getByLabel("Name").fill(name);
  await dialog.getByLabel("Slug").fill("Not A Slug!");
  await dialog.getByRole("button", { name: "Create team" }).click();
  await expect(dialog.getByRole("alert")).toContainText("lowercase letters");
  await dialog.getByLabel("Slug").fill(name.toLowerCase().replace(/\s+/g, "-"));
  await dialog.getByLabel("Description").fill("Model validation for fraud");
  await dialog.getByRole("button", { name: "Create team" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("table", { name: "Teams" }).getByRole("row", { name: new RegExp(name) })).toContainText("Model validation for fraud");
});

test("an admin creates a token for another user, whose secret is shown once, and revokes it", async ({ page }) => {
  const name = `airflow ${unique()}`;
  await signInAs(page, PERSONAS.admin, { callbackUrl: "/admin/tokens" });
  await page.getByRole("button", { name: "Create token for a user" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Find the user").fill("rita");
  await dialog.getByLabel("User", { exact: true }).selectOption({ label: "Rita Gomez (rita.reviewer@demo.local)" });
  await dialog.getByLabel("Name").fill(name);
  await dialog.getByRole("checkbox", { name: /lineage:write/ }).check();
  await dialog.getByLabel("Expires after").selectOption({ label: "7 days" });
  await dialog.getByRole("button", { name: "Create token" }).click();
  await expect(page.getByTestId("new-token-secret")).toHaveText(/^coe_/);
  await page.getByRole("button", { name: "I have stored it" }).click();
  const row = page.getByTestId(`token-row-${name}`);
  await expect(row).toContainText("rita.reviewer@demo.local");
  await expect(row).toContainText("lineage:write");
  // The secret is gone for good: nothing on the page shows it again.
  await expect(page.getByTestId("new-token-secret")).toHaveCount(0);
  await row.getByRole("button", { name: `Revoke ${name}` }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Revoke token" }).click();
  await expect(row).toContainText("Revoked");
});

test("a reviewer sees no admin navigation and is refused on admin pages", async ({ page }) => {
  await signInAs(page, PERSONAS.reviewer, { callbackUrl: "/admin/users" });
  await expect(page.getByText("You do not have access to this page")).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Users & roles" })).toHaveCount(0);
  await expect(page.getByRole("table", { name: "Users" })).toHaveCount(0);
});

test("the audit log pages with Load more, without repeating or skipping events", async ({ page }) => {
  test.setTimeout(120_000);
  const prefix = `bulk ${unique()}`;
  await signInAs(page, PERSONAS.admin);
  // 55 changes by the API make more than one page (50) of token.created events.
  for (let i = 0; i < 55; i++) {
    const res = await page.request.post("/api/v1/tokens", { data: { name: `${prefix} ${i}`, scopes: ["read"], expiresInDays: 1 } });
    expect(res.status()).toBe(201);
  }
  await page.goto(`/audit?action=token.created&actor=${encodeURIComponent(PERSONAS.admin)}`);
  const rows = page.getByTestId("audit-row");
  await expect(rows).toHaveCount(50);
  await page.getByRole("button", { name: "Load more" }).click();
  await expect.poll(() => rows.count()).toBeGreaterThanOrEqual(55);
  const seqs = await page.getByRole("button", { name: /Details of event/ }).evaluateAll((els) => els.map((e) => e.textContent));
  expect(new Set(seqs).size).toBe(seqs.length);
  await expect(page.getByLabel("Action")).toHaveValue("token.created");
});

test("the API reference is public and groups every endpoint by tag", async ({ page }) => {
  await page.goto("/api-docs");
  await expect(page).toHaveURL(/\/api-docs$/);
  await expect(page.getByRole("heading", { level: 1, name: "AI CoE Portal API" })).toBeVisible();
  const tokens = page.getByRole("region", { name: "API tokens" });
  const create = tokens.getByRole("article", { name: "Create an API token; the secret is in this response only" });
  await expect(create).toContainText(/post/i); // shown in capitals by CSS
  await expect(create).toContainText("/api/v1/tokens");
  await expect(create).toContainText("scopes");
  await expect(create).toContainText("422");
  const doc = await (await page.request.get("/api/v1/openapi.json")).json();
  const operations = Object.values(doc.paths as Record<string, object>).reduce((n, ops) => n + Object.keys(ops).length, 0);
  await expect(page.getByRole("article")).toHaveCount(operations);
});
