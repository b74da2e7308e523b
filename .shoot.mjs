import { chromium } from "playwright-core";
const base = "http://localhost:3100";
const [,, email, ...pages] = process.argv;
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium" });
for (const [name, width] of [["desk", 1280], ["phone", 390]]) {
  const ctx = await browser.newContext({ viewport: { width, height: 900 }, locale: "en-US" });
  const page = await ctx.newPage();
  await page.goto(base + "/login");
  await page.fill("input[name=email]", email);
  await page.fill("input[name=password]", "demo-password");
  await page.click("button[type=submit]");
  await page.waitForURL((u) => !u.pathname.startsWith("/login"));
  for (const p of pages) {
    await page.goto(base + p);
    await page.waitForLoadState("networkidle");
    const file = `/tmp/shots/${p.replace(/[^a-z0-9]+/gi, "_")}-${name}.png`;
    await page.screenshot({ path: file, fullPage: true });
    console.log(file);
  }
  await ctx.close();
}
await browser.close();
