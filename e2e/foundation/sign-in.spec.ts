import { expect, test } from "@playwright/test";
import { PERSONAS, signInAs, signOut } from "../fixtures/auth";
import { startShortSessionServer, type AppServer } from "../fixtures/servers";

test("a signed-out visit to a portal page redirects to sign-in and comes back after it", async ({ page }) => {
  await page.goto("/audit");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Faudit/);
  await expect(page.getByRole("button", { name: "Sign in with single sign-on" })).toBeVisible();
  await signInAs(page, PERSONAS.approver, { callbackUrl: "/audit" });
  await expect(page).toHaveURL(/\/audit$/);
  await expect(page.getByRole("heading", { name: "Audit log" })).toBeVisible();
});

test("the API answers 401 with a problem body to a request without a session or token", async ({ request }) => {
  const res = await request.get("/api/v1/me");
  expect(res.status()).toBe(401);
  expect(await res.json()).toMatchObject({ status: 401, title: expect.any(String) });
});

test("signing out ends the portal session", async ({ page }) => {
  await signInAs(page, PERSONAS.reviewer);
  await expect(page.getByTestId("current-user")).toHaveText("Rita Gomez");
  await signOut(page);
  expect((await page.request.get("/api/v1/me")).status()).toBe(401);
  await page.goto("/");
  await expect(page).toHaveURL(/\/signin/);
});

test.describe("with short sessions", () => {
  const MAX_AGE = 10;
  let server: AppServer;
  test.beforeAll(async () => {
    test.setTimeout(90_000);
    server = await startShortSessionServer(MAX_AGE);
  });
  test.afterAll(async () => {
    await server?.stop();
  });

  test("an expired session is refused by the server and the user must sign in again", async ({ page, playwright }) => {
    test.setTimeout(90_000);
    await signInAs(page, PERSONAS.reviewer, { baseURL: server.url });
    const cookie = (await page.context().cookies(server.url)).find((c) => c.name.endsWith("next-auth.session-token"));
    expect(cookie, "the session cookie").toBeTruthy();
    // Replay the very cookie the browser got, so the server's own expiry check is tested,
    // not only the browser dropping an expired cookie.
    const api = await playwright.request.newContext({ baseURL: server.url, extraHTTPHeaders: { cookie: `${cookie!.name}=${cookie!.value}` } });
    expect((await api.get("/api/v1/me")).status()).toBe(200);
    // next-auth allows 15 s of clock skew on top of the session's maximum age.
    await expect.poll(async () => (await api.get("/api/v1/me")).status(), { timeout: (MAX_AGE + 15 + 20) * 1000, intervals: [1000] }).toBe(401);
    await api.dispose();
    await page.goto(`${server.url}/audit`);
    await expect(page).toHaveURL(/\/signin/);
  });
});
