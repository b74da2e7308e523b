import "server-only";
import { createHash } from "node:crypto";
import type { OrderStatus } from "../generated/prisma/enums";
import { transaction, type Tx } from "../db";
import { AppError } from "../errors";
import { recordAudit, type Actor } from "../audit/service";
import { postJournalEntry } from "../accounting/service";
import { parseMoney } from "../money";
import { adjustStock } from "../inventory/adjustments";
import type { AdjustmentInput } from "../inventory/schema";
import { allocateLines, deallocateLine, LINE_OWNER } from "./allocation";
import type { OrderInput } from "./schema";
import { ALLOCATABLE, allocationStatus, assertTransition, FILLABLE, label } from "./state";
import { computeTotals } from "./totals";
import { returnLineToStock, settleFulfilment } from "../fulfilment/service";

const IN_FULFILMENT: readonly OrderStatus[] = ["PICKING", "PACKED", "PARTIALLY_SHIPPED"];

export type CreateResult = { orderId: string; created: boolean };

export async function event(tx: Tx, actor: Actor, orderId: string, type: string, message: string, from?: OrderStatus | null, to?: OrderStatus | null, at?: Date) {
  await tx.orderEvent.create({ data: { orderId, actorLabel: actor.label, type, message, fromStatus: from ?? null, toStatus: to ?? null, ...(at ? { at } : {}) } });
}

/** Changes status through the state machine (compare-and-set on the version), with a timeline entry. */
export async function transition(tx: Tx, actor: Actor, order: { id: string; status: OrderStatus; version: number }, to: OrderStatus, why: string, extra: { heldFrom?: OrderStatus | null; holdReason?: string | null } = {}, at?: Date) {
  if (order.status === to) return order;
  assertTransition(order.status, to);
  const n = await tx.order.updateMany({ where: { id: order.id, version: order.version }, data: { status: to, version: { increment: 1 }, ...extra } });
  if (n.count !== 1) throw new AppError("CONFLICT", "The order changed meanwhile; reload and try again.");
  await event(tx, actor, order.id, "status", why, order.status, to, at);
  return { ...order, status: to, version: order.version + 1 };
}

export async function lockOrder(tx: Tx, orderId: string) {
  const rows = await tx.$queryRaw<{ id: string }[]>`SELECT id::text FROM orders WHERE id = ${orderId}::uuid FOR UPDATE`;
  if (!rows.length) throw new AppError("NOT_FOUND", "Order not found.");
  return tx.order.findUniqueOrThrow({ where: { id: orderId }, include: { lines: { orderBy: { lineNo: "asc" } }, channel: { include: { warehouses: { orderBy: { priority: "asc" } } } } } });
}

export async function channelWarehouses(tx: Tx, channelId: string) {
  const cw = await tx.channelWarehouse.findMany({ where: { channelId }, orderBy: { priority: "asc" } });
  const ws = await tx.warehouse.findMany({ where: { id: { in: cw.map((c) => c.warehouseId) }, active: true }, select: { id: true, code: true } });
  return cw.map((c) => ws.find((w) => w.id === c.warehouseId)).filter((w): w is { id: string; code: string } => Boolean(w));
}

/** Re-derives the status from the lines after allocation changed. */
async function settleAllocationStatus(tx: Tx, actor: Actor, orderId: string, why: string, at?: Date) {
  const o = await tx.order.findUniqueOrThrow({ where: { id: orderId }, include: { lines: true } });
  if (!ALLOCATABLE.includes(o.status)) return o.status;
  const next = allocationStatus(o.lines);
  await transition(tx, actor, o, next, why, {}, at);
  return next;
}

function addressFingerprint(a: OrderInput["shippingAddress"]): string {
  const norm = [a.name, a.line1, a.line2 ?? "", a.city, a.postalCode, a.country].map((s) => s.trim().toLowerCase().replace(/\s+/g, " ")).join("|");
  return createHash("sha256").update(norm).digest("hex");
}

/**
 * The one intake service (API, webhooks, manual entry). Idempotent by unique constraints:
 * the same channel + externalId, or the same Idempotency-Key, yields the one existing order,
 * also when duplicates arrive at the same moment. A new order is confirmed, posted to the books
 * (sale, and payment when paid) and allocated in the same transaction.
 */
export async function createOrder(actor: Actor, opts: { channelId: string; input: OrderInput; idempotencyKey?: string; tx?: Tx; placedAt?: Date }): Promise<CreateResult> {
  const run = async (tx: Tx): Promise<CreateResult> => {
    const { input } = opts;
    const channel = await tx.channel.findUniqueOrThrow({ where: { id: opts.channelId } });
    const existing = async () =>
      tx.order.findFirst({
        where: { channelId: channel.id, OR: [{ externalId: input.externalId }, ...(opts.idempotencyKey ? [{ idempotencyKey: opts.idempotencyKey }] : [])] },
        select: { id: true },
      });
    const prior = await existing();
    if (prior) return { orderId: prior.id, created: false };

    if (input.currency !== channel.currency)
      throw new AppError("VALIDATION", `This channel sells in ${channel.currency}.`, { issues: [{ path: "currency", message: `Must be ${channel.currency} for channel ${channel.code}` }] });
    const skus = [...new Set(input.lines.map((l) => l.sku))];
    const products = await tx.product.findMany({ where: { sku: { in: skus } }, select: { id: true, sku: true, name: true, active: true, parentId: true, _count: { select: { variants: true } } } });
    const bySku = new Map(products.map((p) => [p.sku, p]));
    const issues = input.lines.flatMap((l, i) => {
      const p = bySku.get(l.sku);
      if (!p) return [{ path: `lines.${i}.sku`, message: `Unknown SKU ${l.sku}` }];
      if (!p.active) return [{ path: `lines.${i}.sku`, message: `${l.sku} is not for sale` }];
      if (p._count.variants > 0) return [{ path: `lines.${i}.sku`, message: `${l.sku} has variants; order one of them` }];
      return [];
    });
    if (issues.length) throw new AppError("VALIDATION", "Some lines are invalid.", { issues });

    const parsed = input.lines.map((l, i) => {
      try {
        return { ...l, price: parseMoney(l.unitPrice, input.currency).amount };
      } catch {
        throw new AppError("VALIDATION", "Invalid price.", { issues: [{ path: `lines.${i}.unitPrice`, message: `Too many decimals for ${input.currency}` }] });
      }
    });
    let shipping = 0n;
    try {
      shipping = input.shippingPrice ? parseMoney(input.shippingPrice, input.currency).amount : 0n;
    } catch {
      throw new AppError("VALIDATION", "Invalid shipping price.", { issues: [{ path: "shippingPrice", message: `Too many decimals for ${input.currency}` }] });
    }
    const taxRate = channel.taxRate.toString();
    const totals = computeTotals({ lines: parsed.map((l) => ({ quantity: l.quantity, unitPrice: l.price })), shipping, taxRate, pricesIncludeTax: channel.pricesIncludeTax });

    const email = input.customer.email.toLowerCase();
    const [customer] = await tx.$queryRaw<{ id: string }[]>`
      INSERT INTO customers (id, email, name, updated_at) VALUES (gen_random_uuid(), ${email}, ${input.customer.name}, now())
      ON CONFLICT (email) DO UPDATE SET name = EXCLUDED.name, updated_at = now() RETURNING id::text`;
    const a = input.shippingAddress;
    await tx.$executeRaw`
      INSERT INTO customer_addresses (id, customer_id, fingerprint, name, line1, line2, city, postal_code, country)
      VALUES (gen_random_uuid(), ${customer!.id}::uuid, ${addressFingerprint(a)}, ${a.name}, ${a.line1}, ${a.line2 ?? null}, ${a.city}, ${a.postalCode}, ${a.country})
      ON CONFLICT (customer_id, fingerprint) DO UPDATE SET last_used_at = now()`;

    const placedAt = opts.placedAt ?? new Date();
    // ON CONFLICT DO NOTHING: a concurrent duplicate waits for the first, then finds it.
    const inserted = await tx.$queryRaw<{ id: string; number: number }[]>`
      INSERT INTO orders (id, channel_id, external_id, idempotency_key, status, payment_status, currency, customer_id,
        ship_name, ship_line1, ship_line2, ship_city, ship_postal_code, ship_country,
        subtotal, shipping_price, tax, total, tax_rate, prices_include_tax, placed_at, created_at, updated_at, created_by_id)
      VALUES (gen_random_uuid(), ${channel.id}::uuid, ${input.externalId}, ${opts.idempotencyKey ?? null}, 'PENDING', ${input.paid ? "PAID" : "UNPAID"}::"PaymentStatus",
        ${input.currency}, ${customer!.id}::uuid, ${a.name}, ${a.line1}, ${a.line2 ?? null}, ${a.city}, ${a.postalCode}, ${a.country},
        ${totals.subtotal}, ${totals.shippingPrice}, ${totals.tax}, ${totals.total}, ${taxRate}::numeric, ${channel.pricesIncludeTax},
        ${placedAt}, ${placedAt}, ${placedAt}, ${actor.id}::uuid)
      ON CONFLICT DO NOTHING RETURNING id::text, number`;
    if (!inserted.length) {
      const dup = await existing();
      if (!dup) throw new AppError("CONFLICT", "A conflicting order exists; retry.");
      return { orderId: dup.id, created: false };
    }
    const order = inserted[0]!;
    await tx.orderLine.createMany({
      data: parsed.map((l, i) => {
        const p = bySku.get(l.sku)!;
        return { orderId: order.id, lineNo: i + 1, productId: p.id, sku: p.sku, name: p.name, quantity: l.quantity, unitPrice: l.price, lineTotal: totals.lines[i]!.lineTotal, tax: totals.lines[i]!.tax, backordered: l.quantity };
      }),
    });
    await event(tx, actor, order.id, "created", `Order received from ${channel.name} (${input.externalId})`, null, "PENDING", placedAt);

    // Books: the sale, and the payment when the channel says it is paid.
    if (totals.total > 0n)
      await postJournalEntry(tx, actor, {
        sourceType: "Order",
        sourceId: order.id,
        kind: "sale",
        postedAt: placedAt,
        memo: `Sale SO-${order.number} (${channel.code} ${input.externalId})`,
        currency: input.currency,
        lines: [
          { account: "accounts_receivable", debit: totals.total },
          ...(totals.salesNet > 0n ? [{ account: "sales_revenue" as const, credit: totals.salesNet }] : []),
          ...(totals.shippingNet > 0n ? [{ account: "shipping_revenue" as const, credit: totals.shippingNet }] : []),
          ...(totals.tax > 0n ? [{ account: "sales_tax_payable" as const, credit: totals.tax }] : []),
        ],
      });
    if (input.paid && totals.total > 0n)
      await postJournalEntry(tx, actor, {
        sourceType: "Order",
        sourceId: order.id,
        kind: "payment",
        postedAt: placedAt,
        memo: `Payment for SO-${order.number}`,
        currency: input.currency,
        lines: [{ account: "cash", debit: totals.total }, { account: "accounts_receivable", credit: totals.total }],
      });

    // Fresh from the insert: PENDING, version 1.
    await transition(tx, actor, { id: order.id, status: "PENDING", version: 1 }, "CONFIRMED", "Confirmed on receipt", {}, placedAt);
    const lines = await tx.orderLine.findMany({ where: { orderId: order.id }, orderBy: { lineNo: "asc" } });
    await allocateLines(tx, actor, {
      orderId: order.id,
      lines: lines.map((l) => ({ id: l.id, lineNo: l.lineNo, sku: l.sku, productId: l.productId, need: l.backordered })),
      warehouses: await channelWarehouses(tx, channel.id),
      allowSplit: channel.allowSplit,
      mode: "order",
      at: placedAt,
    });
    await settleAllocationStatus(tx, actor, order.id, "Allocated on confirmation", placedAt);
    await recordAudit(tx, { actor, action: "order.create", entityType: "Order", entityId: order.id, after: { number: order.number, channel: channel.code, externalId: input.externalId, total: totals.total } });
    return { orderId: order.id, created: true };
  };
  return opts.tx ? run(opts.tx) : transaction(run, { timeoutMs: 30_000 });
}

/**
 * Fills backorders of these items, first come, first served (oldest order first), from each
 * order's channel warehouses. Runs inside the transaction that made the stock available.
 */
export async function fillBackorders(tx: Tx, actor: Actor, productIds: string[]): Promise<number> {
  if (!productIds.length) return 0;
  const lines = await tx.$queryRaw<{ id: string; order_id: string; line_no: number; sku: string; product_id: string; backordered: number; channel_id: string; allow_split: boolean }[]>`
    SELECT l.id::text, l.order_id::text, l.line_no, l.sku, l.product_id::text, l.backordered, o.channel_id::text, c.allow_split
    FROM order_lines l JOIN orders o ON o.id = l.order_id JOIN channels c ON c.id = o.channel_id
    WHERE l.backordered > 0 AND o.status::text = ANY(${[...FILLABLE]}::text[])
      AND (l.product_id = ANY(${productIds}::uuid[])
           OR EXISTS (SELECT 1 FROM kit_components k WHERE k.kit_id = l.product_id AND k.component_id = ANY(${productIds}::uuid[])))
    ORDER BY o.created_at, o.number, l.line_no
    FOR UPDATE OF l, o`;
  let filled = 0;
  const touched = new Set<string>();
  for (const l of lines) {
    const used = await tx.lineAllocation.findMany({ where: { line: { orderId: l.order_id } }, select: { warehouseId: true } });
    const decisions = await allocateLines(tx, actor, {
      orderId: l.order_id,
      lines: [{ id: l.id, lineNo: l.line_no, sku: l.sku, productId: l.product_id, need: l.backordered }],
      warehouses: await channelWarehouses(tx, l.channel_id),
      allowSplit: l.allow_split,
      mode: "fill",
      usedWarehouseIds: [...new Set(used.map((u) => u.warehouseId))],
    });
    const got = decisions.reduce((s, d) => s + d.detail.result.reduce((x, r) => x + r.quantity, 0), 0);
    if (got > 0) {
      filled += got;
      touched.add(l.order_id);
      await event(tx, actor, l.order_id, "backorder_filled", `${got} × ${l.sku} allocated from arriving stock`);
    }
  }
  for (const id of touched) await settleAllocationStatus(tx, actor, id, "Backorder filled");
  return filled;
}

/** Adjusts stock and, when units arrive, fills waiting backorders in the same transaction. */
export async function adjustStockAndFillBackorders(actor: Actor, input: AdjustmentInput) {
  return transaction(async (tx) => {
    const r = await adjustStock(actor, input, { tx });
    if (input.quantity > 0) {
      const p = await tx.product.findUniqueOrThrow({ where: { sku: input.sku }, select: { id: true } });
      await fillBackorders(tx, actor, [p.id]);
    }
    return r;
  });
}

async function reverseSale(tx: Tx, actor: Actor, o: { id: string; number: number; currency: string; paymentStatus: string }, amounts: { total: bigint; salesNet: bigint; shippingNet: bigint; tax: bigint }, kind: string, memo: string) {
  if (amounts.total <= 0n) return;
  await postJournalEntry(tx, actor, {
    sourceType: "Order",
    sourceId: o.id,
    kind,
    memo,
    currency: o.currency,
    lines: [
      ...(amounts.salesNet > 0n ? [{ account: "sales_revenue" as const, debit: amounts.salesNet }] : []),
      ...(amounts.shippingNet > 0n ? [{ account: "shipping_revenue" as const, debit: amounts.shippingNet }] : []),
      ...(amounts.tax > 0n ? [{ account: "sales_tax_payable" as const, debit: amounts.tax }] : []),
      { account: "accounts_receivable", credit: amounts.total },
    ],
  });
  if (o.paymentStatus === "PAID")
    await postJournalEntry(tx, actor, {
      sourceType: "Order",
      sourceId: o.id,
      kind: `${kind}-refund`,
      memo: `Refund: ${memo}`,
      currency: o.currency,
      lines: [{ account: "accounts_receivable", debit: amounts.total }, { account: "cash", credit: amounts.total }],
    });
}

/**
 * Cancels a whole order: reservations released, lines cancelled, the sale reversed (and
 * refunded when paid), the freed stock offered to the oldest backorders. Refused once anything
 * has shipped. Cancelling a cancelled order changes nothing.
 */
export async function cancelOrder(actor: Actor, opts: { orderId: string; reason?: string; tx?: Tx }): Promise<{ orderId: string }> {
  const run = async (tx: Tx) => {
    const o = await lockOrder(tx, opts.orderId);
    if (o.status === "CANCELLED") return { orderId: o.id };
    if (o.lines.some((l) => l.shipped > 0) || ["SHIPPED", "PARTIALLY_SHIPPED", "DELIVERED"].includes(o.status))
      throw new AppError("CONFLICT", `Order SO-${o.number} has shipped and cannot be cancelled; return it instead.`);
    assertTransition(o.status, "CANCELLED");
    const freed = new Set<string>();
    for (const l of o.lines) {
      // Picked goods go back to their bins by moves, open pick tasks shrink.
      await returnLineToStock(tx, actor, l.id);
      await deallocateLine(tx, l.id, { toBackorder: false });
      const back = await tx.orderLine.findUniqueOrThrow({ where: { id: l.id } });
      if (back.backordered > 0) await tx.orderLine.update({ where: { id: l.id }, data: { cancelled: { increment: back.backordered }, backordered: 0 } });
      freed.add(l.productId);
    }
    const comps = await tx.kitComponent.findMany({ where: { kitId: { in: [...freed] } }, select: { componentId: true } });
    for (const c of comps) freed.add(c.componentId);
    const totals = computeTotals({ lines: o.lines.map((l) => ({ quantity: l.quantity, unitPrice: l.unitPrice })), shipping: o.shippingPrice, taxRate: o.taxRate.toString(), pricesIncludeTax: o.pricesIncludeTax });
    await reverseSale(tx, actor, o, totals, "cancellation", `Cancellation of SO-${o.number}`);
    await transition(tx, actor, o, "CANCELLED", opts.reason ? `Cancelled: ${opts.reason}` : "Cancelled", { heldFrom: null, holdReason: null });
    if (o.paymentStatus === "PAID") await tx.order.update({ where: { id: o.id }, data: { paymentStatus: "REFUNDED" } });
    await fillBackorders(tx, actor, [...freed]);
    await recordAudit(tx, { actor, action: "order.cancel", entityType: "Order", entityId: o.id, before: { status: o.status }, after: { status: "CANCELLED", reason: opts.reason } });
    return { orderId: o.id };
  };
  return opts.tx ? run(opts.tx) : transaction(run, { timeoutMs: 30_000 });
}

/** Cancels what is still open on one line; the order stays (or becomes cancelled when nothing is left). */
export async function cancelOrderLine(actor: Actor, opts: { orderId: string; lineId: string; reason?: string }) {
  return transaction(async (tx) => {
    const o = await lockOrder(tx, opts.orderId);
    const line = o.lines.find((l) => l.id === opts.lineId);
    if (!line) throw new AppError("NOT_FOUND", "Order line not found.");
    if (!ALLOCATABLE.includes(o.status) && !IN_FULFILMENT.includes(o.status) && o.status !== "ON_HOLD") throw new AppError("CONFLICT", `Lines of an order that is ${label(o.status)} cannot be cancelled here.`);
    const open = line.allocated + line.backordered;
    if (open === 0) throw new AppError("CONFLICT", "Nothing is left to cancel on this line.");
    await returnLineToStock(tx, actor, line.id);
    await deallocateLine(tx, line.id, { toBackorder: false });
    await tx.orderLine.update({ where: { id: line.id }, data: { cancelled: { increment: line.backordered }, backordered: 0 } });
    // Reverse the part of the sale this line stood for (pro rata to what was open).
    const lineNet = o.pricesIncludeTax ? line.lineTotal - line.tax : line.lineTotal;
    const share = (x: bigint) => (x * BigInt(open)) / BigInt(line.quantity);
    const salesNet = share(lineNet);
    const tax = share(line.tax);
    await reverseSale(tx, actor, o, { total: salesNet + tax, salesNet, shippingNet: 0n, tax }, `line-cancel-${line.lineNo}`, `SO-${o.number} line ${line.lineNo} (${line.sku} ×${open}) cancelled`);
    await event(tx, actor, o.id, "line_cancelled", `Line ${line.lineNo}: ${open} × ${line.sku} cancelled${opts.reason ? ` — ${opts.reason}` : ""}`);
    const freed = [line.productId, ...(await tx.kitComponent.findMany({ where: { kitId: line.productId }, select: { componentId: true } })).map((c) => c.componentId)];
    const fresh = await tx.orderLine.findMany({ where: { orderId: o.id } });
    if (IN_FULFILMENT.includes(o.status)) await settleFulfilment(tx, actor, o.id, "Line cancelled");
    else if (o.status !== "ON_HOLD") await transition(tx, actor, o, allocationStatus(fresh), "Line cancelled");
    await fillBackorders(tx, actor, freed);
    await recordAudit(tx, { actor, action: "order.cancel_line", entityType: "Order", entityId: o.id, after: { lineNo: line.lineNo, sku: line.sku, cancelled: open } });
    return { orderId: o.id };
  });
}

export async function holdOrder(actor: Actor, opts: { orderId: string; reason: string }) {
  return transaction(async (tx) => {
    const o = await lockOrder(tx, opts.orderId);
    if (o.status === "ON_HOLD") return { orderId: o.id };
    await transition(tx, actor, o, "ON_HOLD", `On hold: ${opts.reason}`, { heldFrom: o.status, holdReason: opts.reason });
    await recordAudit(tx, { actor, action: "order.hold", entityType: "Order", entityId: o.id, before: { status: o.status }, after: { status: "ON_HOLD", reason: opts.reason } });
    return { orderId: o.id };
  });
}

export async function releaseOrder(actor: Actor, opts: { orderId: string }) {
  return transaction(async (tx) => {
    const o = await lockOrder(tx, opts.orderId);
    if (o.status !== "ON_HOLD") throw new AppError("CONFLICT", `Order SO-${o.number} is not on hold.`);
    let to = o.heldFrom ?? "CONFIRMED";
    if (ALLOCATABLE.includes(to)) to = allocationStatus(o.lines);
    await transition(tx, actor, o, to, "Hold released", { heldFrom: null, holdReason: null });
    await recordAudit(tx, { actor, action: "order.release", entityType: "Order", entityId: o.id, before: { status: "ON_HOLD" }, after: { status: to } });
    return { orderId: o.id };
  });
}

/** Releases the order's allocations and allocates again with the rules and stock of now. */
export async function reallocateOrder(actor: Actor, opts: { orderId: string }) {
  return transaction(async (tx) => {
    const o = await lockOrder(tx, opts.orderId);
    if (!ALLOCATABLE.includes(o.status)) throw new AppError("CONFLICT", `An order that is ${label(o.status)} cannot be re-allocated.`);
    for (const l of o.lines) await deallocateLine(tx, l.id, { toBackorder: true });
    const lines = await tx.orderLine.findMany({ where: { orderId: o.id }, orderBy: { lineNo: "asc" } });
    await allocateLines(tx, actor, {
      orderId: o.id,
      lines: lines.map((l) => ({ id: l.id, lineNo: l.lineNo, sku: l.sku, productId: l.productId, need: l.backordered })),
      warehouses: o.channel.warehouses.length ? await channelWarehouses(tx, o.channelId) : [],
      allowSplit: o.channel.allowSplit,
      mode: "order",
    });
    await event(tx, actor, o.id, "reallocated", "Re-allocated by hand");
    await settleAllocationStatus(tx, actor, o.id, "Re-allocated");
    await recordAudit(tx, { actor, action: "order.reallocate", entityType: "Order", entityId: o.id });
    return { orderId: o.id };
  });
}

export { LINE_OWNER };
