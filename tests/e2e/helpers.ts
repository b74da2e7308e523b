import { expect, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "demo-password";

export async function login(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByTestId("current-user")).toBeVisible();
  // Wait until React has attached its handlers: a key pressed earlier would do nothing.
  await expect(page.locator("html[data-hydrated]")).toHaveCount(1);
}

export function uniqueEmail(prefix: string) {
  return `${prefix}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}@example.test`;
}

/** Creates a user through the admin UI (the admin must be signed in on this page). */
export async function createUserViaUi(page: Page, u: { email: string; name: string; role: string; password: string }) {
  await page.goto("/settings/users");
  await page.getByRole("button", { name: "New user" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Email").fill(u.email);
  await dialog.getByLabel("Name").fill(u.name);
  await dialog.getByLabel("Role").selectOption({ label: u.role });
  await dialog.getByLabel("Password").fill(u.password);
  await dialog.getByRole("button", { name: "Create user" }).click();
  await expect(page.locator("#main").getByTestId(`user-row-${u.email}`)).toBeVisible();
}

// Note for locators: while a page streams, React keeps the next content in a hidden
// <div id="S:0"> for a moment, so text and test-id lookups are scoped to #main (role
// lookups already skip hidden elements).
