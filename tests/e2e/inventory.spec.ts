import { expect, test } from "@playwright/test";
import { login } from "./helpers";

test("a manager creates a product, adjusts its stock and sees the history", async ({ page }) => {
  const sku = `E2E-${Date.now().toString(36).toUpperCase()}`;
  await login(page, "manager@example.com");
  await page.goto("/inventory");
  await page.getByRole("link", { name: "New product" }).click();
  // Field errors first: nothing is created.
  await page.getByLabel("SKU", { exact: true }).fill("has space");
  await page.getByLabel("Price", { exact: true }).fill("-3");
  await page.getByRole("button", { name: "Create product" }).click();
  await expect(page.locator("[data-field-error=p-sku]")).toContainText("no spaces");
  await expect(page.locator("[data-field-error=p-name]")).toHaveText("Enter a name");
  await expect(page.locator("[data-field-error=p-price]")).toHaveText("Must not be negative");

  await page.getByLabel("SKU", { exact: true }).fill(sku);
  await page.getByLabel("Name", { exact: true }).fill("End-to-end lantern");
  await page.getByLabel("Price", { exact: true }).fill("42.50");
  await page.getByLabel("Standard cost").fill("12.00");
  await page.getByRole("button", { name: "Create product" }).click();
  await expect(page.getByRole("heading", { name: "End-to-end lantern" })).toBeVisible();

  // +25 at MAIN
  await page.getByRole("button", { name: "Adjust stock" }).click();
  let dialog = page.getByRole("dialog");
  await dialog.getByLabel("Warehouse").selectOption("MAIN");
  await dialog.getByLabel("Change").fill("25");
  await dialog.getByLabel("Reason").selectOption({ label: "Found" });
  await dialog.getByLabel("Unit cost (optional)").fill("11.00");
  await dialog.getByRole("button", { name: "Record adjustment" }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.locator("#main").getByTestId("stock-MAIN")).toContainText("25");

  // Taking more than there is is refused with a clear message, nothing changes.
  await page.getByRole("button", { name: "Adjust stock" }).click();
  dialog = page.getByRole("dialog");
  await dialog.getByLabel("Warehouse").selectOption("MAIN");
  await dialog.getByLabel("Change").fill("-30");
  await dialog.getByLabel("Reason").selectOption({ label: "Damaged" });
  await dialog.getByRole("button", { name: "Record adjustment" }).click();
  await expect(dialog.getByText(/Cannot remove 30: only 25/)).toBeVisible();
  await page.keyboard.press("Escape");

  // −4 damaged
  await page.getByRole("button", { name: "Adjust stock" }).click();
  dialog = page.getByRole("dialog");
  await dialog.getByLabel("Warehouse").selectOption("MAIN");
  await dialog.getByLabel("Change").fill("-4");
  await dialog.getByLabel("Reason").selectOption({ label: "Damaged" });
  await dialog.getByRole("button", { name: "Record adjustment" }).click();
  await expect(dialog).toHaveCount(0);
  await page.reload();
  await expect(page.locator("#main").getByTestId("total-on-hand")).toHaveText("21");
  const history = page.locator("#main").getByRole("table").last();
  await expect(history.getByRole("row").nth(1)).toContainText("-4");
  await expect(history.getByRole("row").nth(1)).toContainText("21");
  await expect(history.getByRole("row").nth(2)).toContainText("+25");

  // It shows in the list, found by search.
  await page.goto(`/inventory?q=${sku}`);
  await expect(page.locator("#main").getByRole("link", { name: sku })).toBeVisible();
});

test("a viewer sees stock but cannot adjust or create", async ({ page }) => {
  await login(page, "viewer@example.com");
  await page.goto("/inventory");
  await expect(page.getByRole("link", { name: "New product" })).toHaveCount(0);
  await page.locator("#main").getByRole("link", { name: "LAMP-DESK" }).click();
  await expect(page.getByRole("heading", { name: "Desk lamp" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Adjust stock" })).toHaveCount(0);
  await page.goto("/inventory/products/new");
  await expect(page.locator("#main").getByText("Not available for your role")).toBeVisible();
});

test("low stock, valuation and stock-as-of views show the demo data", async ({ page }) => {
  await login(page, "manager@example.com");
  await page.goto("/inventory/low-stock");
  await expect(page.locator("#main").getByRole("row")).not.toHaveCount(1);
  await page.goto("/inventory/valuation");
  const total = await page.locator("#main").getByTestId("valuation-total").textContent();
  await expect(page.locator("#main").getByTestId("valuation-ledger")).toHaveText(total!);
  await page.goto("/inventory/as-of?wh=MAIN");
  await expect(page.locator("#main").getByRole("link", { name: "MUG-STONE" })).toBeVisible();
});
