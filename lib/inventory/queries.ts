import "server-only";
import { db, Prisma } from "../db";
import { toDecimalString } from "../money";
import { averageCost } from "./ledger";

export type WarehouseStock = { code: string; onHand: number; reserved: number; available: number };
export type InventoryEntry = { sku: string; onHand: number; reserved: number; available: number; warehouses: WarehouseStock[] };

/**
 * Stock of items by warehouse (CONTRACT §4 inventory entry), in one round trip. Every active
 * warehouse is listed (zero where the item has none). A kit's availability derives from its
 * components: the number of whole kits their free stock makes.
 */
export async function inventoryForSkus(skus: string[]): Promise<InventoryEntry[]> {
  if (!skus.length) return [];
  const rows = await db().$queryRaw<{ sku: string; is_kit: boolean; code: string; component: string | null; per_unit: number | null; on_hand: number; reserved: number }[]>`
    WITH p AS (SELECT id, sku, is_kit FROM products WHERE sku = ANY(${skus}::text[])),
    req AS (
      SELECT p.sku, p.is_kit, CASE WHEN p.is_kit THEN k.component_id ELSE p.id END AS product_id,
             CASE WHEN p.is_kit THEN k.component_id::text END AS component, k.quantity AS per_unit
      FROM p LEFT JOIN kit_components k ON p.is_kit AND k.kit_id = p.id
    )
    SELECT req.sku, req.is_kit, w.code, req.component, req.per_unit,
           coalesce(sum(b.on_hand), 0)::int AS on_hand, coalesce(sum(b.reserved), 0)::int AS reserved
    FROM req CROSS JOIN warehouses w
    LEFT JOIN stock_balances b ON b.product_id = req.product_id AND b.warehouse_id = w.id AND b.internal
    WHERE w.active
    GROUP BY req.sku, req.is_kit, w.code, req.component, req.per_unit
    ORDER BY req.sku, w.code`;
  const bySku = new Map<string, { isKit: boolean; ws: Map<string, { onHand: number; reserved: number; kits: number | null }> }>();
  for (const r of rows) {
    const e = bySku.get(r.sku) ?? { isKit: r.is_kit, ws: new Map() };
    bySku.set(r.sku, e);
    const w = e.ws.get(r.code) ?? { onHand: 0, reserved: 0, kits: null };
    if (r.is_kit) {
      const can = r.component && r.per_unit ? Math.floor(Math.max(0, r.on_hand - r.reserved) / r.per_unit) : 0;
      w.kits = w.kits === null ? can : Math.min(w.kits, can);
    } else {
      w.onHand += r.on_hand;
      w.reserved += r.reserved;
    }
    e.ws.set(r.code, w);
  }
  return [...bySku.entries()].map(([sku, e]) => {
    const warehouses = [...e.ws.entries()].map(([code, w]) =>
      e.isKit ? { code, onHand: w.kits ?? 0, reserved: 0, available: w.kits ?? 0 } : { code, onHand: w.onHand, reserved: w.reserved, available: w.onHand - w.reserved },
    );
    return {
      sku,
      onHand: warehouses.reduce((s, w) => s + w.onHand, 0),
      reserved: warehouses.reduce((s, w) => s + w.reserved, 0),
      available: warehouses.reduce((s, w) => s + w.available, 0),
      warehouses,
    };
  });
}

export type ProductListFilter = {
  q?: string;
  category?: string;
  status?: "active" | "inactive" | "all";
  stock?: "out" | "low" | "in";
  sort?: "sku" | "name" | "onHand" | "available" | "price";
  dir?: "asc" | "desc";
  page?: number;
  pageSize?: number;
};

export type ProductListRow = { id: string; sku: string; name: string; category: string | null; price: bigint; currency: string; active: boolean; isKit: boolean; variants: number; onHand: number; reserved: number; available: number; belowReorder: boolean };

const SORTS: Record<NonNullable<ProductListFilter["sort"]>, Prisma.Sql> = {
  sku: Prisma.sql`sku`,
  name: Prisma.sql`name`,
  onHand: Prisma.sql`on_hand`,
  available: Prisma.sql`available`,
  price: Prisma.sql`price`,
};

/** The inventory list: server-side search, filters, sort and pagination in one query. */
export async function listProducts(f: ProductListFilter): Promise<{ rows: ProductListRow[]; total: number; categories: string[] }> {
  const pageSize = Math.min(200, Math.max(1, f.pageSize ?? 50));
  const page = Math.max(1, f.page ?? 1);
  const where: Prisma.Sql[] = [Prisma.sql`TRUE`];
  if (f.q) {
    const like = `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where.push(Prisma.sql`(p.sku ILIKE ${like} OR p.name ILIKE ${like} OR p.barcode = ${f.q})`);
  }
  if (f.category) where.push(Prisma.sql`p.category = ${f.category}`);
  if (f.status !== "all") where.push(f.status === "inactive" ? Prisma.sql`NOT p.active` : Prisma.sql`p.active`);
  const having =
    f.stock === "out" ? Prisma.sql`WHERE available <= 0` : f.stock === "in" ? Prisma.sql`WHERE available > 0` : f.stock === "low" ? Prisma.sql`WHERE below_reorder` : Prisma.empty;
  const order = SORTS[f.sort ?? "sku"] ?? SORTS.sku;
  const dir = f.dir === "desc" ? Prisma.sql`DESC` : Prisma.sql`ASC`;
  const rows = await db().$queryRaw<(Omit<ProductListRow, "onHand" | "available" | "isKit" | "belowReorder" | "variants"> & { on_hand: number; available: number; is_kit: boolean; variants: number; below_reorder: boolean; total: bigint })[]>`
    WITH base AS (
      SELECT p.id::text, p.sku, p.name, p.category, p.price, p.currency, p.active, p.is_kit,
             (SELECT count(*) FROM products v WHERE v.parent_id = p.id)::int AS variants,
             coalesce(s.on_hand, 0)::int AS on_hand, coalesce(s.reserved, 0)::int AS reserved,
             (coalesce(s.on_hand, 0) - coalesce(s.reserved, 0))::int AS available,
             EXISTS (
               SELECT 1 FROM reorder_rules r
               LEFT JOIN LATERAL (
                 SELECT coalesce(sum(b2.on_hand - b2.reserved), 0) AS avail FROM stock_balances b2
                 WHERE b2.product_id = r.product_id AND b2.warehouse_id = r.warehouse_id AND b2.internal
               ) a ON TRUE
               WHERE r.product_id = p.id AND a.avail < r.reorder_point
             ) AS below_reorder
      FROM products p
      LEFT JOIN LATERAL (
        SELECT sum(b.on_hand) AS on_hand, sum(b.reserved) AS reserved FROM stock_balances b WHERE b.product_id = p.id AND b.internal
      ) s ON TRUE
      WHERE ${Prisma.join(where, " AND ")}
    )
    SELECT *, count(*) OVER () AS total FROM base ${having}
    ORDER BY ${order} ${dir}, sku ASC
    LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`;
  const cats = await db().product.findMany({ where: { category: { not: null } }, distinct: ["category"], select: { category: true }, orderBy: { category: "asc" } });
  return {
    total: rows.length ? Number(rows[0]!.total) : 0,
    categories: cats.map((c) => c.category!),
    rows: rows.map((r) => ({
      id: r.id,
      sku: r.sku,
      name: r.name,
      category: r.category,
      price: r.price,
      currency: r.currency,
      active: r.active,
      isKit: r.is_kit,
      variants: r.variants,
      onHand: r.on_hand,
      reserved: r.reserved,
      available: r.available,
      belowReorder: r.below_reorder,
    })),
  };
}

export type BinStock = { warehouse: string; bin: string; binName: string; onHand: number; reserved: number; available: number };

export async function productDetail(id: string) {
  const p = await db().product.findUnique({
    where: { id },
    include: {
      valuation: true,
      parent: { select: { sku: true, name: true, id: true } },
      variants: { select: { sku: true, name: true, id: true } },
      kitComponents: { include: { component: { select: { sku: true, name: true, id: true } } } },
      reorderRules: { include: { warehouse: { select: { code: true } } } },
    },
  });
  if (!p) return null;
  const bins = await db().$queryRaw<{ warehouse: string; bin: string; bin_name: string; on_hand: number; reserved: number }[]>`
    SELECT w.code AS warehouse, l.code AS bin, l.name AS bin_name, b.on_hand, b.reserved
    FROM stock_balances b JOIN locations l ON l.id = b.location_id JOIN warehouses w ON w.id = l.warehouse_id
    WHERE b.product_id = ${id}::uuid AND b.internal AND (b.on_hand <> 0 OR b.reserved <> 0)
    ORDER BY w.code, l.code`;
  const holds = await db().reservation.findMany({ where: { productId: id, status: "ACTIVE" }, orderBy: { createdAt: "desc" }, take: 50 });
  const [entry] = await inventoryForSkus([p.sku]);
  const v = p.valuation;
  return {
    product: p,
    stock: entry!,
    bins: bins.map<BinStock>((b) => ({ warehouse: b.warehouse, bin: b.bin, binName: b.bin_name, onHand: b.on_hand, reserved: b.reserved, available: b.on_hand - b.reserved })),
    holds,
    valuation: v ? { quantity: v.quantity, value: v.value, currency: v.currency, averageCost: averageCost(v.value, v.quantity, v.currency) } : null,
  };
}

export type HistoryRow = { id: string; at: string; type: string; reason: string | null; from: string; to: string; quantity: number; delta: number; balance: number; value: bigint; actor: string; source: string };

/**
 * An item's moves, newest first, with the running on-hand balance (all warehouses, or one)
 * after each move, computed by a window function over the whole ledger of the item.
 */
export async function productHistory(productId: string, opts: { warehouse?: string; page?: number; pageSize?: number } = {}): Promise<{ rows: HistoryRow[]; total: number }> {
  const pageSize = opts.pageSize ?? 50;
  const page = Math.max(1, opts.page ?? 1);
  const wh = opts.warehouse ?? null;
  const rows = await db().$queryRaw<{ id: bigint; created_at: Date; type: string; reason: string | null; from_name: string; to_name: string; quantity: number; delta: number; balance: bigint; value: bigint; actor_label: string; source: string; total: bigint }[]>`
    WITH m AS (
      SELECT sm.*, lf.name || coalesce(' (' || wf.code || ')', '') AS from_name, lt.name || coalesce(' (' || wt.code || ')', '') AS to_name,
             (CASE WHEN lt.internal AND (${wh}::text IS NULL OR wt.code = ${wh}) THEN sm.quantity ELSE 0 END)
           - (CASE WHEN lf.internal AND (${wh}::text IS NULL OR wf.code = ${wh}) THEN sm.quantity ELSE 0 END) AS delta
      FROM stock_moves sm
      JOIN locations lf ON lf.id = sm.from_location_id LEFT JOIN warehouses wf ON wf.id = lf.warehouse_id
      JOIN locations lt ON lt.id = sm.to_location_id LEFT JOIN warehouses wt ON wt.id = lt.warehouse_id
      WHERE sm.product_id = ${productId}::uuid
    ), r AS (
      SELECT m.*, sum(delta) OVER (ORDER BY id) AS balance FROM m
      WHERE ${wh}::text IS NULL OR delta <> 0
    )
    SELECT id, created_at, type::text, reason, from_name, to_name, quantity, delta, balance, value, actor_label,
           source_type || ':' || left(source_id, 8) AS source, count(*) OVER () AS total
    FROM r ORDER BY id DESC LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`;
  return {
    total: rows.length ? Number(rows[0]!.total) : 0,
    rows: rows.map((r) => ({
      id: r.id.toString(),
      at: r.created_at.toISOString(),
      type: r.type,
      reason: r.reason,
      from: r.from_name,
      to: r.to_name,
      quantity: r.quantity,
      delta: r.delta,
      balance: Number(r.balance),
      value: r.value,
      actor: r.actor_label,
      source: r.source,
    })),
  };
}

/**
 * On hand per item in one warehouse at a past moment, from the moves alone (covering indexes
 * on (location, created_at) INCLUDE (product, quantity) keep it to index-only scans).
 */
/**
 * On hand per item at a warehouse at a past moment. Equivalent ways, the cheapest chosen:
 * from the month-start snapshot before it plus the moves since (lib/inventory/snapshots.ts);
 * backward (today's balances minus the moves since) for recent moments; forward (sum of the
 * moves up to that moment) when neither applies. Balances equal the moves and snapshots equal
 * them at their point (integrity invariants), and one statement reads one database snapshot, so
 * all give the same answer.
 */
export async function stockAsOf(warehouseCode: string, at: Date, opts: { q?: string; limit?: number; direction?: "forward" | "backward" | "snapshot" } = {}) {
  const like = opts.q ? `%${opts.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  let direction = opts.direction;
  const [point] = await db().$queryRaw<{ as_of: Date }[]>`
    SELECT p.as_of FROM stock_snapshot_points p JOIN warehouses w ON w.id = p.warehouse_id
    WHERE w.code = ${warehouseCode} AND p.as_of <= ${at} ORDER BY p.as_of DESC LIMIT 1`;
  if (!direction) {
    if (point && at.getTime() - point.as_of.getTime() <= Date.now() - at.getTime()) direction = "snapshot";
    else {
      const [first] = await db().$queryRaw<{ created_at: Date }[]>`SELECT created_at FROM stock_moves ORDER BY id LIMIT 1`;
      const start = point?.as_of.getTime() ?? first?.created_at.getTime() ?? at.getTime();
      direction = at.getTime() - start > Date.now() - at.getTime() ? "backward" : "forward";
    }
  }
  if (direction === "snapshot" && !point) direction = "forward";
  const rows =
    direction === "snapshot"
      ? await db().$queryRaw<{ sku: string; name: string; on_hand: bigint }[]>`
    WITH w AS (SELECT id FROM warehouses WHERE code = ${warehouseCode}),
    bins AS (SELECT l.id FROM locations l WHERE l.warehouse_id = (SELECT id FROM w) AND l.internal),
    q AS (
      SELECT product_id, sum(qty) AS on_hand FROM (
        SELECT product_id, on_hand AS qty FROM stock_snapshots WHERE warehouse_id = (SELECT id FROM w) AND as_of = ${point!.as_of}
        UNION ALL
        SELECT product_id, quantity FROM stock_moves WHERE to_location_id IN (SELECT id FROM bins) AND created_at > ${point!.as_of} AND created_at <= ${at}
        UNION ALL
        SELECT product_id, -quantity FROM stock_moves WHERE from_location_id IN (SELECT id FROM bins) AND created_at > ${point!.as_of} AND created_at <= ${at}
      ) m GROUP BY product_id HAVING sum(qty) <> 0
    )
    SELECT p.sku, p.name, q.on_hand FROM q JOIN products p ON p.id = q.product_id
    WHERE ${like}::text IS NULL OR p.sku ILIKE ${like} OR p.name ILIKE ${like}
    ORDER BY p.sku LIMIT ${opts.limit ?? 500}`
      : direction === "forward"
      ? await db().$queryRaw<{ sku: string; name: string; on_hand: bigint }[]>`
    WITH bins AS (
      SELECT l.id FROM locations l JOIN warehouses w ON w.id = l.warehouse_id WHERE w.code = ${warehouseCode} AND l.internal
    ), q AS (
      SELECT product_id, sum(qty) AS on_hand FROM (
        SELECT product_id, quantity AS qty FROM stock_moves WHERE to_location_id IN (SELECT id FROM bins) AND created_at <= ${at}
        UNION ALL
        SELECT product_id, -quantity FROM stock_moves WHERE from_location_id IN (SELECT id FROM bins) AND created_at <= ${at}
      ) m GROUP BY product_id HAVING sum(qty) <> 0
    )
    SELECT p.sku, p.name, q.on_hand FROM q JOIN products p ON p.id = q.product_id
    WHERE ${like}::text IS NULL OR p.sku ILIKE ${like} OR p.name ILIKE ${like}
    ORDER BY p.sku LIMIT ${opts.limit ?? 500}`
      : await db().$queryRaw<{ sku: string; name: string; on_hand: bigint }[]>`
    WITH bins AS (
      SELECT l.id FROM locations l JOIN warehouses w ON w.id = l.warehouse_id WHERE w.code = ${warehouseCode} AND l.internal
    ), cur AS (
      SELECT product_id, sum(on_hand) AS qty FROM stock_balances WHERE location_id IN (SELECT id FROM bins) GROUP BY product_id
    ), since AS (
      SELECT product_id, sum(qty) AS qty FROM (
        SELECT product_id, quantity AS qty FROM stock_moves WHERE to_location_id IN (SELECT id FROM bins) AND created_at > ${at}
        UNION ALL
        SELECT product_id, -quantity FROM stock_moves WHERE from_location_id IN (SELECT id FROM bins) AND created_at > ${at}
      ) m GROUP BY product_id
    ), q AS (
      SELECT coalesce(cur.product_id, since.product_id) AS product_id, coalesce(cur.qty, 0) - coalesce(since.qty, 0) AS on_hand
      FROM cur FULL OUTER JOIN since ON since.product_id = cur.product_id
    )
    SELECT p.sku, p.name, q.on_hand FROM q JOIN products p ON p.id = q.product_id
    WHERE q.on_hand <> 0 AND (${like}::text IS NULL OR p.sku ILIKE ${like} OR p.name ILIKE ${like})
    ORDER BY p.sku LIMIT ${opts.limit ?? 500}`;
  return rows.map((r) => ({ sku: r.sku, name: r.name, onHand: Number(r.on_hand) }));
}

export type LowStockRow = { productId: string; sku: string; name: string; warehouse: string; available: number; reorderPoint: number; reorderQuantity: number | null };

/** Items whose available stock at a warehouse is below their reorder point there. */
export async function lowStock(): Promise<LowStockRow[]> {
  const rows = await db().$queryRaw<{ product_id: string; sku: string; name: string; warehouse: string; available: number; reorder_point: number; reorder_quantity: number | null }[]>`
    SELECT p.id::text AS product_id, p.sku, p.name, w.code AS warehouse, coalesce(a.avail, 0)::int AS available, r.reorder_point, r.reorder_quantity
    FROM reorder_rules r JOIN products p ON p.id = r.product_id JOIN warehouses w ON w.id = r.warehouse_id
    LEFT JOIN LATERAL (
      SELECT sum(b.on_hand - b.reserved) AS avail FROM stock_balances b WHERE b.product_id = r.product_id AND b.warehouse_id = r.warehouse_id AND b.internal
    ) a ON TRUE
    WHERE coalesce(a.avail, 0) < r.reorder_point AND p.active
    ORDER BY (r.reorder_point - coalesce(a.avail, 0)) DESC, p.sku`;
  return rows.map((r) => ({ productId: r.product_id, sku: r.sku, name: r.name, warehouse: r.warehouse, available: r.available, reorderPoint: r.reorder_point, reorderQuantity: r.reorder_quantity }));
}

/** Inventory value by item and warehouse (on hand × moving average), and the exact total per item. */
export async function inventoryValuation() {
  const rows = await db().$queryRaw<{ sku: string; name: string; warehouse: string; on_hand: number; quantity: number; value: bigint; currency: string }[]>`
    SELECT p.sku, p.name, w.code AS warehouse, sum(b.on_hand)::int AS on_hand, v.quantity, v.value, v.currency
    FROM item_valuations v JOIN products p ON p.id = v.product_id
    JOIN stock_balances b ON b.product_id = v.product_id AND b.internal
    JOIN warehouses w ON w.id = b.warehouse_id
    WHERE v.quantity > 0
    GROUP BY p.sku, p.name, w.code, v.quantity, v.value, v.currency
    HAVING sum(b.on_hand) > 0
    ORDER BY p.sku, w.code`;
  return rows.map((r) => ({
    sku: r.sku,
    name: r.name,
    warehouse: r.warehouse,
    onHand: r.on_hand,
    value: r.quantity ? (r.value * BigInt(r.on_hand)) / BigInt(r.quantity) : 0n,
    currency: r.currency,
    averageCost: averageCost(r.value, r.quantity, r.currency),
  }));
}

export async function listWarehouses() {
  const ws = await db().warehouse.findMany({ orderBy: { code: "asc" }, include: { locations: { orderBy: [{ kind: "asc" }, { code: "asc" }] } } });
  return ws;
}

export function priceString(amount: bigint, currency: string): string {
  return toDecimalString(amount, currency);
}

/** The exact total of the stock valuation (what the inventory account must equal). */
export async function totalInventoryValue(): Promise<bigint> {
  const r = await db().itemValuation.aggregate({ _sum: { value: true } });
  return r._sum.value ?? 0n;
}

/** The dashboard's inventory figures, from the balances and the valuation. */
export async function inventorySummary(): Promise<{ products: number; unitsOnHand: number; unitsReserved: number; lowStockLines: number; value: bigint }> {
  const [[s], products, low, value] = await Promise.all([
    db().$queryRaw<{ on_hand: bigint | null; reserved: bigint | null }[]>`SELECT sum(on_hand) AS on_hand, sum(reserved) AS reserved FROM stock_balances WHERE internal`,
    db().product.count({ where: { active: true } }),
    lowStock(),
    totalInventoryValue(),
  ]);
  return { products, unitsOnHand: Number(s?.on_hand ?? 0), unitsReserved: Number(s?.reserved ?? 0), lowStockLines: low.length, value };
}
