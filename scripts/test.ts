/**
 * npm test (CONTRACT §1): type check, lint, Vitest (unit + integration on a real PostgreSQL),
 * then Playwright in a real Chromium against the production build. One throw-away embedded
 * PostgreSQL serves both (unless TEST_DATABASE_URL is set). Last line:
 * `tests: N passed, N failed` (`, N skipped` when any); exit 0 only when all passed.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { childEnv, env } from "../lib/env";
import { dropDatabase, ensureDatabase, freePort, startEmbeddedPostgres, type EmbeddedDb } from "../lib/platform/embedded-postgres";
import { applyMigrations, ROOT } from "../lib/platform/migrate";
import { buildIsCurrent, markBuilt } from "../lib/platform/build-stamp";

const args = new Set(process.argv.slice(2));
const only = args.has("--e2e-only") ? "e2e" : args.has("--unit-only") ? "unit" : "all";
const bin = (pkg: string, rel: string) => path.join(ROOT, "node_modules", pkg, rel);
const RESULTS = path.join(ROOT, "test-results");
fs.mkdirSync(RESULTS, { recursive: true });

const tally = { passed: 0, failed: 0, skipped: 0 };
const children = new Set<ChildProcess>();
let embedded: EmbeddedDb | undefined;

function run(label: string, argv: string[], extraEnv: Record<string, string> = {}): Promise<number> {
  console.log(`\n━━ ${label} ━━`);
  return new Promise((resolve) => {
    const c = spawn(process.execPath, argv, { stdio: "inherit", cwd: ROOT, env: childEnv({ TZ: "UTC", NEXT_TELEMETRY_DISABLED: "1", ...extraEnv }) });
    children.add(c);
    c.on("exit", (code) => {
      children.delete(c);
      resolve(code ?? 1);
    });
  });
}

function readJson<T>(file: string): T | null {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8")) as T;
  } catch {
    return null;
  }
}

async function cleanup() {
  for (const c of children) c.kill("SIGTERM");
  await Promise.all([...children].map((c) => new Promise((r) => c.once("exit", r))));
  if (embedded) await embedded.stop();
}
for (const sig of ["SIGINT", "SIGTERM"] as const)
  process.on(sig, () => {
    void cleanup().then(() => process.exit(130));
  });

async function main() {
  let serverUrl = env().TEST_DATABASE_URL;
  if (!serverUrl) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "qm-test-"));
    embedded = await startEmbeddedPostgres({ dataDir: path.join(dir, "pg"), password: randomBytes(9).toString("hex"), ephemeral: true });
    serverUrl = embedded.urlFor("postgres");
  }
  const host = new URL(serverUrl).hostname;
  if (!["localhost", "127.0.0.1", "::1", "[::1]"].includes(host)) throw new Error(`Refusing to test against a non-local database (${host}).`);

  if (only !== "e2e") {
    for (const [label, argv] of [
      ["Type check (tsc)", [bin("typescript", "bin/tsc"), "--noEmit"]],
      ["Lint (eslint)", [bin("eslint", "bin/eslint.js"), "--max-warnings=0", "."]],
    ] as const) {
      const code = await run(label, [...argv]);
      if (code === 0) tally.passed++;
      else tally.failed++;
    }
    const report = path.join(RESULTS, "vitest.json");
    fs.rmSync(report, { force: true });
    await run("Unit and integration tests (Vitest, real PostgreSQL)", [bin("vitest", "vitest.mjs"), "run", "--reporter=default", "--reporter=json", `--outputFile.json=${report}`], {
      TEST_DATABASE_URL: serverUrl,
    });
    const v = readJson<{ numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number; numTotalTestSuites: number; success: boolean }>(report);
    if (!v) tally.failed++;
    else {
      tally.passed += v.numPassedTests;
      tally.failed += v.numFailedTests + (v.success || v.numFailedTests ? 0 : 1); // a suite that failed to load counts
      tally.skipped += v.numPendingTests + v.numTodoTests;
    }
  }

  if (only !== "unit") await e2e(serverUrl);
}

async function e2e(serverUrl: string) {
  console.log("\n━━ End-to-end tests (Playwright, Chromium, production build) ━━");
  const dbName = "qm_e2e";
  await dropDatabase(serverUrl, dbName);
  await ensureDatabase(serverUrl, dbName);
  const u = new URL(serverUrl);
  u.pathname = `/${dbName}`;
  const dbUrl = u.toString();
  await applyMigrations(dbUrl);
  const port = await freePort();
  const appEnv = {
    DATABASE_URL: dbUrl,
    PORT: String(port),
    AUTH_SECRET: randomBytes(32).toString("base64url"),
    APP_ENCRYPTION_KEY: randomBytes(32).toString("base64url"),
    NEXTAUTH_URL: `http://127.0.0.1:${port}`,
  };
  if ((await run("Seed the demo company", [bin("tsx", "dist/cli.mjs"), "--conditions=react-server", path.join(ROOT, "scripts", "seed.ts")], appEnv)) !== 0) {
    tally.failed++;
    return;
  }
  if (!buildIsCurrent()) {
    if ((await run("Build (next build)", [bin("next", "dist/bin/next"), "build"], { NODE_ENV: "production" })) !== 0) {
      tally.failed++;
      return;
    }
    markBuilt();
  }
  const serve = (argv: string[], extra: Record<string, string>) => {
    const c = spawn(process.execPath, argv, { stdio: ["ignore", "pipe", "pipe"], cwd: ROOT, env: childEnv({ ...appEnv, ...extra }) });
    // Not under test-results/: Playwright empties that folder when it starts.
    const logDir = path.join(ROOT, ".data", "test-logs");
    fs.mkdirSync(logDir, { recursive: true });
    const log = fs.createWriteStream(path.join(logDir, `${path.basename(argv[1] ?? "proc")}.log`));
    c.stdout?.pipe(log);
    c.stderr?.pipe(log);
    children.add(c);
    c.on("exit", () => children.delete(c));
    return c;
  };
  serve([bin("next", "dist/bin/next"), "start", "-p", String(port), "-H", "127.0.0.1"], { NODE_ENV: "production" });
  serve([bin("tsx", "dist/cli.mjs"), "--conditions=react-server", path.join(ROOT, "scripts", "worker.ts")], {});
  let up = false;
  for (let i = 0; i < 300 && !up; i++) {
    try {
      up = (await fetch(`http://127.0.0.1:${port}/api/health`)).ok;
    } catch {
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  if (!up) {
    console.error("The app did not come up; see .data/test-logs/next.log");
    tally.failed++;
    return;
  }
  const report = path.join(RESULTS, "e2e.json");
  fs.rmSync(report, { force: true });
  await run("Playwright", [bin("@playwright/test", "cli.js"), "test"], { E2E_BASE_URL: `http://127.0.0.1:${port}`, E2E_JSON_REPORT: report });
  const p = readJson<{ stats: { expected: number; unexpected: number; flaky: number; skipped: number }; errors?: unknown[] }>(report);
  if (!p) tally.failed++;
  else {
    tally.passed += p.stats.expected;
    tally.failed += p.stats.unexpected + p.stats.flaky + (p.errors?.length ?? 0);
    tally.skipped += p.stats.skipped;
  }
}

let code = 1;
try {
  await main();
  code = tally.failed === 0 && tally.passed > 0 ? 0 : 1;
} catch (e) {
  console.error(e);
  tally.failed++;
} finally {
  await cleanup();
}
console.log(`\ntests: ${tally.passed} passed, ${tally.failed} failed${tally.skipped ? `, ${tally.skipped} skipped` : ""}`);
process.exit(code);
