import { expect, test } from "@playwright/test";
import { login, uniqueEmail } from "./helpers";

/** MUG-STONE is the 6th catalogue item of the demo; barcodes count up from 4006381333900 (lib/seed/demo-inventory.ts). */
const MUG_BARCODE = "4006381333905";

test("staff enter a manual order by typing a barcode, see its allocation and reason, and cancel it", async ({ page }) => {
  const email = uniqueEmail("walk-in");
  await login(page, "manager@example.com");
  await page.goto("/orders/new");
  const main = page.locator("#main");

  // The demo's channels (WEB, AMZ, STORE) are seeded with the demo company; without them there is nothing to test.
  await expect(main.getByTestId("empty-state"), "No sales channel exists: the demo seed must create WEB, AMZ and STORE").toHaveCount(0);
  const channel = page.getByLabel("Channel", { exact: true });
  const codes = await channel.locator("option").evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
  expect(codes, "The demo channel STORE (in-store, MAIN) is missing from the channel select").toContain("STORE");
  await channel.selectOption("STORE");

  // A keyboard-wedge scanner types the digits and presses Enter.
  const scan = page.getByLabel("Scan or type barcode / SKU");
  await scan.click();
  await scan.pressSequentially(MUG_BARCODE);
  await scan.press("Enter");
  const line = main.getByTestId("order-line-MUG-STONE");
  await expect(line).toBeVisible();
  await expect(line).toContainText("Stoneware mug");
  await expect(line.getByLabel("Unit price (USD)")).toHaveValue("16.00");
  await expect(scan).toHaveValue("");
  await line.getByLabel("Quantity").fill("2");

  // An unknown code is answered at the scan field, and adds nothing.
  await scan.pressSequentially("0000000000000");
  await scan.press("Enter");
  await expect(main.locator("[data-field-error=mo-scan]")).toContainText("No product has the barcode or SKU");
  await expect(main.getByTestId(/^order-line-/)).toHaveCount(1);

  await page.getByLabel("Customer name").fill("Wendy Walk-in");
  await page.getByLabel("Customer email").fill(email);
  await page.getByLabel("Pick up in store").check();
  await page.getByRole("button", { name: "Create order" }).click();

  // The order page: allocated from MAIN, and why.
  await expect(page).toHaveURL(/\/orders\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { name: /^SO-\d{6}$/ })).toBeVisible();
  await expect(main.getByTestId("order-status")).toHaveText("Allocated");
  await expect(main.getByTestId("allocation-MAIN")).toBeVisible();
  await expect(main.getByTestId("allocation-MAIN")).toContainText("2 units");
  await expect(main.getByTestId("allocation-reason").first()).toContainText("Whole order from one warehouse");
  await expect(main.getByTestId("line-MUG-STONE").getByTestId("line-allocated")).toHaveText("2");
  await expect(main.getByTestId("ship-to")).toContainText("Pick-up in store");
  await expect(main.getByTestId("external-id")).toHaveText(/^MAN-/);

  // Cancel, after confirming.
  await page.getByRole("button", { name: "Cancel order" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Reason (optional)").fill("Customer changed their mind");
  await dialog.getByRole("button", { name: "Cancel order" }).click();
  await expect(dialog).toHaveCount(0);
  await expect(main.getByTestId("order-status")).toHaveText("Cancelled");
  const latest = main.getByTestId("timeline-entry").first();
  await expect(latest).toContainText("Allocated → Cancelled");
  await expect(latest).toContainText("Cancelled: Customer changed their mind");
  await expect(latest).toContainText("manager@example.com");
  await expect(page.getByRole("button", { name: "Cancel order" })).toHaveCount(0);

  // The list finds it by the customer's email.
  await page.goto(`/orders?q=${encodeURIComponent(email)}`);
  await expect(main.getByRole("row")).toHaveCount(2);
  await expect(main.getByRole("row").nth(1)).toContainText("Cancelled");
});

test("a viewer sees the order list but cannot enter orders", async ({ page }) => {
  await login(page, "viewer@example.com");
  await page.goto("/orders");
  await expect(page.getByRole("heading", { name: "Orders", exact: true })).toBeVisible();
  await expect(page.getByRole("link", { name: "Export CSV" })).toBeVisible();
  await expect(page.getByRole("link", { name: "New order" })).toHaveCount(0);
  await page.goto("/orders/new");
  await expect(page.locator("#main").getByText("Not available for your role")).toBeVisible();
});
