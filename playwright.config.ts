import fs from "node:fs";
import { defineConfig, devices } from "@playwright/test";

/**
 * E2E against the built app, started by scripts/test.ts (E2E_BASE_URL). Chromium: CHROMIUM_PATH,
 * else Debian's /usr/bin/chromium where it exists, else Playwright's own browser.
 */
const executablePath = process.env.CHROMIUM_PATH || (fs.existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: false,
  workers: 2,
  retries: 0,
  forbidOnly: true,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["json", { outputFile: process.env.E2E_JSON_REPORT || "test-results/e2e.json" }]],
  use: {
    baseURL: process.env.E2E_BASE_URL || "http://127.0.0.1:3917",
    locale: "en-US",
    timezoneId: "UTC",
    trace: "off",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath,
      args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    },
  },
  projects: [
    { name: "desktop", use: { ...devices["Desktop Chrome"], viewport: { width: 1366, height: 850 } }, testIgnore: /\.phone\.spec\.ts$/ },
    { name: "phone", use: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true }, testMatch: /\.phone\.spec\.ts$/ },
  ],
});
