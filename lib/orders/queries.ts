import "server-only";
import { db, Prisma } from "../db";
import { toDecimalString } from "../money";
import type { OrderStatus } from "../generated/prisma/enums";

/** The order as the API shows it (CONTRACT §4), plus a few extra fields. */
export type OrderDto = {
  id: string;
  number: string;
  channel: string;
  externalId: string;
  status: string;
  paymentStatus: string;
  currency: string;
  subtotal: string;
  shippingPrice: string;
  tax: string;
  total: string;
  createdAt: string;
  updatedAt: string;
  customer: { name: string; email: string };
  lines: { sku: string; quantity: number; unitPrice: string; allocated: number; backordered: number; shipped: number; cancelled: number }[];
  allocations: { warehouse: string; sku: string; quantity: number }[];
  allocationReasons: { sku: string; rule: string; reason: string; candidates: unknown; result: unknown; at: string }[];
};

const include = {
  channel: { select: { code: true } },
  customer: { select: { name: true, email: true } },
  lines: { orderBy: { lineNo: "asc" as const }, include: { allocations: true } },
  decisions: { orderBy: { id: "asc" as const } },
};

type Loaded = Prisma.OrderGetPayload<{ include: typeof include }>;

export function orderNumber(n: number): string {
  return `SO-${String(n).padStart(6, "0")}`;
}

async function toDtos(orders: Loaded[]): Promise<OrderDto[]> {
  const whIds = [...new Set(orders.flatMap((o) => o.lines.flatMap((l) => l.allocations.map((a) => a.warehouseId))))];
  const ws = await db().warehouse.findMany({ where: { id: { in: whIds } }, select: { id: true, code: true } });
  const code = new Map(ws.map((w) => [w.id, w.code]));
  return orders.map((o) => {
    const m = (x: bigint) => toDecimalString(x, o.currency);
    const skuOf = new Map(o.lines.map((l) => [l.id, l.sku]));
    return {
      id: o.id,
      number: orderNumber(o.number),
      channel: o.channel.code,
      externalId: o.externalId,
      status: o.status.toLowerCase(),
      paymentStatus: o.paymentStatus.toLowerCase(),
      currency: o.currency,
      subtotal: m(o.subtotal),
      shippingPrice: m(o.shippingPrice),
      tax: m(o.tax),
      total: m(o.total),
      createdAt: o.createdAt.toISOString(),
      updatedAt: o.updatedAt.toISOString(),
      customer: { name: o.customer.name, email: o.customer.email },
      lines: o.lines.map((l) => ({ sku: l.sku, quantity: l.quantity, unitPrice: m(l.unitPrice), allocated: l.allocated, backordered: l.backordered, shipped: l.shipped, cancelled: l.cancelled })),
      allocations: o.lines.flatMap((l) => l.allocations.map((a) => ({ warehouse: code.get(a.warehouseId) ?? "?", sku: l.sku, quantity: a.quantity }))),
      allocationReasons: o.decisions.map((d) => {
        const detail = d.detail as { rule?: string; candidates?: unknown; result?: unknown };
        return { sku: skuOf.get(d.lineId) ?? "?", rule: d.rule, reason: detail.rule ?? d.rule, candidates: detail.candidates ?? [], result: detail.result ?? [], at: d.at.toISOString() };
      }),
    };
  });
}

export async function getOrderDto(id: string, channelId?: string): Promise<OrderDto | null> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
  const o = await db().order.findFirst({ where: { id, ...(channelId ? { channelId } : {}) }, include });
  return o ? (await toDtos([o]))[0]! : null;
}

const STATUSES = ["PENDING", "CONFIRMED", "ALLOCATED", "PARTIALLY_ALLOCATED", "BACKORDERED", "ON_HOLD", "PICKING", "PACKED", "PARTIALLY_SHIPPED", "SHIPPED", "DELIVERED", "CANCELLED"] as const;

export function parseStatus(s: string | null | undefined): OrderStatus | undefined {
  const up = s?.toUpperCase();
  return (STATUSES as readonly string[]).includes(up ?? "") ? (up as OrderStatus) : undefined;
}

/** Keyset pagination by (updatedAt, id) for GET /api/v1/orders. */
export async function listOrdersForApi(opts: { channelId?: string; status?: OrderStatus; updatedSince?: Date; limit: number; cursor?: string }) {
  let after: { t: Date; id: string } | undefined;
  if (opts.cursor) {
    try {
      const [t, id] = Buffer.from(opts.cursor, "base64url").toString("utf8").split("|");
      if (t && id) after = { t: new Date(t), id };
    } catch {
      /* ignored: invalid cursors start from the beginning */
    }
  }
  const where: Prisma.OrderWhereInput = {
    ...(opts.channelId ? { channelId: opts.channelId } : {}),
    ...(opts.status ? { status: opts.status } : {}),
    ...(opts.updatedSince ? { updatedAt: { gte: opts.updatedSince } } : {}),
    ...(after ? { OR: [{ updatedAt: { gt: after.t } }, { updatedAt: after.t, id: { gt: after.id } }] } : {}),
  };
  const rows = await db().order.findMany({ where, include, orderBy: [{ updatedAt: "asc" }, { id: "asc" }], take: opts.limit + 1 });
  const page = rows.slice(0, opts.limit);
  const last = page[page.length - 1];
  return {
    items: await toDtos(page),
    nextCursor: rows.length > opts.limit && last ? Buffer.from(`${last.updatedAt.toISOString()}|${last.id}`).toString("base64url") : null,
  };
}

export { STATUSES as ORDER_STATUSES };
