import { expect, test, type Page } from "@playwright/test";
import { login } from "./helpers";

const uniqueCode = () => `T${Date.now().toString(36).toUpperCase().slice(-6)}`;

async function expectNoHorizontalOverflow(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

test("a manager creates a warehouse and a bin in it, and sees both in the tree", async ({ page }) => {
  await login(page, "manager@example.com");
  await page.goto("/warehouse");
  const main = page.locator("#main");
  await expect(page.getByRole("heading", { name: "Warehouses" })).toBeVisible();

  const code = uniqueCode();
  const name = `E2E warehouse ${code}`;
  await page.getByRole("button", { name: "New warehouse" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Code", { exact: true }).fill(code.toLowerCase());
  await dialog.getByLabel("Name", { exact: true }).fill(name);
  await dialog.getByLabel("City", { exact: true }).fill("Testville");
  await dialog.getByLabel("Country", { exact: true }).fill("us");
  await dialog.getByRole("button", { name: "Create warehouse" }).click();
  await expect(dialog).toHaveCount(0);

  const row = main.getByTestId(`warehouse-row-${code}`);
  await expect(row).toContainText(name);
  await expect(row).toContainText("Testville, US");
  await row.getByRole("link", { name: code }).click();
  await expect(page).toHaveURL(new RegExp(`/warehouse/${code}$`));
  await expect(page.getByRole("heading", { name: `${code} · ${name}` })).toBeVisible();
  await expect(main.getByTestId("location-row-RECV")).toContainText("Default");

  await page.getByRole("button", { name: "New location" }).click();
  const locDialog = page.getByRole("dialog");
  await locDialog.getByLabel("Kind", { exact: true }).selectOption({ label: "Bin" });
  await locDialog.getByLabel("Inside", { exact: true }).selectOption("IN");
  await locDialog.getByLabel("Code", { exact: true }).fill("E2E-01");
  await locDialog.getByLabel("Name", { exact: true }).fill("E2E bin");
  await locDialog.getByLabel("Walk x (m)").fill("5");
  await locDialog.getByLabel("Walk y (m)").fill("2");
  await locDialog.getByRole("button", { name: "Create location" }).click();
  await expect(locDialog).toHaveCount(0);

  const bin = main.getByTestId("location-row-E2E-01");
  await expect(bin).toContainText("E2E bin");
  await expect(bin).toContainText("Bin");
  await expect(bin).toContainText(`${code}-E2E-01`);
  await expect(bin).toContainText("5, 2");
  // The tree: the zone first, then its bins (by code).
  const order = await main.locator("[data-testid^=location-row-]").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-testid")));
  expect(order).toEqual(["location-row-IN", "location-row-E2E-01", "location-row-RECV"]);

  // A bin cannot hold locations: it is not offered as a parent.
  await page.getByRole("button", { name: "New location" }).click();
  await expect(page.getByRole("dialog").getByLabel("Inside", { exact: true }).locator("option")).toHaveText([/top level/, /Zone IN/]);
  await page.keyboard.press("Escape");

  await page.goto("/warehouse");
  await expect(main.getByTestId(`warehouse-row-${code}`).getByRole("cell").nth(3)).toHaveText("2");

  // At phone width the tables scroll inside their container; nothing overflows the page.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/warehouse");
  await expect(main.getByTestId("warehouse-row-MAIN")).toBeVisible();
  await expectNoHorizontalOverflow(page);
  await page.goto("/warehouse/MAIN");
  await expect(main.getByTestId("location-row-RECV")).toBeVisible();
  await expectNoHorizontalOverflow(page);
});

test("a viewer sees the warehouses but cannot create any", async ({ page }) => {
  await login(page, "viewer@example.com");
  await page.goto("/warehouse");
  const main = page.locator("#main");
  await expect(main.getByTestId("warehouse-row-MAIN")).toBeVisible();
  await expect(main.getByTestId("warehouse-row-EAST")).toBeVisible();
  await expect(main.getByTestId("virtual-locations")).toContainText("Returns / quarantine");
  await expect(page.getByRole("button", { name: "New warehouse" })).toHaveCount(0);

  await main.getByRole("link", { name: "MAIN", exact: true }).click();
  await expect(page).toHaveURL(/\/warehouse\/MAIN$/);
  await expect(main.getByTestId("location-row-RECV")).toContainText("Default");
  await expect(page.getByRole("button", { name: "New location" })).toHaveCount(0);

  await page.goto("/warehouse/NO-SUCH-WAREHOUSE");
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
});

test("an admin creates an API key, uses it, revokes it, and the key stops working", async ({ page }) => {
  await login(page, "admin@example.com");
  await page.goto("/settings");
  await page.locator("#main").getByRole("link", { name: /API keys/ }).click();
  await expect(page).toHaveURL(/\/settings\/api-keys$/);
  await expect(page.getByRole("heading", { name: "API keys", exact: true })).toBeVisible();

  const name = `E2E key ${Date.now().toString(36)}`;
  await page.getByRole("button", { name: "New API key" }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog.getByLabel("Kind", { exact: true })).toBeDisabled();
  await dialog.getByLabel("Name", { exact: true }).fill(name);
  await dialog.getByRole("button", { name: "Create key" }).click();
  const keyField = dialog.getByLabel("API key", { exact: true });
  await expect(keyField).toHaveValue(/^qm_[A-Za-z0-9]{12}_[A-Za-z0-9]{32}$/);
  const key = await keyField.inputValue();
  await expect(dialog).toContainText("only time the key is shown");
  await dialog.getByRole("button", { name: "Done" }).click();
  await expect(dialog).toHaveCount(0);

  const prefix = key.split("_").slice(0, 2).join("_");
  const row = page.locator("#main").getByTestId(`api-key-row-${prefix}`);
  await expect(row).toContainText(name);
  await expect(row).toContainText("Admin");
  await expect(row).toContainText("Active");
  // Shown once: the page itself never contains the key.
  expect(await page.content()).not.toContain(key);

  const call = () => page.request.get("/api/v1/warehouses", { headers: { authorization: `Bearer ${key}` } });
  const ok = await call();
  expect(ok.status()).toBe(200);
  const body = (await ok.json()) as { items: { code: string }[] };
  expect(body.items.map((i) => i.code)).toContain("MAIN");

  await row.getByRole("button", { name: "Revoke" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Revoke" }).click();
  await expect(row).toContainText("Revoked");
  await expect(row.getByRole("button", { name: "Revoke" })).toHaveCount(0);
  await expect(row).not.toContainText("Never");

  const refused = await call();
  expect(refused.status()).toBe(401);
});

test("only admins reach the API keys page", async ({ page }) => {
  await login(page, "manager@example.com");
  await page.goto("/settings");
  await expect(page.locator("#main").getByRole("link", { name: /API keys/ })).toHaveCount(0);
  await page.goto("/settings/api-keys");
  await expect(page.locator("#main").getByText("Not available for your role")).toBeVisible();
  await expect(page.getByRole("button", { name: "New API key" })).toHaveCount(0);
});
