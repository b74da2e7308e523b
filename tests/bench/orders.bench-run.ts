/**
 * Orders benchmark (issue: order intake performance). Against the production build: place
 * orders through POST /api/v1/orders (3 lines each: allocation, reservations, journal, audit)
 * with 1 and 8 concurrent clients, and report orders/s and p50/p95 latency. In the same run,
 * the ceiling: the same database work as plain SQL over one connection per client (no HTTP,
 * no ORM). Targets: at 8 clients ≥ 50 % of the ceiling's throughput and p95 < 50 ms.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import path from "node:path";
import pg from "pg";
import type { BenchContext, BenchSuite, Measurement, SuiteOutcome } from "../../scripts/bench";
import { percentile } from "../../scripts/bench";
import { childEnv, setEnv } from "../../lib/env";
import { db } from "../../lib/db";
import { SYSTEM_ACTOR } from "../../lib/audit/service";
import { createApiKey } from "../../lib/api/keys";
import { createChannel } from "../../lib/channels/service";
import { createWarehouse } from "../../lib/inventory/locations";
import { buildIsCurrent, markBuilt } from "../../lib/platform/build-stamp";
import { freePort } from "../../lib/platform/embedded-postgres";

const SKUS = 200;
const STOCK_PER_SKU = 100_000;

type Run = { clients: number; orders: number; seconds: number; perSecond: number; p50: number; p95: number; max: number };

async function runClients(clients: number, perClient: number, one: (client: number, i: number) => Promise<void>): Promise<Run> {
  const times: number[] = [];
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async (_, c) => {
      for (let i = 0; i < perClient; i++) {
        const s = performance.now();
        await one(c, i);
        times.push(performance.now() - s);
      }
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  times.sort((a, b) => a - b);
  const r2 = (x: number) => Math.round(x * 100) / 100;
  return { clients, orders: times.length, seconds: r2(seconds), perSecond: r2(times.length / seconds), p50: r2(percentile(times, 50)), p95: r2(percentile(times, 95)), max: r2(times[times.length - 1] ?? 0) };
}

function pickLines(n: number, rnd: () => number) {
  const set = new Set<number>();
  while (set.size < n) set.add(1 + Math.floor(rnd() * SKUS));
  return [...set].map((i) => `ORD-${String(i).padStart(5, "0")}`);
}

function rng(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

/** The database work of one order intake, as plain SQL in one transaction on one connection. */
async function plainSqlOrder(c: pg.Client, ctx: { channelId: string; warehouseIds: string[]; productIds: Map<string, string>; accounts: Map<string, string> }, skus: string[]) {
  await c.query("BEGIN");
  try {
    const email = `bench-${randomUUID().slice(0, 8)}@example.test`;
    const cust = await c.query("INSERT INTO customers (id, email, name, updated_at) VALUES (gen_random_uuid(), $1, 'Bench', now()) ON CONFLICT (email) DO UPDATE SET updated_at = now() RETURNING id", [email]);
    await c.query("INSERT INTO customer_addresses (id, customer_id, fingerprint, name, line1, city, postal_code, country) VALUES (gen_random_uuid(), $1, md5($2), 'Bench', '1 Road', 'Town', '1', 'US') ON CONFLICT DO NOTHING", [cust.rows[0].id, email]);
    const o = await c.query(
      `INSERT INTO orders (id, channel_id, external_id, status, payment_status, currency, customer_id, ship_name, ship_line1, ship_city, ship_postal_code, ship_country,
        subtotal, shipping_price, tax, total, tax_rate, prices_include_tax, updated_at)
       VALUES (gen_random_uuid(), $1, $2, 'PENDING', 'PAID', 'USD', $3, 'Bench', '1 Road', 'Town', '1', 'US', 3000, 0, 0, 3000, 0, false, now()) ON CONFLICT DO NOTHING RETURNING id`,
      [ctx.channelId, randomUUID(), cust.rows[0].id],
    );
    const orderId = o.rows[0].id as string;
    await c.query("INSERT INTO order_events (order_id, actor_label, type, message, to_status) VALUES ($1, 'bench', 'created', 'x', 'PENDING')", [orderId]);
    const je = await c.query("INSERT INTO journal_entries (id, memo, currency, source_type, source_id, kind) VALUES (gen_random_uuid(), 'sale', 'USD', 'Order', $1, 'sale') RETURNING id", [orderId]);
    await c.query("INSERT INTO journal_lines (entry_id, account_id, debit, credit) VALUES ($1, $2, 3000, 0), ($1, $3, 0, 3000)", [je.rows[0].id, ctx.accounts.get("accounts_receivable"), ctx.accounts.get("sales_revenue")]);
    const je2 = await c.query("INSERT INTO journal_entries (id, memo, currency, source_type, source_id, kind) VALUES (gen_random_uuid(), 'payment', 'USD', 'Order', $1, 'payment') RETURNING id", [orderId]);
    await c.query("INSERT INTO journal_lines (entry_id, account_id, debit, credit) VALUES ($1, $2, 3000, 0), ($1, $3, 0, 3000)", [je2.rows[0].id, ctx.accounts.get("cash"), ctx.accounts.get("accounts_receivable")]);
    await c.query("UPDATE orders SET status = 'CONFIRMED', version = version + 1 WHERE id = $1", [orderId]);
    await c.query("INSERT INTO order_events (order_id, actor_label, type, message, from_status, to_status) VALUES ($1, 'bench', 'status', 'x', 'PENDING', 'CONFIRMED')", [orderId]);
    const productIds = skus.map((s) => ctx.productIds.get(s)!).sort();
    const bal = await c.query(
      "SELECT product_id, warehouse_id, location_id, on_hand, reserved FROM stock_balances WHERE product_id = ANY($1::uuid[]) AND warehouse_id = ANY($2::uuid[]) AND internal ORDER BY product_id, location_id FOR UPDATE",
      [productIds, ctx.warehouseIds],
    );
    for (const [i, pid] of productIds.entries()) {
      const line = await c.query("INSERT INTO order_lines (id, order_id, line_no, product_id, sku, name, quantity, unit_price, line_total, tax, backordered) VALUES (gen_random_uuid(), $1, $2, $3, 'x', 'x', 1, 1000, 1000, 0, 1) RETURNING id", [orderId, i + 1, pid]);
      const b = bal.rows.find((r) => r.product_id === pid && r.on_hand - r.reserved > 0);
      await c.query("UPDATE stock_balances SET reserved = reserved + 1 WHERE product_id = $1 AND location_id = $2 AND on_hand - reserved >= 1", [pid, b.location_id]);
      await c.query("INSERT INTO reservations (id, owner_type, owner_id, product_id, location_id, quantity) VALUES (gen_random_uuid(), 'OrderLine', $1, $2, $3, 1)", [line.rows[0].id, pid, b.location_id]);
      await c.query("INSERT INTO line_allocations (line_id, warehouse_id, quantity) VALUES ($1, $2, 1)", [line.rows[0].id, b.warehouse_id]);
      await c.query("UPDATE order_lines SET allocated = allocated + 1, backordered = backordered - 1 WHERE id = $1", [line.rows[0].id]);
      await c.query("INSERT INTO allocation_decisions (order_id, line_id, rule, detail, actor_label) VALUES ($1, $2, 'single_warehouse', '{}'::jsonb, 'bench')", [orderId, line.rows[0].id]);
    }
    await c.query("UPDATE orders SET status = 'ALLOCATED', version = version + 1 WHERE id = $1", [orderId]);
    await c.query("INSERT INTO order_events (order_id, actor_label, type, message, from_status, to_status) VALUES ($1, 'bench', 'status', 'x', 'CONFIRMED', 'ALLOCATED')", [orderId]);
    await c.query("INSERT INTO audit_logs (actor_label, action, entity_type, entity_id, after) VALUES ('bench', 'order.create', 'Order', $1, '{}'::jsonb)", [orderId]);
    await c.query("COMMIT");
  } catch (e) {
    await c.query("ROLLBACK");
    throw e;
  }
}

export const ordersSuite: BenchSuite = {
  name: "orders",
  description: "POST /api/v1/orders (3 lines) at 1 and 8 clients against the production build, beside the plain-SQL ceiling",
  async run(ctx: BenchContext): Promise<SuiteOutcome> {
    const t0 = performance.now();
    const encryptionKey = randomBytes(32).toString("hex");
    setEnv({ APP_ENCRYPTION_KEY: encryptionKey });
    await createWarehouse(SYSTEM_ACTOR, { code: "OW1", name: "Orders bench 1", addressLine1: undefined, city: undefined, postalCode: undefined, country: undefined });
    await createWarehouse(SYSTEM_ACTOR, { code: "OW2", name: "Orders bench 2", addressLine1: undefined, city: undefined, postalCode: undefined, country: undefined });
    // Products and plenty of stock, loaded set-based (moves → balances through the trigger).
    await db().$executeRaw`
      INSERT INTO products (id, sku, name, price, currency, updated_at)
      SELECT gen_random_uuid(), 'ORD-' || lpad(i::text, 5, '0'), 'Bench item ' || i, 1000, 'USD', now() FROM generate_series(1, ${SKUS}) i`;
    await db().$executeRaw`
      INSERT INTO stock_moves (product_id, quantity, from_location_id, to_location_id, type, reason, source_type, source_id, actor_label, unit_cost, value)
      SELECT p.id, ${STOCK_PER_SKU}, (SELECT id FROM locations WHERE code = 'V-ADJUSTMENT'), l.id, 'ADJUSTMENT', 'initial', 'Bench', 'orders', 'bench', 0, 0
      FROM products p CROSS JOIN locations l JOIN warehouses w ON w.id = l.warehouse_id
      WHERE p.sku LIKE 'ORD-%' AND w.code IN ('OW1', 'OW2') AND l.is_default`;
    await db().$executeRaw`INSERT INTO item_valuations (product_id, quantity, value, currency) SELECT id, ${STOCK_PER_SKU * 2}, 0, 'USD' FROM products WHERE sku LIKE 'ORD-%'`;
    const channel = await createChannel(SYSTEM_ACTOR, { code: "BENCH", name: "Bench channel", type: "webshop", currency: "USD", warehouses: ["OW1", "OW2"], allowSplit: true });
    const key = (await createApiKey(SYSTEM_ACTOR, { name: "bench", kind: "CHANNEL", channelCode: channel.code })).key;
    await db().$executeRaw`ANALYZE`;
    const setupSeconds = (performance.now() - t0) / 1000;

    // The production build, served by next start against the bench database.
    const nextBin = path.join(ctx.root, "node_modules", "next", "dist", "bin", "next");
    if (!buildIsCurrent()) {
      ctx.log("  building the app (next build)…");
      const code = await new Promise<number>((resolve) => spawn(process.execPath, [nextBin, "build"], { cwd: ctx.root, stdio: "ignore", env: childEnv({ NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" }) }).on("exit", (c) => resolve(c ?? 1)));
      if (code !== 0) throw new Error("next build failed");
      markBuilt();
    }
    const port = await freePort();
    const server: ChildProcess = spawn(process.execPath, [nextBin, "start", "-p", String(port), "-H", "127.0.0.1"], {
      cwd: ctx.root,
      stdio: "ignore",
      env: childEnv({
        NODE_ENV: "production",
        DATABASE_URL: ctx.databaseUrl,
        AUTH_SECRET: randomBytes(32).toString("hex"),
        APP_ENCRYPTION_KEY: encryptionKey,
        API_RATE_LIMIT_PER_MINUTE: "100000000",
        NEXT_TELEMETRY_DISABLED: "1",
      }),
    });
    const results: Measurement[] = [];
    const data: Record<string, number | string> = { skus: SKUS, warehouses: 2, setupSeconds: Math.round(setupSeconds * 10) / 10 };
    try {
      const base = `http://127.0.0.1:${port}`;
      for (let i = 0; i < 300; i++) {
        try {
          if ((await fetch(`${base}/api/health`)).ok) break;
        } catch {
          /* starting */
        }
        await new Promise((r) => setTimeout(r, 200));
      }
      const rnd = rng(42);
      const post = async () => {
        const res = await fetch(`${base}/api/v1/orders`, {
          method: "POST",
          headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
          body: JSON.stringify({
            externalId: randomUUID(),
            currency: "USD",
            customer: { name: "Bench Buyer", email: `buyer-${Math.floor(rnd() * 500)}@example.test` },
            shippingAddress: { name: "Bench Buyer", line1: "1 Road", city: "Town", postalCode: "1", country: "US" },
            lines: pickLines(3, rnd).map((sku) => ({ sku, quantity: 1, unitPrice: "10.00" })),
            paid: true,
          }),
        });
        if (res.status !== 201) throw new Error(`POST /api/v1/orders answered ${res.status}: ${await res.text()}`);
        await res.arrayBuffer();
      };
      const perClient = Math.max(10, Math.round(100 * ctx.scale));
      await runClients(4, 10, post); // warm-up: JIT, pools, prepared plans
      const api1 = await runClients(1, perClient * 2, post);
      const api8 = await runClients(8, perClient, post);

      const ids = {
        channelId: (await db().channel.findUniqueOrThrow({ where: { code: "BENCH" } })).id,
        warehouseIds: (await db().warehouse.findMany({ where: { code: { in: ["OW1", "OW2"] } }, orderBy: { code: "asc" } })).map((w) => w.id),
        productIds: new Map((await db().product.findMany({ where: { sku: { startsWith: "ORD-" } }, select: { id: true, sku: true } })).map((p) => [p.sku, p.id])),
        accounts: new Map((await db().account.findMany()).map((a) => [a.key, a.id])),
      };
      const clients = await Promise.all(Array.from({ length: 8 }, async () => {
        const c = new pg.Client({ connectionString: ctx.databaseUrl });
        await c.connect();
        return c;
      }));
      try {
        const sql = (c: number) => plainSqlOrder(clients[c]!, ids, pickLines(3, rnd));
        await runClients(4, 10, (c) => sql(c));
        const sql1 = await runClients(1, perClient * 2, (c) => sql(c));
        const sql8 = await runClients(8, perClient, (c) => sql(c));
        const ratio = Math.round((api8.perSecond / sql8.perSecond) * 1000) / 10;
        for (const [name, r, target] of [
          ["API, 1 client", api1, null],
          ["API, 8 clients", api8, 50],
          ["plain SQL ceiling, 1 connection", sql1, null],
          ["plain SQL ceiling, 8 connections", sql8, null],
        ] as const) {
          results.push({ name: `${name} (${r.perSecond} orders/s)`, calls: r.orders, p50Ms: r.p50, p95Ms: r.p95, maxMs: r.max, targetMs: target, pass: target === null ? null : r.p95 < target });
          ctx.log(`  ${name}: ${r.perSecond} orders/s, p50 ${r.p50} ms, p95 ${r.p95} ms`);
        }
        results.push({ name: `API at 8 clients: ${ratio} % of the ceiling's throughput (target ≥ 50 %)`, calls: api8.orders, p50Ms: ratio, p95Ms: ratio, maxMs: ratio, targetMs: null, pass: ratio >= 50 });
        Object.assign(data, {
          api1PerSecond: api1.perSecond,
          api8PerSecond: api8.perSecond,
          sql1PerSecond: sql1.perSecond,
          sql8PerSecond: sql8.perSecond,
          api8OfCeilingPercent: ratio,
        });
      } finally {
        await Promise.all(clients.map((c) => c.end()));
      }
    } finally {
      server.kill("SIGTERM");
      await new Promise((r) => server.once("exit", r));
    }
    return { data, results };
  },
};
