import { expect, test, type Page } from "@playwright/test";
import { login } from "./helpers";

/**
 * Inbound on a 390 px phone: a manager orders from a supplier and sends the PO; warehouse staff
 * receive it by typing scans (one unit damaged, an unknown item refused) and put it away into
 * the suggested bin; stock, the PO and integrity agree.
 */

const run = Date.now().toString(36).toUpperCase();
const hydrated = (page: Page) => expect(page.locator("html[data-hydrated]")).toHaveCount(1);

test("order, receive and put away a purchase on a phone", async ({ page, browser }) => {
  const admin = await (await browser.newContext({ baseURL: test.info().project.use.baseURL })).newPage();
  await login(admin, "admin@example.com");
  await admin.goto("/settings/api-keys");
  await admin.getByRole("button", { name: "New API key" }).click();
  const dialog = admin.getByRole("dialog");
  await dialog.getByLabel("Name", { exact: true }).fill(`E2E purchasing ${run}`);
  await dialog.getByRole("button", { name: "Create key" }).click();
  const key = await dialog.getByLabel("API key", { exact: true }).inputValue();
  await dialog.getByRole("button", { name: "Done" }).click();
  const h = { authorization: `Bearer ${key}` };
  const sku = `E2E-BUY-${run}`;
  expect((await admin.request.post("/api/v1/products", { headers: h, data: { sku, name: `Bought item ${run}`, price: "12.00", cost: "5.00" } })).status()).toBe(201);

  // The manager orders 6 from a demo supplier and sends the order.
  await login(page, "manager@example.com");
  await page.goto("/purchasing/orders/new");
  await hydrated(page);
  const main = page.locator("#main");
  await main.getByLabel("Supplier", { exact: true }).selectOption("NORTHWIND");
  await main.getByLabel("Deliver to warehouse").selectOption("MAIN");
  await main.getByLabel("SKU", { exact: true }).fill(sku);
  await main.getByLabel("Quantity", { exact: true }).fill("6");
  await main.getByLabel("Unit cost (empty: the supplier's price)").fill("4.50");
  await main.getByRole("button", { name: "Create draft" }).click();
  await expect(page).toHaveURL(/\/purchasing\/orders\/[0-9a-f-]{36}$/);
  const poUrl = page.url();
  await expect(main.getByTestId("po-status")).toHaveText("Draft");
  await main.getByRole("button", { name: "Send to supplier" }).click();
  await expect(main.getByTestId("po-status")).toHaveText("Sent");
  const poNumber = (await main.getByRole("heading", { level: 1 }).innerText()).trim();
  expect(poNumber).toMatch(/^PO-\d+$/);

  // Warehouse staff receive it on the phone, typing as a scanner types.
  await page.context().clearCookies();
  await login(page, "warehouse@example.com");
  // The PO's barcode is scanned at the dock (here: typed, then Enter).
  await page.goto("/purchasing/receive");
  await hydrated(page);
  const poScan = main.getByTestId("po-scan");
  await poScan.pressSequentially("PO-999999");
  await poScan.press("Enter");
  await expect(main.getByTestId("po-scan-error")).toContainText("No purchase order PO-999999");
  await main.getByTestId("po-scan").fill("");
  await main.getByTestId("po-scan").pressSequentially(poNumber);
  await main.getByTestId("po-scan").press("Enter");
  await expect(page).toHaveURL(/\/purchasing\/receive\/[0-9a-f-]{36}$/);
  await hydrated(page);
  const screen = main.getByTestId("receive-screen");
  const scan = screen.getByTestId("receive-scan");
  await scan.pressSequentially("NOT-ON-THIS-PO");
  await scan.press("Enter");
  await expect(screen.getByTestId("receive-error")).toContainText("is not on this purchase order");
  await scan.pressSequentially(sku);
  await scan.press("Enter");
  await expect(screen.getByTestId("receive-qty")).toHaveValue("6");
  await screen.getByTestId("receive-qty").fill("5");
  await screen.getByTestId("receive-damaged").fill("1");
  await screen.getByTestId("receive-add").click();
  await expect(screen.getByTestId("receive-pending")).toContainText("5 + 1 damaged");
  await screen.getByTestId("receive-submit").click();
  await expect(screen.getByTestId("receive-notice")).toContainText("is now received");

  const inv = async () => ((await (await admin.request.get(`/api/v1/inventory?sku=${sku}`, { headers: h })).json()) as { items: { onHand: number; warehouses: { code: string; onHand: number }[] }[] }).items[0]!;
  expect((await inv()).warehouses.find((w) => w.code === "MAIN")?.onHand).toBe(5);

  // Put away: the item waits in receiving; the screen suggests an empty bin; scan it.
  await screen.getByRole("link", { name: "Put away" }).click();
  await expect(page).toHaveURL(/\/purchasing\/putaway\?warehouse=MAIN$/);
  const pw = main.getByTestId("putaway-screen");
  await expect(pw.getByTestId("putaway-queue")).toContainText(sku);
  const item = pw.getByTestId("putaway-item");
  await item.pressSequentially(sku);
  await item.press("Enter");
  const suggestion = (await pw.getByTestId("putaway-suggested").innerText()).replace(/^Suggested:\s*/, "").split(",")[0]!.trim();
  expect(suggestion).toMatch(/^[A-Z]-\d{2}-\d{2}$/);
  await pw.getByTestId("putaway-bin").pressSequentially(`MAIN-${suggestion}`);
  await expect(pw.getByTestId("putaway-qty")).toHaveValue("5");
  await pw.getByTestId("putaway-confirm").click();
  await expect(pw.getByTestId("putaway-notice")).toContainText(`5 × ${sku} put away in ${suggestion}`);
  await expect(pw.getByTestId("putaway-queue").getByText(sku)).toHaveCount(0);

  // The PO shows what arrived; stock and the books agree.
  await page.goto(poUrl);
  await expect(main.getByTestId(`po-line-${sku}`).getByTestId("received")).toHaveText("5");
  expect((await inv()).warehouses.find((w) => w.code === "MAIN")?.onHand).toBe(5);
  await admin.goto("/settings/health");
  await expect(admin.locator("#main").getByTestId("integrity-summary")).toContainText("checks passed");
  await admin.context().close();
});
