import { expect, test } from "@playwright/test";
import { PERSONAS, signInAs } from "../fixtures/auth";

test("an admin signs in through single sign-on and sees the portal shell", async ({ page }) => {
  await signInAs(page, PERSONAS.admin);
  await expect(page.getByTestId("current-user")).toHaveText("Adam Admin");
  const nav = page.getByRole("navigation", { name: "Main" });
  await expect(nav.getByRole("link", { name: "Users & roles" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Audit log" })).toBeVisible();
});

test("a reviewer's home lists the use cases waiting for their score, and one opens from there", async ({ page }) => {
  await signInAs(page, PERSONAS.reviewer2);
  const toScore = page.getByRole("region", { name: /Use cases waiting for your score/ });
  await expect(toScore).toBeVisible();
  const first = toScore.getByRole("listitem").first().getByRole("link");
  const title = (await first.textContent())!;
  await first.focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
});

test("a product owner's home shows their own unfinished use cases and no scoring", async ({ page }) => {
  await signInAs(page, PERSONAS.owner);
  await expect(page.getByRole("region", { name: /Your use cases to finish/ })).toBeVisible();
  await expect(page.getByRole("region", { name: /Use cases waiting for your score/ })).toHaveCount(0);
});
