import { expect, test } from "@playwright/test";
import pg from "pg";
import { e2eDatabaseUrl } from "../support/app-env";
import { PERSONAS, signInAs } from "../fixtures/auth";

// The catalog's filter counts: exact from the maintained counts without a text query,
// over the first 1,000 matches of a text query with more matches, and said so.

test("the catalog shows exact filter counts for a kind, and says a text query's counts are lower bounds when more than 1,000 assets match", async ({ page }) => {
  const word = `facetword${Date.now().toString(36)}`;
  const db = new pg.Client({ connectionString: e2eDatabaseUrl() });
  await db.connect();
  try {
    await db.query(
      `INSERT INTO assets (kind, namespace, name, tags)
       SELECT CASE WHEN i <= 3 THEN 'model'::"AssetKind" ELSE 'dataset'::"AssetKind" END, 'lakefs://' || $1, $1 || '_' || i, ARRAY[$1]
       FROM generate_series(1, 1005) AS i`, [word]);
    await signInAs(page, PERSONAS.reviewer, { callbackUrl: `/catalog?q=${word}` });
    const results = page.getByRole("region", { name: "Results" });
    const filters = page.getByRole("complementary", { name: "Filters" });
    await expect(results.getByRole("link", { name: new RegExp(`^${word}_\\d+$`) })).toHaveCount(25);
    await expect(filters.getByRole("note")).toHaveText("Counts from the first 1,000 matches: more match, so each count is at least the number shown.");
    await expect(filters.getByRole("link", { name: /^Dataset \([\d,]+\+\)$/ })).toBeVisible();
    await expect(filters.getByRole("link", { name: /^lakefs:\/\/facetword\w+ \([\d,]+\+\)$/ })).toBeVisible();
    await page.screenshot({ path: "test-results/catalog-facets-approximate.png", fullPage: true });

    // Fewer matches than the sample: exact, and a filter link narrows the list.
    await page.goto(`/catalog?q=${word}&kind=model`);
    await expect(filters.getByRole("note")).toHaveText("3 assets in all.");
    await expect(filters.getByRole("link", { name: "Model (3) ✕" })).toHaveAttribute("aria-current", "true");
    await expect(results.getByRole("link", { name: new RegExp(`^${word}_\\d+$`) })).toHaveCount(3);

    // No text query: the kept counts, exact however many match.
    await page.goto("/catalog?kind=model");
    await expect(filters.getByRole("note")).toHaveText(/^[\d,]+ assets in all\.$/);
    await expect(filters.getByRole("link", { name: /^Model \([\d,]+\) ✕$/ })).toBeVisible();
    await expect(filters.getByRole("link", { name: `lakefs://${word} (3)` })).toBeVisible();
    await page.screenshot({ path: "test-results/catalog-facets-exact.png", fullPage: true });
  } finally {
    await db.query("DELETE FROM assets WHERE namespace = $1", [`lakefs://${word}`]);
    await db.end();
  }
});
