import { expect, test } from "@playwright/test";
import { login } from "./helpers";

test("a manager previews a CSV, fixes it, imports it, then finds and exports the product", async ({ page }) => {
  const sku = `IMP-${Date.now().toString(36).toUpperCase()}`;
  const fixedSku = `${sku}-B`;
  await login(page, "manager@example.com");
  await page.goto("/inventory/import");
  const main = page.locator("#main");
  await expect(page.getByRole("heading", { name: "Import products" })).toBeVisible();
  await expect(main.getByTestId("import-template")).toHaveAttribute("download", "products-template.csv");

  // One valid new product and one row with a negative price (line 3).
  const paste = page.getByLabel("Or paste the CSV");
  await paste.fill(["sku,name,price,category", `${sku},Imported lantern,42.50,Outdoor`, `${fixedSku},Imported candle,-3.00,Home`].join("\n"));
  await page.getByRole("button", { name: "Preview", exact: true }).click();

  const errorRow = main.getByTestId("import-error");
  await expect(errorRow).toHaveCount(1);
  await expect(errorRow.locator("td").nth(0)).toHaveText("3");
  await expect(errorRow.locator("td").nth(1)).toHaveText("price");
  await expect(errorRow.locator("td").nth(2)).toHaveText("Price must not be negative");
  await expect(main.getByTestId("count-create")).toHaveText("1");
  await expect(main.getByTestId("count-error-lines")).toHaveText("1");
  await expect(main.getByTestId("import-blocked")).toHaveText("Fix the file and preview again.");
  await expect(page.getByRole("button", { name: /^Import \d+ products?$/ })).toBeDisabled();

  // Fix the row: editing the text drops the stale preview; preview again.
  await paste.fill(["sku,name,price,category", `${sku},Imported lantern,42.50,Outdoor`, `${fixedSku},Imported candle,3.00,Home`].join("\n"));
  await expect(main.getByTestId("import-preview")).toHaveCount(0);
  await page.getByRole("button", { name: "Preview", exact: true }).click();
  await expect(main.getByTestId("count-create")).toHaveText("2");
  await expect(main.getByTestId("import-error")).toHaveCount(0);
  await expect(main.getByTestId(`import-row-${sku}`)).toContainText("New");
  const importButton = page.getByRole("button", { name: "Import 2 products" });
  await expect(importButton).toBeEnabled();
  await importButton.click();

  await expect(main.getByTestId("import-done")).toContainText("Imported: 2 new, 0 updated");
  await expect(page.getByTestId("toast").filter({ hasText: "Imported: 2 new, 0 updated" })).toBeVisible();
  await main.getByTestId("import-done").getByRole("link", { name: "Back to inventory" }).click();
  await expect(page).toHaveURL(/\/inventory$/);

  // The product is in the list, found by search.
  await page.goto(`/inventory?q=${encodeURIComponent(sku)}`);
  await expect(main.getByText(sku, { exact: true })).toBeVisible();

  // And in the export of that search.
  const res = await page.request.get(`/inventory/export?q=${encodeURIComponent(sku)}`);
  expect(res.status()).toBe(200);
  expect(res.headers()["content-type"]).toBe("text/csv; charset=utf-8");
  expect(res.headers()["content-disposition"]).toMatch(/^attachment; filename="products-\d{4}-\d{2}-\d{2}\.csv"$/);
  const body = await res.text();
  expect(body).toContain("sku,name,price,cost,barcode,category,weight_grams,active,description,on_hand,reserved,available");
  expect(body).toContain(`${sku},Imported lantern,42.50,,,Outdoor,,true,,0,0,0`);
  expect(body).toContain(`${fixedSku},Imported candle,3.00,`);
});

test("the export refuses a signed-out request with a JSON 401", async ({ request }) => {
  const res = await request.get("/inventory/export");
  expect(res.status()).toBe(401);
  expect((await res.json()).error.code).toBe("UNAUTHENTICATED");
});

test("a viewer cannot open the import page", async ({ page }) => {
  await login(page, "viewer@example.com");
  await page.goto("/inventory/import");
  await expect(page.locator("#main").getByText("Not available for your role")).toBeVisible();
  await expect(page.getByLabel("Or paste the CSV")).toHaveCount(0);
});
