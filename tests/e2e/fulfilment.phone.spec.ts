import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { login } from "./helpers";

/**
 * The warehouse flow on a 390 px phone, typed as a keyboard-wedge scanner types (characters, then
 * Enter): single-order wave from the order page → scan-to-pick (a wrong bin refused) → pack → ship
 * → the order is shipped, the stock left, the reservation consumed, integrity clean. A short pick
 * leaves the missing units backordered.
 */

const run = Date.now().toString(36).toUpperCase();

async function adminKey(page: Page): Promise<string> {
  await login(page, "admin@example.com");
  await page.goto("/settings/api-keys");
  await expect(page.locator("html[data-hydrated]")).toHaveCount(1);
  await page.getByRole("button", { name: "New API key" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Name", { exact: true }).fill(`E2E fulfilment ${run}`);
  await dialog.getByRole("button", { name: "Create key" }).click();
  const key = await dialog.getByLabel("API key", { exact: true }).inputValue();
  await dialog.getByRole("button", { name: "Done" }).click();
  return key;
}

async function setUp(request: APIRequestContext, key: string, sku: string, stock: number, ordered: number) {
  const h = { authorization: `Bearer ${key}` };
  expect((await request.post("/api/v1/products", { headers: h, data: { sku, name: `Test item ${sku}`, price: "9.50", cost: "4.00" } })).status()).toBe(201);
  expect((await request.post("/api/v1/inventory/adjustments", { headers: h, data: { sku, warehouse: "MAIN", quantity: stock, reason: "initial", unitCost: "4.00" } })).status()).toBe(201);
  const res = await request.post("/api/v1/orders", {
    headers: h,
    data: {
      channel: "STORE",
      externalId: `E2E-${sku}`,
      currency: "USD",
      customer: { name: "Pat Picker", email: `pat-${run.toLowerCase()}@example.test` },
      shippingAddress: { name: "Pat Picker", line1: "9 Harbour Way", city: "Springfield", postalCode: "62701", country: "US" },
      lines: [{ sku, quantity: ordered, unitPrice: "9.50" }],
    },
  });
  expect(res.status()).toBe(201);
  return (await res.json()) as { id: string; number: string; status: string };
}

async function inventory(request: APIRequestContext, key: string, sku: string) {
  const r = await request.get(`/api/v1/inventory?sku=${sku}`, { headers: { authorization: `Bearer ${key}` } });
  return ((await r.json()) as { items: { onHand: number; reserved: number }[] }).items[0]!;
}

async function scan(page: Page, code: string) {
  const input = page.locator("#main").getByTestId("scan-input");
  await expect(input).toBeEnabled();
  await input.pressSequentially(code);
  await input.press("Enter");
}

test("pick, pack and ship an order on a phone with scanner input", async ({ page, browser }) => {
  const adminPage = await (await browser.newContext({ baseURL: test.info().project.use.baseURL })).newPage();
  const key = await adminKey(adminPage);
  const sku = `E2E-PICK-${run}`;
  const order = await setUp(adminPage.request, key, sku, 5, 2);
  expect(order.status).toBe("allocated");
  expect(await inventory(adminPage.request, key, sku)).toMatchObject({ onHand: 5, reserved: 2 });

  await login(page, "warehouse@example.com");
  await page.goto(`/orders/${order.id}`);
  await expect(page.locator("html[data-hydrated]")).toHaveCount(1);
  await page.getByRole("button", { name: "Pick now at MAIN" }).click();
  await expect(page).toHaveURL(/\/fulfilment\/pick\/\d+$/);
  const screen = page.locator("#main").getByTestId("pick-screen");
  await expect(screen.getByTestId("task-bin")).toHaveText("RECV");
  await expect(screen.getByTestId("current-task")).toContainText(sku);
  await expect(screen.getByRole("progressbar")).toHaveAttribute("aria-valuenow", "0");

  // A wrong bin is refused loudly and nothing moves on.
  await scan(page, "EAST-RECV");
  await expect(screen.getByTestId("scan-error")).toContainText("is in warehouse EAST");
  await scan(page, "MAIN-NOPE");
  await expect(screen.getByTestId("scan-error")).toContainText("Unknown bin");
  await scan(page, "MAIN-RECV");
  await expect(screen.getByTestId("scan-notice")).toContainText("Bin RECV");
  // The wrong item too.
  await scan(page, "MUG-STONE");
  await expect(screen.getByTestId("scan-error")).toContainText("Wrong item");
  await scan(page, sku);
  const qty = screen.getByTestId("qty-input");
  await expect(qty).toHaveValue("2");
  await qty.press("Enter");
  await expect(screen.getByTestId("wave-complete")).toBeVisible();
  await expect(screen.getByRole("progressbar")).toHaveAttribute("aria-valuenow", "2");

  // Pack: the station knows what was picked; scanning more than that is refused.
  await page.goto(`/fulfilment/pack/${order.id}?warehouse=MAIN`);
  await expect(page.locator("html[data-hydrated]")).toHaveCount(1);
  const station = page.locator("#main").getByTestId("pack-station");
  const packScan = station.getByTestId("pack-scan");
  for (let i = 0; i < 2; i++) {
    await expect(packScan).toBeEnabled();
    await packScan.pressSequentially(sku);
    await packScan.press("Enter");
    await expect(station.getByTestId(`packed-${sku}`)).toHaveText(`${i + 1} / 2`);
  }
  await packScan.pressSequentially(sku);
  await packScan.press("Enter");
  await expect(station.getByTestId("pack-error")).toContainText("this one is extra");
  await station.getByLabel("Box").selectOption("S");
  await station.getByLabel("Weight (g)").fill("650");
  await station.getByTestId("close-package").click();
  await expect(station.getByTestId("all-packed")).toBeVisible();

  // Ship with a typed tracking number; a missing one gets a field error first.
  const shipForm = station.locator("[data-testid^=ship-form-]");
  await shipForm.getByRole("button", { name: "Ship" }).click();
  await expect(shipForm.locator("[data-field-error]")).toContainText("Required");
  const tracking = `1ZE2E${run}`;
  await shipForm.getByLabel("Service").selectOption("Express");
  await shipForm.getByLabel("Tracking number").fill(tracking);
  await shipForm.getByRole("button", { name: "Ship" }).click();
  await expect(station.getByTestId("shipment-text")).toContainText(tracking);
  const label = await page.request.get((await station.getByRole("link", { name: "Shipping label" }).getAttribute("href"))!);
  expect(label.headers()["content-type"]).toBe("application/pdf");

  await page.goto(`/orders/${order.id}`);

  await expect(page.locator("html[data-hydrated]")).toHaveCount(1);
  await expect(page.locator("#main").getByTestId("order-status")).toHaveText("Shipped");
  await expect(page.locator("#main").getByTestId("order-packages")).toContainText(tracking);
  // The stock left the warehouse and the reservation was consumed.
  expect(await inventory(adminPage.request, key, sku)).toMatchObject({ onHand: 3, reserved: 0 });

  await adminPage.goto("/settings/health");
  await expect(adminPage.locator("#main").getByTestId("integrity-summary")).toContainText("checks passed");
  await adminPage.context().close();
});

test("a short pick on the phone leaves the missing units backordered", async ({ page, browser }) => {
  const adminPage = await (await browser.newContext({ baseURL: test.info().project.use.baseURL })).newPage();
  const key = await adminKey(adminPage);
  const sku = `E2E-SHORT-${run}`;
  const order = await setUp(adminPage.request, key, sku, 3, 3);

  await login(page, "warehouse@example.com");
  await page.goto(`/orders/${order.id}`);
  await expect(page.locator("html[data-hydrated]")).toHaveCount(1);
  await page.getByRole("button", { name: "Pick now at MAIN" }).click();
  const screen = page.locator("#main").getByTestId("pick-screen");
  await scan(page, "MAIN-RECV");
  await scan(page, sku);
  // Only one is on the shelf.
  await screen.getByTestId("qty-input").fill("1");
  await screen.getByTestId("report-short").click();
  await expect(screen.getByTestId("scan-notice")).toContainText("2 short recorded; 0 re-allocated, 2 backordered");
  await expect(screen.getByTestId("wave-complete")).toBeVisible();

  const o = await adminPage.request.get(`/api/v1/orders/${order.id}`, { headers: { authorization: `Bearer ${key}` } });
  const body = (await o.json()) as { lines: { allocated: number; backordered: number; shipped: number }[] };
  expect(body.lines[0]).toMatchObject({ allocated: 1, backordered: 2, shipped: 0 });
  // The two missing units were written off the bin; the picked one waits, reserved, at packing.
  expect(await inventory(adminPage.request, key, sku)).toMatchObject({ onHand: 1, reserved: 1 });
  await adminPage.goto("/settings/health");
  await expect(adminPage.locator("#main").getByTestId("integrity-summary")).toContainText("checks passed");
  await adminPage.context().close();
});
