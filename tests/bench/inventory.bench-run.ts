/**
 * The inventory benchmark (issue "inventory performance"): 20 000 SKUs × 3 warehouses and
 * 1 000 000 stock moves at scale 1, generated with set-based SQL, then the p50/p95 of
 *   - the stock of one SKU (`inventoryForSkus`), target p95 < 5 ms;
 *   - the inventory list page's query with a filter (`listProducts`), target p95 < 150 ms;
 *   - stock as of a past date in one warehouse (`stockAsOf`), target p95 < 200 ms;
 *   - every integrity check (`runIntegrityChecks`) and the whole `npm run integrity`, < 30 s.
 *
 * The data keeps every invariant of the books, so the integrity checks must report nothing
 * (the suite fails loudly otherwise): balances are the sums of the moves, each item sums to
 * zero over all locations, no bin ever goes negative (per item and warehouse a large opening
 * adjustment comes first; afterwards at most 10 units leave the item's primary bin per move and
 * at most ⌈moves ÷ pairs⌉ moves touch it), the valuation is on hand × the item's one unit cost,
 * and one balanced journal entry puts exactly that value on the inventory account.
 */
import { spawn } from "node:child_process";
import path from "node:path";
import pg from "pg";
import { childEnv } from "../../lib/env";
import { inventoryForSkus, listProducts, stockAsOf, type ProductListFilter } from "../../lib/inventory/queries";
import { buildStockSnapshots } from "../../lib/inventory/snapshots";
import { runIntegrityChecks } from "../../lib/integrity/checks";
import { currencyDigits } from "../../lib/money";
import type { BenchContext, BenchSuite, Measurement } from "../../scripts/bench";

/** Sizes at scale 1 (the issue's figures). Warehouses and bins are structure and do not scale. */
export const FULL_SIZE = { skus: 20_000, moves: 1_000_000, warehouses: 3, binsPerWarehouse: 100 } as const;

export const WAREHOUSE_CODES = ["B1", "B2", "B3"] as const;
export const SKU_PREFIX = "BENCH-";
const SOURCE_TYPE = "bench";
const DAY_SECONDS = 86_400;
/** Opening adjustments land in the first days of the year, everything else after them. */
const OPENING_DAYS = 3;

/** Product names are "<colour> <item> <line> <n> mm": a colour+item pair matches 1 % of the SKUs. */
const COLOURS = ["Amber", "Cobalt", "Crimson", "Ivory", "Jade", "Onyx", "Saffron", "Teal", "Umber", "Violet"] as const;
const ITEMS = ["Anchor", "Bracket", "Clamp", "Flange", "Gasket", "Hinge", "Lever", "Pulley", "Spindle", "Valve"] as const;
const LINES = ["Standard", "Heavy", "Compact", "Marine", "Pro"] as const;
const CATEGORIES = 20;

export type InventorySizes = { skus: number; moves: number; warehouses: number; binsPerWarehouse: number };

export type GeneratedInventory = InventorySizes & {
  pairs: number;
  balances: number;
  reorderRules: number;
  inventoryValueMinor: string;
  currency: string;
  /** The year the moves span: [from, to]. */
  from: Date;
  to: Date;
  generationSeconds: number;
};

export function sizesFor(scale: number): InventorySizes {
  const skus = Math.max(10, Math.round(FULL_SIZE.skus * scale));
  // At least the one opening move per (item, warehouse).
  const moves = Math.max(skus * FULL_SIZE.warehouses, Math.round(FULL_SIZE.moves * scale));
  return { skus, moves, warehouses: FULL_SIZE.warehouses, binsPerWarehouse: FULL_SIZE.binsPerWarehouse };
}

/** An integer for inlining into SQL (the generator's own numbers only; never user input). */
function int(n: number): string {
  if (!Number.isSafeInteger(n)) throw new Error(`not an integer: ${n}`);
  return String(n);
}

/** A deterministic pseudo-random integer in [0, mod) from a bigint SQL expression and a salt. */
function hash(expr: string, salt: number, mod: number): string {
  return `abs(hashint8extended((${expr})::bigint, ${int(salt)}) % ${int(mod)})`;
}

const sqlList = (values: readonly string[]) => values.map((v) => `'${v.replace(/'/g, "''")}'`).join(", ");

/**
 * Generates the inventory data set into the (freshly migrated and base-seeded) database at
 * `url`, in two transactions: the ledger with the per-row triggers off (set-based, then the
 * projections built from aggregates of the same moves), and the journal entry with every
 * guard on. Exported so that later suites (orders) can build on the same data.
 */
export async function generateInventory(url: string, sizes: InventorySizes, log: (m: string) => void = () => {}): Promise<GeneratedInventory> {
  const started = performance.now();
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  let step = performance.now();
  const done = (what: string) => {
    const now = performance.now();
    log(`  ${what} (${((now - step) / 1000).toFixed(1)} s)`);
    step = now;
  };
  try {
    const whCodes = WAREHOUSE_CODES.slice(0, sizes.warehouses);
    if (whCodes.length !== sizes.warehouses) throw new Error(`at most ${WAREHOUSE_CODES.length} warehouses`);
    if (sizes.binsPerWarehouse < 2) throw new Error("at least 2 bins per warehouse");
    const existing = await c.query<{ n: string }>(`SELECT count(*)::text AS n FROM products WHERE sku LIKE '${SKU_PREFIX}%'`);
    if (existing.rows[0]?.n !== "0") throw new Error("the bench database already holds bench products");

    const company = await c.query<{ currency: string | null }>(`SELECT value->>'currency' AS currency FROM settings WHERE key = 'company'`);
    const currency = company.rows[0]?.currency ?? "USD";
    const minor = 10 ** currencyDigits(currency);
    const virtual = await c.query<{ id: string; kind: string }>(`SELECT id::text, kind::text FROM locations WHERE warehouse_id IS NULL AND kind IN ('SUPPLIER', 'CUSTOMER', 'ADJUSTMENT')`);
    const vid = (kind: string) => {
      const row = virtual.rows.find((r) => r.kind === kind);
      if (!row) throw new Error(`virtual location ${kind} is missing (seedBase not run?)`);
      return row.id;
    };
    const [supplier, customer, adjustment] = [vid("SUPPLIER"), vid("CUSTOMER"), vid("ADJUSTMENT")];
    const clock = await c.query<{ now: Date }>(`SELECT date_trunc('second', now()) AS now`);
    const to = clock.rows[0]!.now;
    const from = new Date(to.getTime() - 365 * DAY_SECONDS * 1000);

    const pairs = sizes.skus * sizes.warehouses;
    const extra = sizes.moves - pairs;
    const maxPerPair = Math.ceil(extra / pairs);
    // Outbound moves take 1..10 units off the primary bin; the opening quantity covers them all.
    const openingMin = 10 * maxPerPair + 50;
    const bins = sizes.binsPerWarehouse;
    const aisles = Math.ceil(bins / 10);
    const wh = `(${sqlList(whCodes)})`;

    await c.query("BEGIN");
    // Bulk load: per-row triggers (balance projection, on-hand guard, FK checks) are off in
    // this transaction only; the projections are built below from the moves themselves.
    await c.query("SET LOCAL session_replication_role = replica");
    await c.query("SET LOCAL work_mem = '256MB'");
    await c.query("SET LOCAL maintenance_work_mem = '512MB'");

    await c.query(`
      INSERT INTO warehouses (id, code, name, address_line1, city, postal_code, country)
      SELECT gen_random_uuid(), code, 'Bench warehouse ' || code, ord || ' Benchmark Road', 'Testville', '1000' || ord, 'US'
      FROM unnest(ARRAY[${sqlList(whCodes)}]) WITH ORDINALITY AS t(code, ord)`);
    await c.query(`
      INSERT INTO locations (id, warehouse_id, kind, code, name, internal)
      SELECT gen_random_uuid(), w.id, 'ZONE', 'MAIN', 'Main hall', true FROM warehouses w WHERE w.code IN ${wh}`);
    await c.query(`
      INSERT INTO locations (id, warehouse_id, parent_id, kind, code, name, internal)
      SELECT gen_random_uuid(), z.warehouse_id, z.id, 'AISLE', 'A' || lpad(a::text, 2, '0'), 'Aisle ' || a, true
      FROM locations z JOIN warehouses w ON w.id = z.warehouse_id, generate_series(1, ${int(aisles)}) a
      WHERE z.kind = 'ZONE' AND z.code = 'MAIN' AND w.code IN ${wh}`);
    await c.query(`
      INSERT INTO locations (id, warehouse_id, parent_id, kind, code, name, barcode, x, y, internal, is_default)
      SELECT gen_random_uuid(), a.warehouse_id, a.id, 'BIN', a.code || '-' || lpad(s::text, 2, '0'), 'Bin ' || a.code || '-' || lpad(s::text, 2, '0'),
             w.code || '-' || a.code || '-' || lpad(s::text, 2, '0'), substring(a.code FROM 2)::int * 3, s, true, (a.code = 'A01' AND s = 1)
      FROM locations a JOIN warehouses w ON w.id = a.warehouse_id, generate_series(1, 10) s
      WHERE a.kind = 'AISLE' AND w.code IN ${wh} AND (substring(a.code FROM 2)::int - 1) * 10 + s <= ${int(bins)}`);
    await c.query(`
      CREATE TEMP TABLE bench_bins ON COMMIT DROP AS
      SELECT l.id, l.warehouse_id, (row_number() OVER (PARTITION BY l.warehouse_id ORDER BY l.code) - 1)::int AS idx
      FROM locations l JOIN warehouses w ON w.id = l.warehouse_id WHERE l.kind = 'BIN' AND w.code IN ${wh}`);
    done(`${sizes.warehouses} warehouses, ${sizes.warehouses * bins} bins`);

    await c.query(`
      INSERT INTO products (id, sku, name, description, category, price, currency, standard_cost, weight_grams, active, created_at, updated_at)
      SELECT gen_random_uuid(), '${SKU_PREFIX}' || lpad(i::text, 6, '0'),
             (ARRAY[${sqlList(COLOURS)}])[1 + i % 10] || ' ' || (ARRAY[${sqlList(ITEMS)}])[1 + (i / 10) % 10] || ' '
               || (ARRAY[${sqlList(LINES)}])[1 + (i / 100) % ${int(LINES.length)}] || ' ' || (10 + (i * 7) % 90) || ' mm',
             'Generated by the inventory benchmark.',
             'Category ' || lpad((1 + ${hash("i", 3, CATEGORIES)})::text, 2, '0'),
             cost * 16 / 10, '${currency}', cost::numeric / ${int(minor)}, 50 + ${hash("i", 4, 5000)},
             i % 50 <> 0, now() - interval '400 days', now()
      FROM (SELECT i, 100 + ${hash("i", 2, 4900)} AS cost FROM generate_series(1, ${int(sizes.skus)}) i) g`);
    done(`${sizes.skus} products`);

    await c.query(`
      CREATE TEMP TABLE bench_pairs ON COMMIT DROP AS
      WITH base AS (
        SELECT (row_number() OVER (ORDER BY p.sku, w.code) - 1)::bigint AS pair_no, p.id AS product_id, w.id AS warehouse_id, p.standard_cost AS unit_cost
        FROM products p CROSS JOIN warehouses w WHERE p.sku LIKE '${SKU_PREFIX}%' AND w.code IN ${wh}
      ), pick AS (
        SELECT base.*, ${hash("pair_no", 5, bins)} AS p_idx, 1 + ${hash("pair_no", 6, bins - 1)} AS offs FROM base
      )
      SELECT pick.pair_no, pick.product_id, pick.warehouse_id, pick.unit_cost, round(pick.unit_cost * ${int(minor)})::bigint AS cost_minor,
             pb.id AS primary_bin, sb.id AS secondary_bin, (${int(openingMin)} + ${hash("pick.pair_no", 7, 500)})::int AS opening_qty
      FROM pick
      JOIN bench_bins pb ON pb.warehouse_id = pick.warehouse_id AND pb.idx = pick.p_idx
      JOIN bench_bins sb ON sb.warehouse_id = pick.warehouse_id AND sb.idx = (pick.p_idx + pick.offs) % ${int(bins)}`);
    await c.query("ANALYZE bench_pairs");
    done(`${pairs} item × warehouse pairs`);

    // Secondary indexes of stock_moves are rebuilt after the load (from their own definitions,
    // so indexes added by later migrations are kept): one sorted build beats a million inserts.
    const indexes = await c.query<{ name: string; def: string }>(`
      SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS def FROM pg_index i
      WHERE i.indrelid = 'stock_moves'::regclass AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)`);
    for (const ix of indexes.rows) await c.query(`DROP INDEX ${ix.name}`);

    // The moves of the year, ids in time order. Per pair: the opening adjustment in the first
    // days, then moves spread over the rest of the year, of one kind each:
    //   30 % receipt from the supplier into the primary bin (1..20 units),
    //   25 % transfer from the primary to the secondary bin (1..10),
    //   40 % shipment from the primary bin to the customer (1..10),
    //    5 % negative count adjustment from the primary bin (1..10).
    // One unit cost per item, so the moving average never moves and every value is exact.
    await c.query(
      `
      INSERT INTO stock_moves (id, product_id, quantity, from_location_id, to_location_id, type, reason, source_type, source_id, actor_label, unit_cost, value, created_at)
      SELECT coalesce((SELECT max(id) FROM stock_moves), 0) + row_number() OVER (ORDER BY g.at, g.pair_no, g.seq),
             g.product_id, g.qty, g.from_id, g.to_id, g.type::"MoveType", g.reason, '${SOURCE_TYPE}', 'inventory-' || g.pair_no || '-' || g.seq, 'bench',
             g.unit_cost, g.value, g.at
      FROM (
        SELECT pr.pair_no, 0::bigint AS seq, pr.product_id, pr.opening_qty AS qty, $1::uuid AS from_id, pr.primary_bin AS to_id,
               'ADJUSTMENT' AS type, 'initial' AS reason, pr.unit_cost, pr.opening_qty * pr.cost_minor AS value,
               $4::timestamptz + interval '1 second' * ${hash("pr.pair_no", 11, OPENING_DAYS * DAY_SECONDS)} AS at
        FROM bench_pairs pr
        UNION ALL
        SELECT x.pair_no, x.g + 1, x.product_id,
               CASE WHEN x.r < 30 THEN x.q20 ELSE x.q10 END,
               CASE WHEN x.r < 30 THEN $2::uuid ELSE x.primary_bin END,
               CASE WHEN x.r < 30 THEN x.primary_bin WHEN x.r < 55 THEN x.secondary_bin WHEN x.r < 95 THEN $3::uuid ELSE $1::uuid END,
               CASE WHEN x.r < 30 THEN 'RECEIPT' WHEN x.r < 55 THEN 'TRANSFER' WHEN x.r < 95 THEN 'SHIPMENT' ELSE 'ADJUSTMENT' END,
               CASE WHEN x.r >= 95 THEN 'count' END,
               x.unit_cost,
               CASE WHEN x.r < 30 THEN x.q20 * x.cost_minor WHEN x.r < 55 THEN 0 ELSE x.q10 * x.cost_minor END,
               $4::timestamptz + interval '1 second' * (${int(OPENING_DAYS * DAY_SECONDS)} + x.secs)
        FROM (
          SELECT s.g, pr.*, ${hash("s.g", 21, 100)} AS r, 1 + ${hash("s.g", 22, 10)} AS q10, 1 + ${hash("s.g", 23, 20)} AS q20,
                 ${hash("s.g", 24, (365 - OPENING_DAYS) * DAY_SECONDS)} AS secs
          FROM generate_series(0::bigint, ${int(extra - 1)}) s(g) JOIN bench_pairs pr ON pr.pair_no = s.g % ${int(pairs)}
        ) x
      ) g`,
      [adjustment, supplier, customer, from],
    );
    await c.query(`SELECT setval(pg_get_serial_sequence('stock_moves', 'id'), (SELECT max(id) FROM stock_moves))`);
    done(`${sizes.moves} moves`);
    for (const ix of indexes.rows) await c.query(ix.def);
    done(`${indexes.rows.length} stock_moves indexes rebuilt`);

    // The balance projection: exactly the sums of the moves, per item and location.
    const balances = await c.query(`
      INSERT INTO stock_balances (product_id, location_id, warehouse_id, internal, on_hand, reserved)
      SELECT x.product_id, x.location_id, l.warehouse_id, l.internal, sum(x.q)::int, 0
      FROM (
        SELECT product_id, to_location_id AS location_id, quantity AS q FROM stock_moves WHERE source_type = '${SOURCE_TYPE}'
        UNION ALL
        SELECT product_id, from_location_id, -quantity FROM stock_moves WHERE source_type = '${SOURCE_TYPE}'
      ) x JOIN locations l ON l.id = x.location_id
      GROUP BY x.product_id, x.location_id, l.warehouse_id, l.internal`);
    // Valuation: on hand × the item's one unit cost (= receipts in − issues out, in value).
    await c.query(`
      INSERT INTO item_valuations (product_id, quantity, value, currency)
      SELECT b.product_id, sum(b.on_hand)::int, sum(b.on_hand)::bigint * round(p.standard_cost * ${int(minor)})::bigint, '${currency}'
      FROM stock_balances b JOIN products p ON p.id = b.product_id
      WHERE b.internal AND p.sku LIKE '${SKU_PREFIX}%'
      GROUP BY b.product_id, p.standard_cost`);
    // Reorder rules on 10 % of the pairs, about half of them below their point.
    const rules = await c.query(`
      INSERT INTO reorder_rules (product_id, warehouse_id, reorder_point, reorder_quantity, updated_at)
      SELECT pr.product_id, pr.warehouse_id, (s.on_hand * (50 + ${hash("pr.pair_no", 31, 100)}) / 100)::int, 100, now()
      FROM bench_pairs pr
      JOIN LATERAL (SELECT coalesce(sum(b.on_hand), 0) AS on_hand FROM stock_balances b WHERE b.product_id = pr.product_id AND b.warehouse_id = pr.warehouse_id AND b.internal) s ON TRUE
      WHERE ${hash("pr.pair_no", 30, 10)} = 0`);
    done(`${balances.rowCount ?? 0} balances, valuations, ${rules.rowCount ?? 0} reorder rules`);

    // Cross-check the valuation against the values the moves carried in and out of the books.
    const check = await c.query<{ by_moves: string; by_valuation: string }>(`
      SELECT (SELECT coalesce(sum(CASE WHEN lt.internal THEN m.value ELSE -m.value END), 0)
                FROM stock_moves m JOIN locations lf ON lf.id = m.from_location_id JOIN locations lt ON lt.id = m.to_location_id
               WHERE m.source_type = '${SOURCE_TYPE}' AND lf.internal <> lt.internal)::text AS by_moves,
             (SELECT coalesce(sum(v.value), 0) FROM item_valuations v JOIN products p ON p.id = v.product_id WHERE p.sku LIKE '${SKU_PREFIX}%')::text AS by_valuation`);
    const value = check.rows[0]!;
    if (value.by_moves !== value.by_valuation) throw new Error(`generated valuation ${value.by_valuation} differs from the moves' values ${value.by_moves}`);
    await c.query("COMMIT");

    // The opening entry, with every guard on (the balance check runs at commit).
    await c.query("BEGIN");
    await c.query(
      `
      WITH e AS (
        INSERT INTO journal_entries (id, posted_at, memo, currency, source_type, source_id, kind)
        VALUES (gen_random_uuid(), $2::timestamptz, 'Bench: opening inventory', $3, '${SOURCE_TYPE}', 'inventory', 'opening') RETURNING id
      )
      INSERT INTO journal_lines (entry_id, account_id, debit, credit, memo)
      SELECT e.id, a.id, CASE WHEN a.key = 'inventory' THEN $1::bigint ELSE 0 END, CASE WHEN a.key = 'owner_equity' THEN $1::bigint ELSE 0 END, 'Bench opening inventory'
      FROM e CROSS JOIN accounts a WHERE a.key IN ('inventory', 'owner_equity')`,
      [value.by_valuation, from, currency],
    );
    await c.query("COMMIT");
    done(`journal entry of ${value.by_valuation} ${currency} minor units`);

    await c.query("VACUUM ANALYZE warehouses, locations, products, stock_moves, stock_balances, item_valuations, reorder_rules, journal_entries, journal_lines");
    done("VACUUM ANALYZE");

    return {
      ...sizes,
      pairs,
      balances: balances.rowCount ?? 0,
      reorderRules: rules.rowCount ?? 0,
      inventoryValueMinor: value.by_valuation,
      currency,
      from,
      to,
      generationSeconds: Math.round((performance.now() - started) / 100) / 10,
    };
  } catch (e) {
    await c.query("ROLLBACK").catch(() => {});
    throw e;
  } finally {
    await c.end();
  }
}

/** mulberry32: a small seeded PRNG, so every run asks for the same SKUs and dates. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The list page's query, as the page sends it, with filters matching about 1 % of the SKUs. */
const LIST_FILTERS = ([
  { q: "cobalt hinge" },
  { q: "Jade Valve" },
  { q: "onyx clamp" },
  { q: "ivory pulley", stock: "in" },
  { q: "Saffron Gasket" },
] satisfies ProductListFilter[]).map((f): ProductListFilter => ({ status: "all", sort: "available", dir: "desc", page: 1, pageSize: 50, ...f }));

/** Runs `npm run integrity` against the bench database (the whole command, process start included). */
function runIntegrityCommand(root: string, url: string): Promise<{ code: number; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(root, "node_modules", "tsx", "dist", "cli.mjs"), "--conditions=react-server", path.join(root, "scripts", "integrity.ts")], {
      cwd: root,
      env: childEnv({ DATABASE_URL: url }),
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (d: Buffer) => (output += d.toString("utf8")));
    child.stderr.on("data", (d: Buffer) => (output += d.toString("utf8")));
    child.once("error", reject);
    child.once("exit", (code) => resolve({ code: code ?? 1, output }));
  });
}

async function assertIntegrity(label: string): Promise<void> {
  const report = await runIntegrityChecks();
  if (report.violations.length) {
    const shown = report.violations.slice(0, 20).map((v) => `  ${v.check}: ${v.detail}`).join("\n");
    throw new Error(`integrity ${label}: ${report.violations.length} violation(s) in the generated data:\n${shown}`);
  }
}

async function run(ctx: BenchContext) {
  const sizes = sizesFor(ctx.scale);
  ctx.log(`generating ${sizes.skus} SKUs × ${sizes.warehouses} warehouses (${sizes.binsPerWarehouse} bins each), ${sizes.moves} moves`);
  const gen = await generateInventory(ctx.databaseUrl, sizes, ctx.log);
  ctx.log(`generated in ${gen.generationSeconds} s`);
  await assertIntegrity("after generation");
  ctx.log("integrity: 0 violations");
  // What the worker does at its start and nightly: month-start snapshots for "stock as of".
  const snapStart = performance.now();
  const snaps = await buildStockSnapshots(gen.to);
  const snapshotSeconds = Math.round((performance.now() - snapStart) / 100) / 10;
  ctx.log(`${snaps.built} month-start stock snapshots built in ${snapshotSeconds} s`);

  const rand = prng(20_261_204);
  const randomSku = () => `${SKU_PREFIX}${String(1 + Math.floor(rand() * sizes.skus)).padStart(6, "0")}`;
  const yearMs = gen.to.getTime() - gen.from.getTime();
  const randomPastDate = () => new Date(gen.from.getTime() + Math.floor(rand() * yearMs));
  const results: Measurement[] = [];

  results.push(
    await ctx.measure({ name: "stock of one SKU (inventoryForSkus)", calls: 500, targetMs: 5 }, async () => {
      const sku = randomSku();
      const [entry] = await inventoryForSkus([sku]);
      if (entry?.sku !== sku || entry.warehouses.length < sizes.warehouses) throw new Error(`inventoryForSkus(${sku}) returned ${JSON.stringify(entry)}`);
    }),
  );

  const matched = await Promise.all(LIST_FILTERS.map(async (f) => (await listProducts(f)).total));
  ctx.log(`list filters match ${matched.map((n) => `${((100 * n) / sizes.skus).toFixed(1)} %`).join(", ")} of the SKUs`);
  results.push(
    await ctx.measure({ name: "inventory list, filtered (listProducts)", calls: 100, targetMs: 150 }, async (i) => {
      await listProducts(LIST_FILTERS[i % LIST_FILTERS.length]!);
    }),
  );

  results.push(
    await ctx.measure({ name: "stock as of a past date, B1 (stockAsOf)", calls: 30, targetMs: 200 }, async () => {
      const rows = await stockAsOf(WAREHOUSE_CODES[0], randomPastDate());
      if (!rows.length) throw new Error("stockAsOf returned no rows");
    }),
  );

  results.push(
    await ctx.measure({ name: "integrity checks (runIntegrityChecks)", calls: 3, warmup: 1, targetMs: 30_000 }, async () => {
      await assertIntegrity("while measuring");
    }),
  );

  results.push(
    await ctx.measure({ name: "npm run integrity (whole command)", calls: 1, warmup: 0, targetMs: 30_000 }, async () => {
      const r = await runIntegrityCommand(ctx.root, ctx.databaseUrl);
      if (r.code !== 0 || !/integrity: \d+ checks, 0 violations/.test(r.output)) throw new Error(`npm run integrity exited ${r.code}:\n${r.output.trim()}`);
    }),
  );

  return {
    data: {
      skus: gen.skus,
      warehouses: gen.warehouses,
      bins: gen.warehouses * gen.binsPerWarehouse,
      moves: gen.moves,
      balances: gen.balances,
      reorderRules: gen.reorderRules,
      inventoryValueMinor: gen.inventoryValueMinor,
      currency: gen.currency,
      generationSeconds: gen.generationSeconds,
      snapshotPoints: snaps.built,
      snapshotSeconds,
    },
    results,
  };
}

export const inventorySuite: BenchSuite = {
  name: "inventory",
  description: "stock of one SKU, the filtered inventory list, stock as of a past date, integrity checks",
  run,
};
