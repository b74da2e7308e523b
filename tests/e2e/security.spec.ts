import { expect, test } from "@playwright/test";
import { DEMO_PASSWORD, createUserViaUi, login, uniqueEmail } from "./helpers";

test("a VIEWER replaying the admin's create-user server action directly is refused", async ({ browser }) => {
  // The admin submits the real form; we capture the server action request it sends.
  const adminCtx = await browser.newContext();
  const admin = await adminCtx.newPage();
  await login(admin, "admin@example.com");
  const captured: { url: string; headers: Record<string, string>; body: string }[] = [];
  admin.on("request", (req) => {
    if (req.method() === "POST" && req.headers()["next-action"]) captured.push({ url: req.url(), headers: req.headers(), body: req.postData() ?? "" });
  });
  const legit = uniqueEmail("legit");
  await createUserViaUi(admin, { email: legit, name: "Legit User", role: "Viewer", password: "long-enough-1" });
  const action = captured.find((c) => c.body.includes(legit));
  expect(action, "the create-user action request was captured").toBeTruthy();

  // The viewer signs in and calls the same action with their own cookies — no UI involved.
  const viewerCtx = await browser.newContext();
  const viewer = await viewerCtx.newPage();
  await login(viewer, "viewer@example.com");
  const sneaky = uniqueEmail("sneaky");
  const res = await viewer.request.post(action!.url, {
    headers: { "next-action": action!.headers["next-action"]!, "content-type": action!.headers["content-type"]!, accept: "text/x-component" },
    data: action!.body.replaceAll(legit, sneaky).replace(/"role","VIEWER"|VIEWER/g, "ADMIN"),
  });
  const text = await res.text();
  expect(text).toContain("FORBIDDEN");
  expect(text).not.toContain(sneaky.split("@")[0] + '","name');

  // Nothing changed: the admin's list has no such user.
  await admin.goto("/settings/users");
  await expect(admin.locator("#main").getByTestId(`user-row-${legit}`)).toBeVisible();
  await expect(admin.locator("#main").getByTestId(`user-row-${sneaky}`)).toHaveCount(0);
  await adminCtx.close();
  await viewerCtx.close();
});

test("a deactivated user's open session stops working at once", async ({ browser }) => {
  const adminCtx = await browser.newContext();
  const admin = await adminCtx.newPage();
  await login(admin, "admin@example.com");
  const email = uniqueEmail("leaver");
  await createUserViaUi(admin, { email, name: "Leaving Soon", role: "Manager", password: "long-enough-1" });

  const userCtx = await browser.newContext();
  const user = await userCtx.newPage();
  await login(user, email, "long-enough-1");
  await user.goto("/accounting");
  await expect(user.getByRole("heading", { name: "Accounting" })).toBeVisible();

  const row = admin.locator("#main").getByTestId(`user-row-${email}`);
  await row.getByRole("button", { name: "Deactivate" }).click();
  await admin.getByRole("dialog").getByRole("button", { name: "Deactivate" }).click();
  await expect(row.getByText("Deactivated")).toBeVisible();

  await user.reload();
  await expect(user).toHaveURL(/\/login/);
  // And the old password no longer signs in.
  await user.getByLabel("Email").fill(email);
  await user.getByLabel("Password").fill("long-enough-1");
  await user.getByRole("button", { name: "Sign in" }).click();
  await expect(user.getByTestId("login-error")).toHaveText("Email or password is incorrect.");
  await adminCtx.close();
  await userCtx.close();
});

test("login is throttled after 5 failures, without revealing whether the email exists", async ({ page, browser }) => {
  // A user of this test's own, so other tests signing in are not throttled.
  const adminCtx = await browser.newContext();
  const admin = await adminCtx.newPage();
  await login(admin, "admin@example.com");
  const target = uniqueEmail("target");
  await createUserViaUi(admin, { email: target, name: "Target", role: "Viewer", password: DEMO_PASSWORD + "-x" });
  await adminCtx.close();
  await page.goto("/login");
  for (const [email, rightPassword] of [[target, DEMO_PASSWORD + "-x"], [uniqueEmail("nobody"), DEMO_PASSWORD]] as const) {
    for (let i = 0; i < 5; i++) {
      await page.getByLabel("Email").fill(email);
      await page.getByLabel("Password").fill(`wrong-${i}`);
      await page.getByRole("button", { name: "Sign in" }).click();
      await expect(page.getByTestId("login-error")).toHaveText("Email or password is incorrect.");
    }
    // Even the right password is refused now, with the same message for a real and an unknown email.
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(rightPassword);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByTestId("login-error")).toHaveText("Too many sign-in attempts. Please wait 15 minutes and try again.");
  }
});

test("form errors are shown on the fields and nothing is created", async ({ page }) => {
  await login(page, "admin@example.com");
  await page.goto("/settings/users");
  await page.getByRole("button", { name: "New user" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Email").fill("not-an-email");
  await dialog.getByLabel("Password").fill("short");
  await dialog.getByRole("button", { name: "Create user" }).click();
  await expect(dialog.locator("[data-field-error=new-email]")).toHaveText("Enter a valid email address");
  await expect(dialog.locator("[data-field-error=new-name]")).toHaveText("Enter a name");
  await expect(dialog.locator("[data-field-error=new-password]")).toHaveText("At least 10 characters");
  await page.keyboard.press("Escape");
  await page.reload();
  // Other tests create users at the same time (two workers): look for this one, not a total.
  await expect(page.locator("#main").getByTestId("user-row-not-an-email")).toHaveCount(0);
  await expect(page.locator("#main").getByTestId("user-row-admin@example.com")).toBeVisible();
});

test("health endpoint reports the database and the worker", async ({ request }) => {
  const res = await request.get("/api/health");
  expect(res.status()).toBe(200);
  const body = await res.json();
  expect(body).toMatchObject({ status: "ok", db: "ok" });
  expect(["ok", "unknown", "stale"]).toContain(body.worker);
});

test("admins see the audit log of what happened, filterable", async ({ page }) => {
  await login(page, "admin@example.com");
  await page.goto("/settings/audit?type=User");
  await expect(page.getByRole("cell", { name: "user.create" }).first()).toBeVisible();
  await page.goto("/settings/audit?q=no-such-action-anywhere");
  await expect(page.locator("#main").getByTestId("empty-state")).toContainText("No audit entries match");
  await page.goto("/settings/health");
  await expect(page.locator("#main").getByTestId("integrity-summary")).toContainText("checks passed");
});
