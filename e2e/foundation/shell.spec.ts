import { expect, test } from "@playwright/test";
import { PERSONAS, signInAs } from "../fixtures/auth";

test("an admin signs in through single sign-on and sees the portal shell", async ({ page }) => {
  await signInAs(page, PERSONAS.admin);
  await expect(page.getByTestId("current-user")).toHaveText("Adam Admin");
  const nav = page.getByRole("navigation", { name: "Main" });
  await expect(nav.getByRole("link", { name: "Users & roles" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Audit log" })).toBeVisible();
});
