import { expect, test } from "@playwright/test";
import { PERSONAS, signInAs } from "../fixtures/auth";

// The approvals inbox's two lists and a rollback's diff, and the delivery page's matrix filters
// and "what ran at a date", on the demo data: prod runs demand-forecast v2 (v1 before it), with
// a rollback of v2 waiting for a second approver; Ana asked for it; staging runs v3.

test("the inbox shows a waiting rollback against the version it brings back, and keeps what the caller cannot decide under 'All visible'", async ({ page }) => {
  await signInAs(page, PERSONAS.approver, { callbackUrl: "/approvals" });
  const list = page.getByRole("list", { name: "Waiting promotions and rollbacks" });
  const rollback = list.getByTestId(/^inbox-\d+$/).filter({ hasText: "Forecast bias on promotional weeks" });
  await expect(page.getByRole("radio", { name: "I can decide" })).toBeChecked();
  // Ana asked for this rollback, so it is not hers to decide.
  await expect(list.or(page.getByText(/^(No promotion or rollback is waiting for your decision\.|Nothing is waiting for your decision)$/))).toBeVisible();
  await expect(rollback).toHaveCount(0);

  await page.getByRole("radio", { name: "All visible" }).check();
  await expect(rollback).toBeVisible();
  await expect(rollback.getByRole("columnheader", { name: "Comes back (v1)" })).toBeVisible();
  await expect(rollback.getByRole("columnheader", { name: /^Runs now \(v\S+\)$/ })).toBeVisible();
  await expect(rollback).toContainText("You asked for this rollback; separation of duties says someone else must approve it.");
  await expect(rollback.getByRole("button", { name: "Approve rollback" })).toHaveCount(0);
  await expect(rollback).toContainText("rollback asked for by Ana Novak");

  // Narrowed to one environment: the rollback is Production's.
  await page.getByLabel("Environment").selectOption({ label: "Development" });
  await expect(rollback).toHaveCount(0);
  await page.getByLabel("Environment").selectOption({ label: "Production" });
  await expect(rollback).toBeVisible();
});

test("the delivery page filters the matrix by model name and drift, and pages what ran at a date", async ({ page }) => {
  await signInAs(page, PERSONAS.exec, { callbackUrl: "/delivery" });
  const filters = page.getByRole("form", { name: "Filter the environment matrix" });
  const matrix = page.getByTestId("environment-matrix");

  await filters.getByLabel("Model name").fill("no-such-model");
  await filters.getByRole("button", { name: "Filter" }).click();
  await expect(page.getByText("No deployed model matches these filters")).toBeVisible();
  await page.getByRole("link", { name: "Clear filters" }).click();
  await expect(matrix.getByRole("row", { name: /^credit-risk-pd / })).toBeVisible();

  await filters.getByLabel("Model name").fill("credit-risk");
  await filters.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/[?&]q=credit-risk/);
  await expect(matrix.getByRole("row", { name: /^credit-risk-pd / })).toBeVisible();
  await expect(matrix.getByRole("row", { name: /^demand-forecast / })).toHaveCount(0);

  // Staging has run demand-forecast v3 since October while prod runs v2: it drifts.
  await filters.getByLabel("Model name").fill("demand");
  await filters.getByLabel("Drift only").check();
  await filters.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/[?&]drift=only/);
  await expect(matrix.getByRole("row", { name: /^demand-forecast / })).toContainText(/prod behind staging for \d+ days/);
  await expect(matrix.getByRole("row", { name: /^credit-risk-pd / })).toHaveCount(0);

  // The matrix filters stay while the date form is used.
  const moment = page.getByRole("form", { name: "Choose a moment" });
  await moment.getByLabel("Date and time").fill("2026-09-21T12:00");
  await moment.getByLabel("Environment").selectOption({ label: "Production" });
  await moment.getByRole("button", { name: "Show" }).click();
  const running = page.getByRole("list", { name: "Deployments running at that moment" });
  await expect(running).toContainText("demand-forecast v2");
  await expect(running).not.toContainText("credit-risk-pd");
  await expect(page).toHaveURL(/[?&]q=demand/);
  await expect(matrix.getByRole("row", { name: /^demand-forecast / })).toBeVisible();
});
