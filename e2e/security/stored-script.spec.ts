import { expect, test } from "@playwright/test";
import pg from "pg";
import { e2eDatabaseUrl } from "../support/app-env";
import { signInAs } from "../fixtures/auth";

// Bad-input sweep, the page half (issue 7): a hostile string stored through any
// field is rendered as text, never executed. The shell prints the signed-in user's
// name on every page, so a name holding markup is the first stored string every
// page renders. (Fields of pages that land later get the same check in their specs.)

const HOSTILE = `<script>window.__pwned = "script"</script><img src=x onerror="window.__pwned = 'img'">\u202Eevil\u200B`;

test("a stored <script> in a user's name is shown as text on the page, not executed", async ({ page }) => {
  const email = "erin.exec@demo.local";
  await signInAs(page, email);
  const db = new pg.Client({ connectionString: e2eDatabaseUrl() });
  await db.connect();
  const { rows } = await db.query<{ name: string }>("SELECT name FROM users WHERE email = $1", [email]);
  try {
    await db.query("UPDATE users SET name = $1 WHERE email = $2", [HOSTILE, email]);
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.reload();
    await expect(page.getByTestId("current-user")).toHaveText(HOSTILE);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned)).toBeUndefined();
    expect(await page.locator("main script, header script").filter({ hasText: "__pwned" }).count()).toBe(0);
    expect(errors).toEqual([]);
  } finally {
    await db.query("UPDATE users SET name = $1 WHERE email = $2", [rows[0]!.name, email]);
    await db.end();
  }
});
