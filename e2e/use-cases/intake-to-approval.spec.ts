import { expect, test, type Browser, type Page } from "@playwright/test";
import { PERSONAS, signInAs } from "../fixtures/auth";

// The whole path of issue 4: a product owner files a high-risk use case (draft saved,
// reload, submit), two reviewers score it independently and disagree (one @mentions the
// owner), an approver approves, the owner sees the state and the explained priority, the
// dashboard counts it, and the mention waits in the owner's notifications.

async function as(browser: Browser, email: string, path: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signInAs(page, email, { callbackUrl: path });
  await page.goto(path);
  return page;
}

/** Reads a number from a dashboard chart's table view. */
async function dashboardCount(page: Page, chart: string, row: string): Promise<number> {
  const card = page.getByTestId(chart);
  // Wait for the chart to load, then switch it to its table view.
  await expect(card.getByRole("button", { name: /^Show (table|chart)$/ })).toBeVisible({ timeout: 30_000 });
  const toggle = card.getByRole("button", { name: "Show table" });
  if (await toggle.isVisible()) await toggle.click();
  const cell = card.getByRole("row", { name: new RegExp(`^${row}\\b`) }).getByRole("cell").nth(1);
  return Number(await cell.innerText());
}

async function score(page: Page, values: Record<string, string>) {
  const form = page.getByRole("form", { name: "Your score" });
  for (const [label, v] of Object.entries(values)) await form.getByLabel(new RegExp(`^${label}`)).selectOption(v);
  await form.getByRole("button", { name: /Submit my score/ }).click();
  await expect(form.getByRole("status")).toHaveText("Score saved");
}

test("a high-risk use case goes from intake through disagreeing scores to approval and onto the dashboard", async ({ browser }) => {
  test.setTimeout(300_000); // seven sign-ins through SSO on a shared 2-core machine
  const title = `Shift scheduling assistant ${Date.now()}`;

  const exec = await as(browser, PERSONAS.exec, "/dashboards/portfolio");
  const approvedBefore = await dashboardCount(exec, "funnel", "Approved for build");
  const highBefore = await dashboardCount(exec, "tiers", "high");

  // Intake by the product owner: the risk screening makes it high risk.
  const owner = await as(browser, PERSONAS.owner, "/use-cases/new");
  await owner.getByLabel("Title").fill(title);
  await owner.getByLabel("Problem statement").fill("Store managers build shift plans by hand every week and candidates for open shifts are picked ad hoc.");
  await owner.getByLabel("Business owner").fill("Head of Store Operations");
  await owner.getByLabel("Intended users").fill("Store managers");
  await owner.getByRole("button", { name: "Next" }).click();
  await owner.getByLabel("Value type").selectOption("cost");
  await owner.getByLabel("Confidence in the estimate").selectOption("medium");
  await owner.getByLabel(/low estimate/).fill("150");
  await owner.getByLabel(/high estimate/).fill("400");
  await owner.getByLabel("Success metrics").fill("Planning time per store down 50%");
  await owner.getByRole("button", { name: "Next" }).click();
  // The data needed: a catalog dataset, linked through the catalog's search, and a description.
  await owner.getByLabel("Find a catalog dataset").fill("orders daily");
  await owner.getByRole("button", { name: "Link curated/orders_daily" }).click();
  await expect(owner.getByRole("list", { name: "Linked datasets" })).toContainText("curated/orders_daily");
  await owner.getByLabel("Data needed").fill("Rosters, footfall, sales per hour");
  await owner.getByLabel("Data readiness").selectOption("3");
  await owner.getByLabel("Feasibility").selectOption("4");
  await owner.getByLabel("Operational complexity").selectOption("2");
  await owner.getByRole("button", { name: "Next" }).click();
  await owner.getByLabel(/recruitment, hiring, promotion, task allocation/).check();
  await expect(owner.getByTestId("risk-result")).toContainText("high: used in hiring decisions");
  await expect(owner.getByTestId("save-status")).toHaveText(/Draft saved/);
  await expect(owner).toHaveURL(/\/use-cases\/[0-9a-f-]+\/edit$/);

  // The draft survives a reload.
  await owner.reload();
  await expect(owner.getByLabel("Title")).toHaveValue(title);
  // Emptying a field is saved too (the linked dataset still names the data), and stays empty after a reload.
  await owner.getByRole("button", { name: "3. Data & feasibility" }).click();
  await expect(owner.getByLabel("Data needed")).toHaveValue("Rosters, footfall, sales per hour");
  const saved = owner.waitForResponse((r) => r.request().method() === "PATCH" && r.ok());
  await owner.getByLabel("Data needed").fill("");
  await saved;
  await owner.reload();
  await owner.getByRole("button", { name: "3. Data & feasibility" }).click();
  await expect(owner.getByLabel("Data needed")).toHaveValue("");
  await owner.getByRole("button", { name: "4. Risk screening" }).click();
  await expect(owner.getByLabel(/recruitment, hiring, promotion, task allocation/)).toBeChecked();
  await owner.getByRole("button", { name: "Submit for review" }).click();
  await expect(owner.getByTestId("use-case-state")).toHaveText("Submitted");
  const url = new URL(owner.url()).pathname;
  await expect(owner.getByTestId("risk-rule")).toHaveText("high: used in hiring decisions");
  const linked = owner.getByRole("list", { name: "Linked catalog datasets" }).getByRole("link", { name: "curated/orders_daily" });
  await expect(linked).toHaveAttribute("href", /^\/catalog\/[0-9a-f-]{36}$/);

  // Two reviewers score independently; the second sees nothing until scoring, and disagrees.
  const rita = await as(browser, PERSONAS.reviewer, url);
  await rita.getByRole("button", { name: "Start review" }).click();
  await expect(rita.getByTestId("use-case-state")).toHaveText("In review");
  await score(rita, { "Business impact": "5", "Technical feasibility": "4", "Data readiness": "3", "Operational complexity": "2", "Residual risk": "3" });
  await rita.getByLabel("Add a comment").fill("@priya.owner the value range looks optimistic: which footfall source is it based on?");
  await rita.getByRole("button", { name: "Post comment" }).click();
  await expect(rita.getByText(/^Mentions: /)).toBeVisible();

  const ravi = await as(browser, PERSONAS.reviewer2, url);
  await expect(ravi.getByText(/1 score submitted\. Others' scores stay hidden/)).toBeVisible();
  await score(ravi, { "Business impact": "2", "Technical feasibility": "4", "Data readiness": "3", "Operational complexity": "2", "Residual risk": "3" });
  await expect(ravi.getByText("Reviewers disagree")).toBeVisible();

  // The approver approves.
  const ana = await as(browser, PERSONAS.approver, url);
  await ana.getByRole("button", { name: "Approve for build" }).click();
  await expect(ana.getByTestId("use-case-state")).toHaveText("Approved for build");

  // The owner sees the state and how the priority was made.
  await owner.reload();
  await expect(owner.getByTestId("use-case-state")).toHaveText("Approved for build");
  const explanation = owner.getByTestId("priority-explanation");
  await expect(explanation.getByRole("row", { name: /Business impact/ })).toContainText("3.5");
  await expect(owner.getByTestId("priority")).toContainText("from 2 scores");
  await expect(owner.getByTestId("rank-reason").or(owner.getByText("Lowest-ranked scored use case you can see."))).toBeVisible();

  // The dashboard counts it in the right funnel stage and tier.
  await exec.reload();
  expect(await dashboardCount(exec, "funnel", "Approved for build")).toBe(approvedBefore + 1);
  expect(await dashboardCount(exec, "tiers", "high")).toBe(highBefore + 1);

  // The reviewer's @mention and the decision reached the owner: the bell counts them, the
  // inbox says who approved, and marks the mention read.
  await expect(owner.getByTestId("notification-bell")).toHaveAttribute("aria-label", /([2-9]|\d\d+) unread/);
  await owner.getByTestId("notification-bell").click();
  const aboutIt = owner.getByTestId("notification").filter({ hasText: title });
  await expect(aboutIt.filter({ hasText: "approved for build" })).toHaveCount(1);
  const mention = aboutIt.filter({ hasText: "mentioned you on" });
  await expect(mention).toHaveCount(1);
  await mention.getByRole("button", { name: /^Mark read/ }).click();
  await expect(mention.getByRole("button", { name: /^Mark read/ })).toHaveCount(0);
});
