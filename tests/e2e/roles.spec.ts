import { expect, test } from "@playwright/test";
import { login } from "./helpers";

const NAV = ["Dashboard", "Orders", "Customers", "Inventory", "Warehouse", "Purchasing", "Accounting", "Channels", "Settings"];

const ROLES = [
  { email: "admin@example.com", role: "Admin", hidden: [] as string[], users: true },
  { email: "manager@example.com", role: "Manager", hidden: [], users: false },
  { email: "warehouse@example.com", role: "Warehouse", hidden: ["Accounting", "Channels"], users: false },
  { email: "accountant@example.com", role: "Accountant", hidden: ["Warehouse", "Channels"], users: false },
  { email: "viewer@example.com", role: "Viewer", hidden: [], users: false },
];

for (const r of ROLES) {
  test(`${r.role} signs in and sees what the role may`, async ({ page }) => {
    await login(page, r.email);
    await expect(page.getByTestId("current-role")).toHaveText(r.role);
    const nav = page.getByRole("navigation", { name: "Main navigation" });
    for (const item of NAV) {
      if (r.hidden.includes(item)) await expect(nav.getByRole("link", { name: item })).toHaveCount(0);
      else await expect(nav.getByRole("link", { name: item })).toBeVisible();
    }
    await page.goto("/settings/users");
    if (r.users) {
      await expect(page.getByRole("heading", { name: "Users" })).toBeVisible();
      await expect(page.locator("#main").getByTestId("user-row-viewer@example.com")).toBeVisible();
    } else {
      await expect(page.locator("#main").getByText("Not available for your role")).toBeVisible();
      await expect(page.locator("#main").getByTestId("user-row-admin@example.com")).toHaveCount(0);
    }
    for (const hidden of r.hidden) {
      await page.goto(`/${hidden.toLowerCase()}`);
      await expect(page.locator("#main").getByText("Not available for your role")).toBeVisible();
    }
  });
}

test("a viewer reads purchasing (the demo's orders and suppliers) but cannot buy", async ({ page }) => {
  await login(page, "viewer@example.com");
  await page.goto("/purchasing");
  const main = page.locator("#main");
  await expect(main.getByTestId("purchase-orders")).toContainText("Northwind Traders");
  await expect(main.getByRole("link", { name: "New purchase order" })).toHaveCount(0);
  await page.goto("/purchasing/suppliers");
  await expect(main.getByTestId("suppliers")).toContainText("ACME");
  await expect(main.getByTestId("create-supplier")).toHaveCount(0);
  await page.goto("/purchasing/orders/new");
  await expect(main.getByTestId("new-po")).toHaveCount(0);
});

test("signed-out visitors are sent to the login page", async ({ page }) => {
  await page.goto("/accounting");
  await expect(page).toHaveURL(/\/login/);
  await expect(page.getByRole("heading", { name: "Sign in to Quartermaster" })).toBeVisible();
});

test("the accounting page shows the seeded chart of accounts and the opening entry", async ({ page }) => {
  await login(page, "accountant@example.com");
  await page.getByRole("navigation", { name: "Main navigation" }).getByRole("link", { name: "Accounting" }).click();
  await expect(page.getByRole("cell", { name: /^Goods received not invoiced/ })).toBeVisible();
  await expect(page.getByRole("cell", { name: "$50,000.00" }).first()).toBeVisible();
  // Newest first: entries the demo's stock work posted automatically (adjustments, receipts, shipments) lead the journal.
  await expect(page.locator("#main").getByText(/^(Stock (increase|decrease)|Goods received PO-|Cost of goods shipped SO-)/).first()).toBeVisible();
});

test("sign out ends the session", async ({ page }) => {
  await login(page, "viewer@example.com");
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
  await page.goto("/");
  await expect(page).toHaveURL(/\/login/);
});

test("low-stock alerts: everyone sees the list, admins the email outbox waiting for SMTP", async ({ page }) => {
  await login(page, "viewer@example.com");
  await page.goto("/inventory/alerts");
  const main = page.locator("#main");
  await expect(main.getByTestId("alerts")).toContainText(/Still below|Recovered/);
  await page.context().clearCookies();
  await login(page, "admin@example.com");
  await page.goto("/settings/outbox");
  await expect(main.getByTestId("no-smtp")).toContainText("SMTP_URL is not set");
  await expect(main.getByTestId("outbox")).toContainText("manager@example.com");
  await expect(main.getByTestId("outbox").getByRole("button", { name: "Retry now" }).first()).toBeVisible();
});
