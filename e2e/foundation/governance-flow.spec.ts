import { expect, test } from "@playwright/test";
import { PERSONAS, signInAs } from "../fixtures/auth";

// Issue 3's check, end to end through the UI: an admin signed in with single sign-on
// gives a user the reviewer role, creates an API token, calls the API with it,
// revokes it, and finds all three changes in the audit log.

test("an admin grants a role, creates and revokes an API token, and finds each change in the audit log", async ({ browser, page, request }) => {
  test.setTimeout(120_000); // two OIDC sign-ins and a dozen page loads on a shared 2-core machine
  const unique = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
  const newcomer = `new.hire${unique}@example.test`;
  const tokenName = `ci pipeline ${unique}`;

  // A newcomer signs in once: the OIDC sign-in provisions them without any role.
  const newcomerContext = await browser.newContext();
  const newcomerPage = await newcomerContext.newPage();
  await signInAs(newcomerPage, newcomer);
  await expect(newcomerPage.getByText("no role yet")).toBeVisible();
  await newcomerContext.close();

  // The admin gives the newcomer the reviewer role.
  await signInAs(page, PERSONAS.admin);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Users & roles" }).click();
  await page.getByLabel("Search users").fill(newcomer);
  const row = page.getByTestId(`user-row-${newcomer}`);
  await expect(row).toContainText("No role");
  await row.getByRole("button", { name: /Edit roles and teams/ }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByRole("checkbox", { name: /Reviewer/ }).check();
  await dialog.getByRole("button", { name: "Save changes" }).click();
  await expect(dialog).toBeHidden();
  await expect(row).toContainText("Reviewer");

  // The admin creates an API token for themself; the secret is shown once.
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "My API tokens" }).click();
  await page.getByRole("button", { name: "Create token" }).click();
  await page.getByLabel("Name").fill(tokenName);
  await page.getByRole("dialog").getByRole("button", { name: "Create token" }).click();
  const secret = (await page.getByTestId("new-token-secret").textContent())!.trim();
  expect(secret).toMatch(/^coe_[a-z0-9]{8}_[A-Za-z0-9_-]{43}$/);
  await page.getByRole("button", { name: "I have stored it" }).click();
  await expect(page.getByTestId("new-token-secret")).toHaveCount(0);
  await expect(page.getByTestId(`token-row-${tokenName}`)).toContainText("Active");

  // The token works on the API: GET /api/v1/me answers with the user and the token's scopes.
  const auth = { Authorization: `Bearer ${secret}` };
  const me = await request.get("/api/v1/me", { headers: auth });
  expect(me.status()).toBe(200);
  expect(await me.json()).toMatchObject({ email: PERSONAS.admin, via: "token", scopes: ["read"], roles: ["admin"] });
  const users = await (await request.get(`/api/v1/users?q=${encodeURIComponent(newcomer)}`, { headers: auth })).json();
  const newcomerId: string = users.items[0].id;
  const tokens = await (await request.get("/api/v1/tokens", { headers: auth })).json();
  const tokenId: string = tokens.items.find((t: { name: string }) => t.name === tokenName).id;

  // Revoking it, with confirmation, makes the API refuse it.
  await page.getByTestId(`token-row-${tokenName}`).getByRole("button", { name: `Revoke ${tokenName}` }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Revoke token" }).click();
  await expect(page.getByTestId(`token-row-${tokenName}`)).toContainText("Revoked");
  const after = await request.get("/api/v1/me", { headers: auth });
  expect(after.status()).toBe(401);
  expect(after.headers()["content-type"]).toContain("application/problem+json");

  // All three changes are on the audit page.
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Audit log" }).click();
  await page.getByLabel("Entity id").fill(newcomerId);
  await page.getByRole("button", { name: "Apply filters" }).click();
  const roleEvent = page.locator('[data-testid="audit-row"][data-action="user.access_changed"]');
  await expect(roleEvent).toHaveCount(1);
  await expect(roleEvent).toContainText(PERSONAS.admin);
  await roleEvent.getByRole("button", { name: /Details/ }).click();
  await expect(page.getByRole("table", { name: "Changes" })).toContainText('["reviewer"]');

  await page.getByLabel("Entity id").fill(tokenId);
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page.locator('[data-testid="audit-row"][data-action="token.revoked"]')).toHaveCount(1);
  await expect(page.locator('[data-testid="audit-row"][data-action="token.created"]')).toHaveCount(1);
  await expect(page.getByTestId("audit-row")).toHaveCount(2);
});
