/**
 * npm run bench [-- --suite NAME ...] [--scale N] [--strict] (CONTRACT §1).
 *
 * A thin runner: it starts a throw-away embedded PostgreSQL in a temporary folder (a bench
 * never touches real data, whatever DATABASE_URL says), migrates and seeds the base data,
 * runs the named suites (all of them by default), prints one table per suite and writes
 * `tests/bench/results/<suite>.json`, then stops the server and deletes its data.
 *
 * Suites live in tests/bench/, one file each, and export a `BenchSuite`: they generate their
 * data, then time calls through `ctx.measure`, which owns warm-up, timing and percentiles.
 * Exit code: 0 when every suite ran (missed targets are reported; `--strict` makes them exit
 * 1), 1 when a suite failed (for example integrity violations in generated data), 2 on usage.
 */
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { db, disconnectDb } from "../lib/db";
import { setEnv } from "../lib/env";
import { ensureDatabase, startEmbeddedPostgres, type EmbeddedDb } from "../lib/platform/embedded-postgres";
import { applyMigrations, ROOT } from "../lib/platform/migrate";
import { seedBase } from "../lib/seed/base";
import { inventorySuite } from "../tests/bench/inventory.bench-run";
import { ordersSuite } from "../tests/bench/orders.bench-run";
import { routingSuite } from "../tests/bench/routing.bench-run";

export type Measurement = {
  name: string;
  calls: number;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
  /** The p95 must stay below this; null when the figure is informative only. */
  targetMs: number | null;
  pass: boolean | null;
};

export type MeasureOptions = {
  name: string;
  calls: number;
  /** Untimed calls first (caches, prepared plans, connection pool); default 5. */
  warmup?: number;
  targetMs?: number;
};

export type BenchContext = {
  /** Multiplier of every generated count (1 = the sizes the issue asks for). */
  scale: number;
  /** Superuser URL of the throw-away bench database (also in DATABASE_URL for lib/ code). */
  databaseUrl: string;
  /** Folder of the checkout (for spawning the project's own commands). */
  root: string;
  log(message: string): void;
  /** Calls `fn(i)` warm-up + `calls` times, one after another, and times each timed call. */
  measure(opts: MeasureOptions, fn: (i: number) => Promise<unknown>): Promise<Measurement>;
};

export type SuiteOutcome = {
  /** What was generated (counts, generation time); written as `data` in the JSON. */
  data: Record<string, number | string>;
  results: Measurement[];
};

export type BenchSuite = {
  name: string;
  description: string;
  run(ctx: BenchContext): Promise<SuiteOutcome>;
};

const SUITES: BenchSuite[] = [inventorySuite, ordersSuite, routingSuite];
const RESULTS_DIR = path.join(ROOT, "tests", "bench", "results");
const BENCH_DATABASE = "qm_bench";

function usage(): string {
  return [
    "Usage: npm run bench [-- --suite NAME]... [--scale N] [--strict]",
    `  --suite NAME  run only this suite (repeatable, or comma-separated); one of: ${SUITES.map((s) => s.name).join(", ")}`,
    "  --scale N     multiplies every generated count (default 1; e.g. 0.02 for a quick check)",
    "  --strict      exit 1 when a target is missed",
  ].join("\n");
}

function parseCli(argv: string[]): { suites: BenchSuite[]; scale: number; strict: boolean } {
  const { values } = parseArgs({
    args: argv,
    options: {
      suite: { type: "string", multiple: true },
      scale: { type: "string" },
      strict: { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
    strict: true,
    allowPositionals: false,
  });
  if (values.help) {
    console.log(usage());
    process.exit(0);
  }
  const scale = values.scale === undefined ? 1 : Number(values.scale);
  if (!Number.isFinite(scale) || scale <= 0 || scale > 10) throw new Error(`--scale must be a number in (0, 10], got ${values.scale}`);
  const names = (values.suite ?? []).flatMap((s) => s.split(",")).map((s) => s.trim()).filter(Boolean);
  const suites = names.length ? names.map((n) => SUITES.find((s) => s.name === n) ?? unknownSuite(n)) : SUITES;
  return { suites: [...new Set(suites)], scale, strict: values.strict };
}

function unknownSuite(name: string): never {
  throw new Error(`unknown suite "${name}"; known: ${SUITES.map((s) => s.name).join(", ")}`);
}

/** Nearest-rank percentile of sorted values. */
export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return Number.NaN;
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1]!;
}

const round = (ms: number) => Math.round(ms * 100) / 100;

async function measure(opts: MeasureOptions, fn: (i: number) => Promise<unknown>): Promise<Measurement> {
  const warmup = opts.warmup ?? 5;
  for (let i = 0; i < warmup; i++) await fn(i);
  const times: number[] = [];
  for (let i = 0; i < opts.calls; i++) {
    const t0 = performance.now();
    await fn(warmup + i);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const p95 = percentile(times, 95);
  const m: Measurement = {
    name: opts.name,
    calls: opts.calls,
    p50Ms: round(percentile(times, 50)),
    p95Ms: round(p95),
    maxMs: round(times[times.length - 1] ?? Number.NaN),
    targetMs: opts.targetMs ?? null,
    pass: opts.targetMs === undefined ? null : p95 < opts.targetMs,
  };
  log(`  ${m.name}: p50 ${fmt(m.p50Ms)} ms, p95 ${fmt(m.p95Ms)} ms${m.pass === null ? "" : m.pass ? " (ok)" : " (MISSED)"}`);
  return m;
}

function log(message: string): void {
  console.log(`[bench] ${message}`);
}

function fmt(ms: number): string {
  return ms >= 100 ? ms.toFixed(0) : ms >= 10 ? ms.toFixed(1) : ms.toFixed(2);
}

function printTable(suite: string, scale: number, results: Measurement[]): void {
  const head = ["benchmark", "calls", "p50 ms", "p95 ms", "max ms", "target p95", "result"];
  const rows = results.map((r) => [
    r.name,
    String(r.calls),
    fmt(r.p50Ms),
    fmt(r.p95Ms),
    fmt(r.maxMs),
    r.targetMs === null ? "-" : `< ${r.targetMs} ms`,
    r.pass === null ? "-" : r.pass ? "pass" : "FAIL",
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(" | ");
  console.log(`\n${suite} (scale ${scale})`);
  console.log(line(head));
  console.log(widths.map((w) => "-".repeat(w)).join("-|-"));
  for (const r of rows) console.log(line(r));
  console.log("");
}

function writeResults(suite: string, scale: number, outcome: SuiteOutcome, postgres: string): string {
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  const file = path.join(RESULTS_DIR, `${suite}.json`);
  const cpus = os.cpus();
  const body = {
    suite,
    scale,
    generatedAt: new Date().toISOString(),
    machine: { cpus: cpus.length, cpuModel: cpus[0]?.model.trim() ?? "unknown", memoryMb: Math.round(os.totalmem() / 2 ** 20), node: process.version, platform: `${os.platform()}-${os.arch()}`, postgres },
    data: outcome.data,
    results: outcome.results,
  };
  const tmp = `${file}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify(body, null, 2) + "\n");
  fs.renameSync(tmp, file);
  return file;
}

async function main(): Promise<number> {
  let cli: ReturnType<typeof parseCli>;
  try {
    cli = parseCli(process.argv.slice(2));
  } catch (e) {
    console.error(`bench: ${e instanceof Error ? e.message : e}\n${usage()}`);
    return 2;
  }

  const tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), "qm-bench-"));
  let server: EmbeddedDb | undefined;
  let interrupted = false;
  const cleanUp = async () => {
    await disconnectDb().catch(() => {});
    await server?.stop().catch(() => {});
    fs.rmSync(tmpDir, { recursive: true, force: true });
  };
  const onSignal = (sig: NodeJS.Signals) => {
    interrupted = true;
    console.error(`\nbench: ${sig}, stopping the bench database`);
    void cleanUp().finally(() => process.exit(130));
  };
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);

  let missed = 0;
  try {
    const t0 = performance.now();
    server = await startEmbeddedPostgres({ dataDir: path.join(tmpDir, "pg"), password: randomBytes(12).toString("hex"), ephemeral: true });
    await ensureDatabase(server.urlFor("postgres"), BENCH_DATABASE);
    const url = server.urlFor(BENCH_DATABASE);
    await applyMigrations(url);
    setEnv({ DATABASE_URL: url });
    await seedBase();
    const [{ version } = { version: "unknown" }] = await db().$queryRaw<{ version: string }[]>`SELECT current_setting('server_version') AS version`;
    log(`throw-away PostgreSQL ${version} on port ${server.port}, database ${BENCH_DATABASE} ready in ${((performance.now() - t0) / 1000).toFixed(1)} s; scale ${cli.scale}`);

    const ctx: BenchContext = { scale: cli.scale, databaseUrl: url, root: ROOT, log, measure };
    for (const suite of cli.suites) {
      log(`suite ${suite.name}: ${suite.description}`);
      const outcome = await suite.run(ctx);
      printTable(suite.name, cli.scale, outcome.results);
      const file = writeResults(suite.name, cli.scale, outcome, version);
      log(`wrote ${path.relative(ROOT, file)}`);
      missed += outcome.results.filter((r) => r.pass === false).length;
    }
    console.log(missed ? `bench: ${missed} target(s) missed` : "bench: all targets met");
    return cli.strict && missed ? 1 : 0;
  } catch (e) {
    if (interrupted) return 130;
    console.error(`\nbench FAILED: ${e instanceof Error ? (e.stack ?? e.message) : e}`);
    return 1;
  } finally {
    await cleanUp();
  }
}

process.exit(await main());
