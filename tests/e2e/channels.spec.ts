import { createHmac } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { login } from "./helpers";

const uniqueCode = () => `E${Date.now().toString(36).toUpperCase().slice(-6)}`;

async function expectNoHorizontalOverflow(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

/** A webhook delivery signed as CONTRACT §4 says (t=<unix s>,v1=<hex HMAC-SHA256 of "<t>.<body>">). */
function deliver(page: Page, code: string, secret: string) {
  const body = JSON.stringify({ id: `evt-${Date.now()}`, type: "order.cancelled", data: { externalId: "NO-SUCH-ORDER" } });
  const t = Math.floor(Date.now() / 1000);
  const v1 = createHmac("sha256", secret).update(`${t}.${body}`).digest("hex");
  return page.request.post(`/api/v1/channels/${code}/webhooks`, { data: body, headers: { "content-type": "application/json", "quartermaster-signature": `t=${t},v1=${v1}` } });
}

test("an admin creates a channel with warehouses in a chosen order and sees its webhook secret once", async ({ page }) => {
  await login(page, "admin@example.com");
  await page.goto("/channels");
  const main = page.locator("#main");
  await expect(page.getByRole("heading", { name: "Channels", exact: true })).toBeVisible();

  const code = uniqueCode();
  const name = `E2E marketplace ${code}`;
  await page.getByRole("button", { name: "New channel" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Code", { exact: true }).fill(code.toLowerCase());
  await expect(dialog.getByLabel("Code", { exact: true })).toHaveValue(code);
  await dialog.getByLabel("Name", { exact: true }).fill(name);
  await dialog.getByLabel("Type", { exact: true }).selectOption({ label: "Marketplace" });
  await dialog.getByLabel("Platform", { exact: true }).selectOption({ label: "Walmart" });
  await expect(dialog.getByLabel("Currency", { exact: true })).toHaveValue("USD");

  // Preferred warehouses: MAIN, then EAST; then EAST is moved up with the keyboard.
  const add = dialog.getByLabel("Add a warehouse", { exact: true });
  await add.selectOption("MAIN");
  await dialog.getByRole("button", { name: "Add", exact: true }).click();
  await add.selectOption("EAST");
  await dialog.getByRole("button", { name: "Add", exact: true }).click();
  const order = dialog.getByTestId("warehouse-order").locator("li");
  await expect(order).toHaveText([/1\.\s*MAIN/, /2\.\s*EAST/]);
  await dialog.getByRole("button", { name: "Move EAST up" }).focus();
  await page.keyboard.press("Enter");
  await expect(order).toHaveText([/1\.\s*EAST/, /2\.\s*MAIN/]);
  // Focus stays with the moved warehouse.
  await expect(dialog.getByRole("button", { name: "Move EAST down" })).toBeFocused();

  await dialog.getByLabel("Allow split shipments").uncheck();
  await dialog.getByLabel("Sales tax rate", { exact: true }).fill("8.25");
  await dialog.getByRole("button", { name: "Create channel" }).click();

  const secretField = dialog.getByLabel("Webhook secret", { exact: true });
  await expect(secretField).toHaveValue(/^whsec_[A-Za-z0-9_-]{20,}$/);
  const secret = await secretField.inputValue();
  await expect(dialog).toContainText("only time the webhook secret is shown");
  await dialog.getByRole("button", { name: "Done" }).click();
  await expect(dialog).toHaveCount(0);

  const row = main.getByTestId(`channel-row-${code}`);
  await expect(row).toContainText(name);
  await expect(row).toContainText("Marketplace · Walmart");
  await expect(main.getByTestId(`channel-warehouses-${code}`)).toHaveText("EAST → MAIN");
  await expect(row).toContainText("8.25% excl. tax");
  await expect(row).toContainText("Not allowed");
  // Shown once: the page never contains the secret.
  expect(await page.content()).not.toContain(secret);

  // The secret signs deliveries: with it the event is checked (no such order: 404), without it 401.
  expect((await deliver(page, code, secret)).status()).toBe(404);
  expect((await deliver(page, code, "whsec_wrong")).status()).toBe(401);

  // The detail page: the webhook address, rotation, and the channel's API keys.
  await row.getByRole("link", { name: code }).click();
  await expect(page).toHaveURL(new RegExp(`/channels/${code}$`));
  await expect(page.getByRole("heading", { name: `${code} · ${name}` })).toBeVisible();
  await expect(main.getByTestId("webhook-url")).toHaveValue(new RegExp(`^https?://[^/]+/api/v1/channels/${code}/webhooks$`));
  await expect(main.getByTestId("webhook-signature-format")).toContainText("Quartermaster-Signature: t=");
  await expect(main.getByTestId("warehouse-order").locator("li")).toHaveText([/1\.\s*EAST/, /2\.\s*MAIN/]);
  await expect(main.getByLabel("Code", { exact: true })).toHaveAttribute("readonly", "");

  await page.getByRole("button", { name: "Rotate webhook secret" }).click();
  const rotate = page.getByRole("dialog");
  await expect(rotate).toContainText("stops working");
  await rotate.getByRole("button", { name: "Rotate secret" }).click();
  const fresh = rotate.getByLabel("Webhook secret", { exact: true });
  await expect(fresh).toHaveValue(/^whsec_/);
  const newSecret = await fresh.inputValue();
  expect(newSecret).not.toBe(secret);
  await rotate.getByRole("button", { name: "Done" }).click();
  expect((await deliver(page, code, secret)).status()).toBe(401);
  expect((await deliver(page, code, newSecret)).status()).toBe(404);

  await page.getByRole("button", { name: "New channel key" }).click();
  const keyDialog = page.getByRole("dialog");
  await keyDialog.getByLabel("Name", { exact: true }).fill("E2E sync");
  await keyDialog.getByRole("button", { name: "Create key" }).click();
  const keyField = keyDialog.getByLabel("API key", { exact: true });
  await expect(keyField).toHaveValue(/^qm_[A-Za-z0-9]{12}_[A-Za-z0-9]{32}$/);
  const key = await keyField.inputValue();
  await keyDialog.getByRole("button", { name: "Done" }).click();
  const prefix = key.split("_").slice(0, 2).join("_");
  const keyRow = main.getByTestId(`channel-key-row-${prefix}`);
  await expect(keyRow).toContainText("E2E sync");
  await expect(keyRow).toContainText("Active");

  const auth = { authorization: `Bearer ${key}` };
  expect((await page.request.get("/api/v1/inventory?sku=MUG-STONE", { headers: auth })).status()).toBe(200);
  expect((await page.request.get("/api/v1/channels", { headers: auth })).status()).toBe(403);
  await keyRow.getByRole("button", { name: "Revoke" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Revoke" }).click();
  await expect(keyRow).toContainText("Revoked");
  expect((await page.request.get("/api/v1/inventory?sku=MUG-STONE", { headers: auth })).status()).toBe(401);

  // At phone width nothing overflows the page.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.reload();
  await expect(main.getByTestId("webhook-url")).toBeVisible();
  await expectNoHorizontalOverflow(page);
  await page.goto("/channels");
  await expect(main.getByTestId(`channel-row-${code}`)).toBeVisible();
  await expectNoHorizontalOverflow(page);
});

test("a manager sees the channels but cannot create or change any", async ({ page }) => {
  await login(page, "manager@example.com");
  await page.goto("/channels");
  const main = page.locator("#main");
  await expect(page.getByRole("heading", { name: "Channels", exact: true })).toBeVisible();
  const web = main.getByTestId("channel-row-WEB");
  await expect(web).toContainText("Own web shop");
  await expect(main.getByTestId("channel-warehouses-WEB")).toHaveText("MAIN → EAST");
  await expect(main.getByTestId("channel-row-AMZ")).toContainText("Marketplace · Amazon");
  await expect(main.getByTestId("channel-row-STORE")).toContainText("8.25% incl. tax");
  await expect(page.getByRole("button", { name: "New channel" })).toHaveCount(0);

  await web.getByRole("link", { name: "WEB", exact: true }).click();
  await expect(page).toHaveURL(/\/channels\/WEB$/);
  await expect(main.getByTestId("channel-summary")).toContainText("8.25% excl. tax");
  await expect(main.getByTestId("webhook-url")).toHaveValue(/\/api\/v1\/channels\/WEB\/webhooks$/);
  await expect(page.getByRole("button", { name: "Rotate webhook secret" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "New channel key" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Save changes" })).toHaveCount(0);

  await page.goto("/channels/NO-SUCH-CHANNEL");
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
});
