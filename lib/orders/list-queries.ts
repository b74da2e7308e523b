/**
 * Reads for the order pages: the filtered list (and its CSV export), one order with everything
 * the order page shows, the dashboard figures, and the product look-ups of manual entry.
 * Plain DTOs: money stays bigint minor units for server components; whatever goes to a client
 * component is converted to strings by the caller (see the `*ForClient` shapes here).
 */
import "server-only";
import { db, Prisma } from "../db";
import { AppError } from "../errors";
import type { OrderStatus } from "../generated/prisma/enums";
import { toCsv, type CsvCell } from "../inventory/csv";
import { inventoryForSkus } from "../inventory/queries";
import { toDecimalString } from "../money";
import type { Decision } from "./allocation";
import { ORDER_STATUSES, orderNumber, parseStatus } from "./queries";

// ---------------------------------------------------------------------------------------------
// The list

export const ORDER_SORTS = ["number", "placedAt", "total", "status"] as const;
export type OrderSort = (typeof ORDER_SORTS)[number];

export type OrderListFilter = {
  /** Order number ("SO-000123", "SO-123" or "123"), external id, customer name or email, or a line SKU. */
  q?: string;
  status?: OrderStatus;
  /** Channel code. */
  channel?: string;
  /** Placed on or after this UTC day (YYYY-MM-DD). */
  from?: string;
  /** Placed on or before this UTC day (YYYY-MM-DD), the whole day included. */
  to?: string;
  sort?: OrderSort;
  dir?: "asc" | "desc";
  page?: number;
  pageSize?: number;
};

export type OrderListRow = {
  id: string;
  number: string;
  channel: string;
  externalId: string;
  status: OrderStatus;
  customer: string;
  email: string;
  placedAt: Date;
  total: bigint;
  currency: string;
  lines: number;
  backorderedUnits: number;
};

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const MAX_PAGE_SIZE = 200;

function utcDay(s: string | undefined): Date | undefined {
  if (!s || !DAY.test(s)) return undefined;
  const d = new Date(`${s}T00:00:00.000Z`);
  return Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== s ? undefined : d;
}

function pick<T extends string>(value: string | null | undefined, allowed: readonly T[]): T | undefined {
  return value != null && (allowed as readonly string[]).includes(value) ? (value as T) : undefined;
}

/** The list's query parameters (q, status, channel, from, to, sort, dir, page) with defaults; invalid values are dropped. */
export function orderListFilter(params: URLSearchParams): OrderListFilter {
  const from = params.get("from") ?? undefined;
  const to = params.get("to") ?? undefined;
  return {
    q: params.get("q")?.trim().slice(0, 200) || undefined,
    status: parseStatus(params.get("status")),
    channel: params.get("channel")?.trim() || undefined,
    from: utcDay(from) ? from : undefined,
    to: utcDay(to) ? to : undefined,
    sort: pick(params.get("sort"), ORDER_SORTS) ?? "placedAt",
    dir: pick(params.get("dir"), ["asc", "desc"] as const) ?? "desc",
    page: Math.max(1, Math.floor(Number(params.get("page"))) || 1),
  };
}

/** "SO-000123", "so-123", "SO123" or "123" → 123. */
function numberFrom(q: string): number | undefined {
  const m = /^(?:SO-?)?0*(\d{1,9})$/i.exec(q.trim());
  return m ? Number(m[1]) : undefined;
}

function likePattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

function whereOf(f: OrderListFilter): Prisma.Sql {
  const where: Prisma.Sql[] = [Prisma.sql`TRUE`];
  if (f.q) {
    const like = likePattern(f.q);
    const n = numberFrom(f.q);
    where.push(Prisma.sql`(
      ${n !== undefined ? Prisma.sql`o.number = ${n} OR` : Prisma.empty}
      o.external_id ILIKE ${like} OR cu.name ILIKE ${like} OR cu.email ILIKE ${like}
      OR EXISTS (SELECT 1 FROM order_lines ql WHERE ql.order_id = o.id AND ql.sku ILIKE ${like})
    )`);
  }
  if (f.status) where.push(Prisma.sql`o.status = ${f.status}::"OrderStatus"`);
  if (f.channel) where.push(Prisma.sql`c.code = ${f.channel}`);
  const from = utcDay(f.from);
  if (from) where.push(Prisma.sql`o.placed_at >= ${from}`);
  const to = utcDay(f.to);
  if (to) where.push(Prisma.sql`o.placed_at < ${new Date(to.getTime() + 86_400_000)}`);
  return Prisma.join(where, " AND ");
}

/** Sort keys, all columns of the `f` CTE (status sorts in life-cycle order, not alphabetically). */
const SORT_KEYS: Record<OrderSort, Prisma.Sql> = {
  number: Prisma.sql`number`,
  placedAt: Prisma.sql`placed_at`,
  total: Prisma.sql`total`,
  status: Prisma.sql`status_rank`,
};

type ListSqlRow = {
  total_count: number;
  id: string | null;
  number: number;
  channel: string;
  external_id: string;
  status: string;
  customer: string;
  email: string;
  placed_at: Date;
  total: bigint;
  currency: string;
  lines: number;
  backordered: number;
};

/**
 * The order list: search, filters, sort and one page, with the count of all matches, in one
 * query. The per-order line figures are computed for the page only.
 */
export async function listOrders(f: OrderListFilter): Promise<{ rows: OrderListRow[]; total: number }> {
  const pageSize = Math.min(MAX_PAGE_SIZE, Math.max(1, f.pageSize ?? 50));
  const page = Math.max(1, f.page ?? 1);
  const key = SORT_KEYS[f.sort ?? "placedAt"] ?? SORT_KEYS.placedAt;
  const dir = f.dir === "asc" ? Prisma.sql`ASC` : Prisma.sql`DESC`;
  const rows = await db().$queryRaw<ListSqlRow[]>`
    WITH f AS (
      SELECT o.id, o.number, o.placed_at, o.total,
             array_position(enum_range(NULL::"OrderStatus"), o.status) AS status_rank
      FROM orders o
      JOIN channels c ON c.id = o.channel_id
      JOIN customers cu ON cu.id = o.customer_id
      WHERE ${whereOf(f)}
    )
    SELECT t.total_count, p.* FROM (SELECT count(*)::int AS total_count FROM f) t
    LEFT JOIN LATERAL (
      SELECT o.id::text AS id, f.number, c.code AS channel, o.external_id, o.status::text AS status,
             cu.name AS customer, cu.email, f.placed_at, f.total, o.currency, f.status_rank,
             a.lines, a.backordered
      FROM f
      JOIN orders o ON o.id = f.id
      JOIN channels c ON c.id = o.channel_id
      JOIN customers cu ON cu.id = o.customer_id
      CROSS JOIN LATERAL (
        SELECT count(*)::int AS lines, coalesce(sum(l.backordered), 0)::int AS backordered
        FROM order_lines l WHERE l.order_id = o.id
      ) a
      ORDER BY ${key} ${dir}, number ${dir}
      LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}
    ) p ON TRUE
    ORDER BY ${key} ${dir}, number ${dir}`;
  return {
    total: rows[0]?.total_count ?? 0,
    rows: rows
      .filter((r) => r.id !== null)
      .map((r) => ({
        id: r.id!,
        number: orderNumber(r.number),
        channel: r.channel,
        externalId: r.external_id,
        status: r.status as OrderStatus,
        customer: r.customer,
        email: r.email,
        placedAt: r.placed_at,
        total: r.total,
        currency: r.currency,
        lines: r.lines,
        backorderedUnits: r.backordered,
      })),
  };
}

/** Channels for the list's filter and the manual-entry form. */
export async function orderChannels(): Promise<{ code: string; name: string }[]> {
  return db().channel.findMany({ orderBy: { code: "asc" }, select: { code: true, name: true } });
}

// ---------------------------------------------------------------------------------------------
// The CSV export

export const ORDER_EXPORT_HEADERS = ["number", "placed_at", "channel", "external_id", "status", "customer", "email", "lines", "total", "currency", "backordered_units"] as const;

export type OrderExportFilter = Omit<OrderListFilter, "page" | "pageSize">;

/** `orders-2026-01-31.csv` (UTC date). */
export function orderExportFileName(now: Date = new Date()): string {
  return `orders-${now.toISOString().slice(0, 10)}.csv`;
}

/**
 * Every order matching the filter, in the list's order, as CSV (toCsv: formula-safe cells,
 * money as plain decimals in the order's currency, placed_at as ISO 8601 UTC).
 */
export async function exportOrdersCsv(filter: OrderExportFilter): Promise<string> {
  const out: CsvCell[][] = [];
  const seen = new Set<string>();
  for (let page = 1; ; page++) {
    const { rows, total } = await listOrders({ ...filter, page, pageSize: MAX_PAGE_SIZE });
    for (const r of rows) {
      if (seen.has(r.id)) continue; // an order that moved between pages while we read is written once
      seen.add(r.id);
      out.push([r.number, r.placedAt.toISOString(), r.channel, r.externalId, r.status.toLowerCase(), r.customer, r.email, r.lines, toDecimalString(r.total, r.currency), r.currency, r.backorderedUnits]);
    }
    if (rows.length < MAX_PAGE_SIZE || page * MAX_PAGE_SIZE >= total) break;
  }
  return toCsv(ORDER_EXPORT_HEADERS, out);
}

// ---------------------------------------------------------------------------------------------
// One order

export type OrderDetail = NonNullable<Awaited<ReturnType<typeof orderDetail>>>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Everything the order page shows, or null when there is no such order. */
export async function orderDetail(id: string) {
  if (!UUID.test(id)) return null;
  const o = await db().order.findUnique({
    where: { id },
    include: {
      channel: { select: { code: true, name: true, type: true } },
      customer: { include: { addresses: { orderBy: { lastUsedAt: "desc" }, take: 10 } } },
      lines: { orderBy: { lineNo: "asc" }, include: { allocations: true } },
      decisions: { orderBy: { id: "asc" } },
      events: { orderBy: [{ at: "desc" }, { id: "desc" }] },
    },
  });
  if (!o) return null;
  const [warehouses, otherOrders, otherCount] = await Promise.all([
    db().warehouse.findMany({ where: { id: { in: [...new Set(o.lines.flatMap((l) => l.allocations.map((a) => a.warehouseId)))] } }, select: { id: true, code: true } }),
    db().order.findMany({
      where: { customerId: o.customerId, id: { not: o.id } },
      orderBy: [{ placedAt: "desc" }, { number: "desc" }],
      take: 10,
      select: { id: true, number: true, status: true, placedAt: true, total: true, currency: true },
    }),
    db().order.count({ where: { customerId: o.customerId, id: { not: o.id } } }),
  ]);
  const codeOf = new Map(warehouses.map((w) => [w.id, w.code]));
  const lineOf = new Map(o.lines.map((l) => [l.id, l]));

  const lines = o.lines.map((l) => ({
    id: l.id,
    lineNo: l.lineNo,
    sku: l.sku,
    name: l.name,
    productId: l.productId,
    quantity: l.quantity,
    allocated: l.allocated,
    backordered: l.backordered,
    shipped: l.shipped,
    cancelled: l.cancelled,
    returned: l.returned,
    unitPrice: l.unitPrice,
    lineTotal: l.lineTotal,
    tax: l.tax,
    allocations: l.allocations.map((a) => ({ warehouse: codeOf.get(a.warehouseId) ?? "?", quantity: a.quantity })).sort((a, b) => a.warehouse.localeCompare(b.warehouse)),
  }));

  // Allocations grouped by warehouse: what each warehouse holds for this order.
  const byWarehouse = new Map<string, { warehouse: string; units: number; lines: { sku: string; name: string; quantity: number }[] }>();
  for (const l of lines)
    for (const a of l.allocations) {
      const w = byWarehouse.get(a.warehouse) ?? { warehouse: a.warehouse, units: 0, lines: [] };
      w.units += a.quantity;
      w.lines.push({ sku: l.sku, name: l.name, quantity: a.quantity });
      byWarehouse.set(a.warehouse, w);
    }

  return {
    order: {
      id: o.id,
      number: orderNumber(o.number),
      status: o.status,
      heldFrom: o.heldFrom,
      holdReason: o.holdReason,
      paymentStatus: o.paymentStatus,
      channel: { code: o.channel.code, name: o.channel.name, type: o.channel.type },
      externalId: o.externalId,
      currency: o.currency,
      subtotal: o.subtotal,
      shippingPrice: o.shippingPrice,
      tax: o.tax,
      total: o.total,
      taxRate: o.taxRate.toString(),
      pricesIncludeTax: o.pricesIncludeTax,
      placedAt: o.placedAt,
      updatedAt: o.updatedAt,
      shipTo: { name: o.shipName, line1: o.shipLine1, line2: o.shipLine2, city: o.shipCity, postalCode: o.shipPostalCode, country: o.shipCountry },
    },
    lines,
    allocations: [...byWarehouse.values()].sort((a, b) => a.warehouse.localeCompare(b.warehouse)),
    decisions: o.decisions.map((d) => {
      const detail = (d.detail ?? {}) as Partial<Decision["detail"]>;
      const line = lineOf.get(d.lineId);
      return {
        id: d.id.toString(),
        at: d.at,
        actor: d.actorLabel,
        rule: d.rule,
        ruleText: detail.rule ?? d.rule,
        sku: line?.sku ?? "?",
        lineNo: line?.lineNo ?? 0,
        candidates: Array.isArray(detail.candidates) ? detail.candidates : [],
        result: Array.isArray(detail.result) ? detail.result : [],
        backordered: typeof detail.backordered === "number" ? detail.backordered : 0,
      };
    }),
    events: o.events.map((e) => ({ id: e.id.toString(), at: e.at, actor: e.actorLabel, type: e.type, from: e.fromStatus, to: e.toStatus, message: e.message })),
    customer: {
      id: o.customer.id,
      name: o.customer.name,
      email: o.customer.email,
      addresses: o.customer.addresses.map((a) => ({ id: a.id, name: a.name, line1: a.line1, line2: a.line2, city: a.city, postalCode: a.postalCode, country: a.country })),
      otherOrders: otherOrders.map((x) => ({ id: x.id, number: orderNumber(x.number), status: x.status, placedAt: x.placedAt, total: x.total, currency: x.currency })),
      otherOrdersCount: otherCount,
    },
  };
}

// ---------------------------------------------------------------------------------------------
// The dashboard

export type DashboardOrderStats = {
  todayCount: number;
  /** Value of today's orders that are not cancelled, per currency. */
  todayTotalByCurrency: { currency: string; total: bigint }[];
  byStatus: { status: OrderStatus; count: number }[];
  backorderedLines: number;
  backorderedUnits: number;
};

/** Today's orders (UTC day), orders by state (life-cycle order, states with orders only) and open backorders. */
export async function dashboardOrderStats(now: Date = new Date()): Promise<DashboardOrderStats> {
  const start = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  const [today, byStatus, backorders] = await Promise.all([
    db().$queryRaw<{ currency: string | null; orders: number; total: bigint | null }[]>`
      SELECT currency, count(*)::int AS orders, sum(total) FILTER (WHERE status <> 'CANCELLED')::bigint AS total
      FROM orders WHERE placed_at >= ${start} GROUP BY currency ORDER BY currency`,
    db().$queryRaw<{ status: string; count: number }[]>`
      SELECT status::text AS status, count(*)::int AS count FROM orders GROUP BY status ORDER BY status`,
    db().$queryRaw<{ lines: number; units: number }[]>`
      SELECT count(*)::int AS lines, coalesce(sum(l.backordered), 0)::int AS units
      FROM order_lines l JOIN orders o ON o.id = l.order_id
      WHERE l.backordered > 0 AND o.status <> 'CANCELLED'`,
  ]);
  const counts = new Map(byStatus.map((r) => [r.status, r.count]));
  return {
    todayCount: today.reduce((s, r) => s + r.orders, 0),
    todayTotalByCurrency: today.filter((r) => r.currency).map((r) => ({ currency: r.currency!, total: r.total ?? 0n })),
    byStatus: ORDER_STATUSES.filter((s) => counts.has(s)).map((s) => ({ status: s, count: counts.get(s)! })),
    backorderedLines: backorders[0]?.lines ?? 0,
    backorderedUnits: backorders[0]?.units ?? 0,
  };
}

// ---------------------------------------------------------------------------------------------
// Manual entry

export type PickupAddress = { name: string; line1: string; city: string; postalCode: string; country: string };

export type ManualEntryChannel = {
  code: string;
  name: string;
  type: string;
  currency: string;
  warehouses: string[];
  /** The address of the channel's first warehouse, for "pick up in store" (null when incomplete). */
  pickup: PickupAddress | null;
};

const MANUAL_FIRST = ["MANUAL", "INSTORE"];

/** Active channels staff may enter orders for, with what the form needs (strings only). */
export async function manualEntryChannels(): Promise<{ channels: ManualEntryChannel[]; defaultCode: string | null }> {
  const cs = await db().channel.findMany({ where: { active: true }, orderBy: { code: "asc" }, include: { warehouses: { orderBy: { priority: "asc" } } } });
  const ws = await db().warehouse.findMany({ where: { id: { in: cs.flatMap((c) => c.warehouses.map((w) => w.warehouseId)) } } });
  const byId = new Map(ws.map((w) => [w.id, w]));
  const channels = cs.map((c) => {
    const whs = c.warehouses.map((cw) => byId.get(cw.warehouseId)).filter((w) => w !== undefined);
    const first = whs[0];
    const pickup = first && first.addressLine1 && first.city && first.postalCode && first.country ? { name: first.name, line1: first.addressLine1, city: first.city, postalCode: first.postalCode, country: first.country } : null;
    return { code: c.code, name: c.name, type: c.type.toLowerCase(), currency: c.currency, warehouses: whs.map((w) => w.code), pickup };
  });
  const preferred = cs.find((c) => MANUAL_FIRST.includes(c.type)) ?? cs[0];
  return { channels, defaultCode: preferred?.code ?? null };
}

export type ProductForOrder = {
  sku: string;
  name: string;
  barcode: string | null;
  /** Selling price as a decimal string in `currency` ("16.00"). */
  price: string;
  currency: string;
  available: { warehouse: string; available: number }[];
};

async function withStock(products: { sku: string; name: string; barcode: string | null; price: bigint; currency: string }[]): Promise<ProductForOrder[]> {
  const stock = new Map((await inventoryForSkus(products.map((p) => p.sku))).map((e) => [e.sku, e]));
  return products.map((p) => ({
    sku: p.sku,
    name: p.name,
    barcode: p.barcode,
    price: toDecimalString(p.price, p.currency),
    currency: p.currency,
    available: (stock.get(p.sku)?.warehouses ?? []).map((w) => ({ warehouse: w.code, available: Math.max(0, w.available) })),
  }));
}

const productSelect = { sku: true, name: true, barcode: true, price: true, currency: true, active: true, variants: { select: { sku: true }, orderBy: { sku: "asc" as const } } } as const;

/**
 * A product by what a scanner or a person types: its barcode, or its SKU (exact, then ignoring
 * case). Refused with a clear message when nothing matches, or when it cannot be ordered
 * (inactive, or a product with variants: one of the variants must be ordered).
 */
export async function lookupProductForOrder(code: string): Promise<ProductForOrder> {
  const c = code.trim();
  const notFound = () => new AppError("NOT_FOUND", `No product has the barcode or SKU “${c}”.`, { issues: [{ path: "code", message: `No product has the barcode or SKU “${c}”` }] });
  if (!c) throw notFound();
  const p =
    (await db().product.findUnique({ where: { barcode: c }, select: productSelect })) ??
    (await db().product.findUnique({ where: { sku: c }, select: productSelect })) ??
    (await db().product.findFirst({ where: { sku: { equals: c, mode: "insensitive" } }, select: productSelect, orderBy: { sku: "asc" } }));
  if (!p) throw notFound();
  if (!p.active) throw new AppError("VALIDATION", `${p.sku} is not for sale (inactive).`, { issues: [{ path: "code", message: `${p.sku} is not for sale (inactive)` }] });
  if (p.variants.length) {
    const message = `${p.sku} comes in variants; scan or search one of them: ${p.variants.map((v) => v.sku).join(", ")}`;
    throw new AppError("VALIDATION", message, { issues: [{ path: "code", message }] });
  }
  return (await withStock([p]))[0]!;
}

/** Up to 10 orderable products whose name, SKU or barcode matches (name order). */
export async function searchProductsForOrder(q: string): Promise<ProductForOrder[]> {
  const s = q.trim();
  if (s.length < 2) return [];
  const products = await db().product.findMany({
    where: {
      active: true,
      variants: { none: {} },
      OR: [{ name: { contains: s, mode: "insensitive" } }, { sku: { contains: s, mode: "insensitive" } }, { barcode: s }],
    },
    orderBy: [{ name: "asc" }, { sku: "asc" }],
    take: 10,
    select: { sku: true, name: true, barcode: true, price: true, currency: true },
  });
  return withStock(products);
}

/** The channel a manual order is entered for: active, by code; refused on the `channel` field otherwise. */
export async function channelForManualEntry(code: string): Promise<{ id: string; code: string; currency: string }> {
  const c = await db().channel.findUnique({ where: { code }, select: { id: true, code: true, currency: true, active: true } });
  if (!c || !c.active) throw new AppError("VALIDATION", `Unknown channel ${code}.`, { issues: [{ path: "channel", message: "Choose one of the listed channels" }] });
  return { id: c.id, code: c.code, currency: c.currency };
}
