import { expect, test } from "@playwright/test";
import { startDemoServer, type AppServer } from "../fixtures/servers";

let server: AppServer;
test.beforeAll(async () => {
  test.setTimeout(90_000);
  server = await startDemoServer();
});
test.afterAll(async () => {
  await server?.stop();
});

test("in demo mode the persona picker signs in as the chosen persona", async ({ page }) => {
  await page.goto(`${server.url}/`);
  await expect(page).toHaveURL(/\/signin/);
  await expect(page.getByRole("heading", { name: "Demo mode: pick a persona" })).toBeVisible();
  // Demo mode and single sign-on never coexist.
  await expect(page.getByRole("button", { name: "Sign in with single sign-on" })).toHaveCount(0);
  await page.getByRole("button", { name: /Ana Novak/ }).click();
  await expect(page.getByTestId("current-user")).toHaveText("Ana Novak");
  await expect(page.getByText("Demo mode", { exact: true })).toBeVisible();
  // The persona's roles apply: an approver reads the audit log but has no admin pages.
  const nav = page.getByRole("navigation", { name: "Main" });
  await expect(nav.getByRole("link", { name: "Audit log" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Users & roles" })).toHaveCount(0);
});
