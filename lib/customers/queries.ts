import "server-only";
import { db, Prisma } from "../db";
import { toDecimalString } from "../money";
import { orderNumber } from "../orders/queries";

/** Reads for the customer pages: plain, serializable DTOs (no bigint, Decimal or Prisma rows). */

export type CustomerListRow = {
  id: string;
  name: string;
  email: string;
  orders: number;
  /** ISO time of the newest order, null without orders. */
  lastOrderAt: string | null;
};

export type CustomerList = { rows: CustomerListRow[]; total: number; page: number; pageSize: number };

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * Customers by name or email (case-insensitive, any part; an exact email finds that one
 * customer again), with their number of orders and the date of the last one. Newest activity first.
 */
export async function listCustomers(opts: { q?: string; page?: number; pageSize?: number } = {}): Promise<CustomerList> {
  const pageSize = Math.min(Math.max(opts.pageSize ?? 50, 1), 200);
  const page = Math.max(1, Math.floor(opts.page ?? 1));
  const q = opts.q?.trim().slice(0, 200);
  const where = q ? Prisma.sql`WHERE c.email ILIKE ${`%${escapeLike(q)}%`} OR c.name ILIKE ${`%${escapeLike(q)}%`}` : Prisma.empty;
  const [count] = await db().$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM customers c ${where}`;
  const rows = await db().$queryRaw<{ id: string; name: string; email: string; orders: number; last_order_at: Date | null }[]>`
    SELECT c.id::text, c.name, c.email, coalesce(o.n, 0)::int AS orders, o.last AS last_order_at
    FROM customers c
    LEFT JOIN LATERAL (SELECT count(*) AS n, max(placed_at) AS last FROM orders WHERE customer_id = c.id) o ON true
    ${where}
    ORDER BY o.last DESC NULLS LAST, c.name, c.id
    LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`;
  return {
    rows: rows.map((r) => ({ id: r.id, name: r.name, email: r.email, orders: r.orders, lastOrderAt: r.last_order_at?.toISOString() ?? null })),
    total: count?.n ?? 0,
    page,
    pageSize,
  };
}

export type CustomerAddressDto = { id: string; name: string; line1: string; line2: string | null; city: string; postalCode: string; country: string; lastUsedAt: string };

export type CustomerOrderDto = {
  id: string;
  number: string;
  channel: string;
  placedAt: string;
  /** OrderStatus, e.g. "ALLOCATED". */
  status: string;
  paymentStatus: string;
  currency: string;
  /** Decimal string in the order's currency, e.g. "19.99". */
  total: string;
};

export type CustomerDetail = {
  id: string;
  name: string;
  email: string;
  createdAt: string;
  addresses: CustomerAddressDto[];
  orders: CustomerOrderDto[];
  /** All of the customer's orders (the list holds the newest `ORDER_LIMIT`). */
  orderCount: number;
  /** Sum of the totals of orders not cancelled, per currency. */
  spent: { currency: string; total: string }[];
};

export const ORDER_LIMIT = 200;

/** One customer with addresses (most recently used first) and order history (newest first), or null. */
export async function getCustomer(id: string): Promise<CustomerDetail | null> {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) return null;
  const c = await db().customer.findUnique({
    where: { id },
    include: {
      addresses: { orderBy: [{ lastUsedAt: "desc" }, { id: "asc" }] },
      orders: {
        orderBy: [{ placedAt: "desc" }, { number: "desc" }],
        take: ORDER_LIMIT,
        select: { id: true, number: true, placedAt: true, status: true, paymentStatus: true, currency: true, total: true, channel: { select: { code: true } } },
      },
      _count: { select: { orders: true } },
    },
  });
  if (!c) return null;
  const sums = await db().order.groupBy({ by: ["currency"], where: { customerId: id, status: { not: "CANCELLED" } }, _sum: { total: true }, orderBy: { currency: "asc" } });
  return {
    id: c.id,
    name: c.name,
    email: c.email,
    createdAt: c.createdAt.toISOString(),
    addresses: c.addresses.map((a) => ({ id: a.id, name: a.name, line1: a.line1, line2: a.line2, city: a.city, postalCode: a.postalCode, country: a.country.trim(), lastUsedAt: a.lastUsedAt.toISOString() })),
    orders: c.orders.map((o) => ({
      id: o.id,
      number: orderNumber(o.number),
      channel: o.channel.code,
      placedAt: o.placedAt.toISOString(),
      status: o.status,
      paymentStatus: o.paymentStatus,
      currency: o.currency,
      total: toDecimalString(o.total, o.currency),
    })),
    orderCount: c._count.orders,
    spent: sums.map((s) => ({ currency: s.currency, total: toDecimalString(s._sum.total ?? 0n, s.currency) })),
  };
}
