import "server-only";
import { Prisma, db, isUniqueViolation, transaction, type Tx } from "../db";
import { AppError } from "../errors";
import { recordAudit, type Actor } from "../audit/service";
import { postJournalEntry } from "../accounting/service";
import { getCompany } from "../settings/company";
import { recordMove } from "../inventory/ledger";
import { defaultBinId, findWarehouse, virtualLocationId } from "../inventory/locations";
import { findProductBySku } from "../inventory/products";
import { fillBackorders } from "../orders/service";
import { oncePerScan } from "../scans";
import type { RoleName } from "../authz";
import { OVER_RECEIPT_TOLERANCE, type PurchaseOrderInput, type PutawayInput, type ReceiptInput, type SupplierInput, type SupplierPriceInput } from "./schema";

/**
 * Purchasing: suppliers and their prices, purchase orders (draft → sent → partially received →
 * received → closed, or cancelled), receiving (Supplier → the warehouse's receiving bin at the
 * order's cost, inventory against goods received not invoiced, backorders filled — one
 * transaction; damaged units to Returns/Quarantine), putaway (receiving bin → a bin by a move).
 */

export async function createSupplier(actor: Actor, input: SupplierInput) {
  try {
    return await transaction(async (tx) => {
      const s = await tx.supplier.create({ data: { ...input } });
      await recordAudit(tx, { actor, action: "supplier.create", entityType: "Supplier", entityId: s.id, after: input });
      return { id: s.id, code: s.code };
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError("CONFLICT", `Supplier ${input.code} exists.`, { issues: [{ path: "code", message: "Already in use" }] });
    throw e;
  }
}

async function findSupplier(tx: Tx, code: string) {
  const s = await tx.supplier.findUnique({ where: { code } });
  if (!s) throw new AppError("VALIDATION", `Unknown supplier ${code}.`, { issues: [{ path: "supplier", message: "Unknown supplier" }] });
  return s;
}

export async function setSupplierPrice(actor: Actor, input: SupplierPriceInput) {
  return transaction(async (tx) => {
    const s = await findSupplier(tx, input.supplier);
    const p = await findProductBySku(tx, input.sku);
    if (p.isKit) throw new AppError("VALIDATION", "Kits are bought as their parts.", { issues: [{ path: "sku", message: "This is a kit" }] });
    const data = { supplierSku: input.supplierSku ?? null, unitCost: input.unitCost, minOrderQty: input.minOrderQty, packSize: input.packSize };
    await tx.supplierPrice.upsert({ where: { supplierId_productId: { supplierId: s.id, productId: p.id } }, create: { supplierId: s.id, productId: p.id, ...data }, update: data });
    await recordAudit(tx, { actor, action: "supplier_price.set", entityType: "Supplier", entityId: s.id, after: input });
    return { supplier: s.code, sku: p.sku };
  });
}

/** A draft purchase order; a line without a cost takes the supplier's price, else the item's standard cost. */
export async function createPurchaseOrder(actor: Actor, input: PurchaseOrderInput, opts: { tx?: Tx } = {}) {
  const run = async (tx: Tx) => {
    const s = await findSupplier(tx, input.supplier);
    if (!s.active) throw new AppError("VALIDATION", `Supplier ${s.code} is inactive.`, { issues: [{ path: "supplier", message: "Inactive supplier" }] });
    const w = await findWarehouse(tx, input.warehouse);
    const lines = [];
    for (const [i, l] of input.lines.entries()) {
      const p = await tx.product.findUnique({ where: { sku: l.sku } });
      if (!p) throw new AppError("VALIDATION", `Unknown SKU ${l.sku}.`, { issues: [{ path: `lines.${i}.sku`, message: `Unknown SKU ${l.sku}` }] });
      if (p.isKit) throw new AppError("VALIDATION", `${l.sku} is a kit; order its parts.`, { issues: [{ path: `lines.${i}.sku`, message: "Kits are bought as their parts" }] });
      const price = await tx.supplierPrice.findUnique({ where: { supplierId_productId: { supplierId: s.id, productId: p.id } } });
      const unitCost = l.unitCost ?? price?.unitCost.toString() ?? p.standardCost?.toString() ?? "0";
      lines.push({ lineNo: i + 1, productId: p.id, sku: p.sku, quantity: l.quantity, unitCost, expectedAt: input.expectedAt ?? null });
    }
    const po = await tx.purchaseOrder.create({
      data: { supplierId: s.id, warehouseId: w.id, currency: s.currency, expectedAt: input.expectedAt ?? null, note: input.note ?? null, createdById: actor.id, lines: { create: lines } },
    });
    await recordAudit(tx, { actor, action: "purchase_order.create", entityType: "PurchaseOrder", entityId: po.id, after: { number: po.number, supplier: s.code, warehouse: w.code, lines: input.lines } });
    return { id: po.id, number: po.number };
  };
  return opts.tx ? run(opts.tx) : transaction(run);
}

async function lockPo(tx: Tx, id: string) {
  const rows = await tx.$queryRaw<{ id: string }[]>`SELECT id::text FROM purchase_orders WHERE id = ${id}::uuid FOR UPDATE`;
  if (!rows.length) throw new AppError("NOT_FOUND", "Purchase order not found.");
  return tx.purchaseOrder.findUniqueOrThrow({ where: { id }, include: { lines: { orderBy: { lineNo: "asc" } }, supplier: true } });
}

const PO_LABEL: Record<string, string> = { DRAFT: "a draft", SENT: "sent", PARTIALLY_RECEIVED: "partially received", RECEIVED: "received", CLOSED: "closed", CANCELLED: "cancelled" };

/**
 * Sends a draft: its quantities count as incoming from now on, and an email with the order as a
 * PDF goes to the supplier through the outbox (written in this transaction).
 */
export async function sendPurchaseOrder(actor: Actor, opts: { poId: string }) {
  return transaction(async (tx) => {
    const po = await lockPo(tx, opts.poId);
    if (po.status !== "DRAFT") throw new AppError("CONFLICT", `PO-${po.number} is ${PO_LABEL[po.status]}; only a draft can be sent.`);
    await tx.purchaseOrder.update({ where: { id: po.id }, data: { status: "SENT", sentAt: new Date() } });
    await tx.$executeRaw`
      INSERT INTO outbox_emails (kind, user_id, to_email, payload, dedupe_key, status, attempts, next_attempt_at, created_at)
      VALUES ('purchase_order', NULL, ${po.supplier.email}, ${JSON.stringify({ poId: po.id })}::jsonb, ${`purchase_order:${po.id}`}, 'PENDING', 0, now(), now())
      ON CONFLICT (dedupe_key) DO NOTHING`;
    await recordAudit(tx, { actor, action: "purchase_order.send", entityType: "PurchaseOrder", entityId: po.id, before: { status: po.status }, after: { status: "SENT", to: po.supplier.email } });
    return { id: po.id, number: po.number };
  });
}

export async function cancelPurchaseOrder(actor: Actor, opts: { poId: string }) {
  return transaction(async (tx) => {
    const po = await lockPo(tx, opts.poId);
    if (!["DRAFT", "SENT"].includes(po.status)) throw new AppError("CONFLICT", `PO-${po.number} is ${PO_LABEL[po.status]}; only an order with nothing received can be cancelled (close it instead).`);
    await tx.purchaseOrder.update({ where: { id: po.id }, data: { status: "CANCELLED" } });
    await recordAudit(tx, { actor, action: "purchase_order.cancel", entityType: "PurchaseOrder", entityId: po.id, before: { status: po.status }, after: { status: "CANCELLED" } });
    return { id: po.id };
  });
}

/** Closes a partially or fully received order: what was not received is no longer expected. */
export async function closePurchaseOrder(actor: Actor, opts: { poId: string }) {
  return transaction(async (tx) => {
    const po = await lockPo(tx, opts.poId);
    if (!["PARTIALLY_RECEIVED", "RECEIVED"].includes(po.status)) throw new AppError("CONFLICT", `PO-${po.number} is ${PO_LABEL[po.status]}; only a received or partially received order can be closed.`);
    await tx.purchaseOrder.update({ where: { id: po.id }, data: { status: "CLOSED" } });
    await recordAudit(tx, { actor, action: "purchase_order.close", entityType: "PurchaseOrder", entityId: po.id, before: { status: po.status }, after: { status: "CLOSED" } });
    return { id: po.id };
  });
}

/**
 * Receives goods against a sent purchase order (idempotent per scan id). Good units move from
 * the Supplier location to the warehouse's receiving bin at the order line's cost (moving average
 * updated), inventory is debited against goods received not invoiced, and waiting backorders are
 * filled first come, first served; damaged units go to Returns/Quarantine and are not valued.
 * More than ordered beyond the tolerance is refused unless a manager or admin allows it.
 */
export async function receivePurchaseOrder(actor: Actor & { role?: RoleName }, input: ReceiptInput) {
  return transaction(async (tx) => {
    const { result } = await oncePerScan(tx, actor, input.scanId, "receive", async () => {
      const po = await lockPo(tx, input.poId);
      if (!["SENT", "PARTIALLY_RECEIVED"].includes(po.status)) throw new AppError("CONFLICT", `PO-${po.number} is ${PO_LABEL[po.status]}; nothing can be received against it.`);
      if (input.allowOver && !(actor.role === "ADMIN" || actor.role === "MANAGER")) throw new AppError("FORBIDDEN", "Only a manager may allow receiving more than ordered.");
      const { currency } = await getCompany(tx);
      const supplierLoc = await virtualLocationId(tx, "SUPPLIER");
      const returnsLoc = await virtualLocationId(tx, "RETURNS");
      const recv = await defaultBinId(tx, po.warehouseId);
      let value = 0n;
      const received: { sku: string; quantity: number; damaged: number }[] = [];
      const touched = new Set<string>();
      for (const [i, l] of input.lines.entries()) {
        if (l.quantity + l.damaged === 0) continue;
        const product =
          (await tx.product.findUnique({ where: { barcode: l.sku.trim() } })) ?? (await tx.product.findUnique({ where: { sku: l.sku.trim() } })) ?? (await tx.product.findUnique({ where: { sku: l.sku.trim().toUpperCase() } }));
        if (!product) throw new AppError("VALIDATION", `Unknown item “${l.sku}”.`, { issues: [{ path: `lines.${i}.sku`, message: "No product has this barcode or SKU" }] });
        const line = po.lines.find((x) => x.productId === product.id && x.received + x.damaged < x.quantity) ?? po.lines.find((x) => x.productId === product.id);
        if (!line) throw new AppError("VALIDATION", `${product.sku} is not on PO-${po.number}.`, { issues: [{ path: `lines.${i}.sku`, message: "Not on this purchase order" }] });
        const after = line.received + line.damaged + l.quantity + l.damaged;
        const limit = Math.floor(line.quantity * (1 + OVER_RECEIPT_TOLERANCE));
        if (after > limit && !input.allowOver)
          throw new AppError("CONFLICT", `Over-receipt: ${product.sku} would be ${after} of ${line.quantity} ordered (at most ${limit} without a manager's approval).`, { issues: [{ path: `lines.${i}.quantity`, message: `At most ${Math.max(0, limit - line.received - line.damaged)} more` }] });
        const source = { sourceType: "PurchaseOrder", sourceId: po.id };
        if (l.quantity > 0) {
          const m = await recordMove(tx, actor, { productId: product.id, quantity: l.quantity, fromLocationId: supplierLoc, toLocationId: recv, type: "RECEIPT", reason: `PO-${po.number}`, ...source, unitCost: line.unitCost.toString(), currency });
          value += m.value;
          touched.add(product.id);
        }
        if (l.damaged > 0)
          await recordMove(tx, actor, { productId: product.id, quantity: l.damaged, fromLocationId: supplierLoc, toLocationId: returnsLoc, type: "RECEIPT", reason: `PO-${po.number} damaged on arrival`, ...source, currency });
        await tx.purchaseOrderLine.update({ where: { id: line.id }, data: { received: { increment: l.quantity }, damaged: { increment: l.damaged } } });
        line.received += l.quantity;
        line.damaged += l.damaged;
        received.push({ sku: product.sku, quantity: l.quantity, damaged: l.damaged });
      }
      if (!received.length) throw new AppError("VALIDATION", "Enter at least one received quantity.", { issues: [{ path: "lines", message: "Nothing received" }] });
      if (value > 0n)
        await postJournalEntry(tx, actor, {
          sourceType: "Receipt",
          sourceId: input.scanId,
          kind: "receipt",
          memo: `Goods received PO-${po.number} (${po.supplier.code})`,
          currency,
          lines: [{ account: "inventory", debit: value }, { account: "goods_received_not_invoiced", credit: value }],
        });
      const complete = po.lines.every((x) => x.received + x.damaged >= x.quantity);
      const status = complete ? "RECEIVED" : "PARTIALLY_RECEIVED";
      await tx.purchaseOrder.update({ where: { id: po.id }, data: { status } });
      const filled = await fillBackorders(tx, actor, [...touched]);
      await recordAudit(tx, { actor, action: "purchase_order.receive", entityType: "PurchaseOrder", entityId: po.id, after: { number: po.number, received, value, status } });
      return { poId: po.id, number: po.number, status, value: value.toString(), received, backordersFilled: filled };
    });
    return result;
  });
}

/**
 * Where to put an item away: the bins of the warehouse that already hold it (most first); else
 * empty bins, first in the zone that holds most units of the item's category (the right zone),
 * then by code; else the emptiest bins.
 */
export async function suggestBins(tx: Tx, productId: string, warehouseId: string, limit = 3): Promise<string[]> {
  const recv = await defaultBinId(tx, warehouseId);
  const holding = await tx.$queryRaw<{ code: string }[]>`
    SELECT l.code FROM stock_balances b JOIN locations l ON l.id = b.location_id
    WHERE b.product_id = ${productId}::uuid AND b.warehouse_id = ${warehouseId}::uuid AND l.kind = 'BIN' AND l.id <> ${recv}::uuid AND l.active AND b.on_hand > 0
    ORDER BY b.on_hand DESC, l.code LIMIT ${limit}`;
  if (holding.length) return holding.map((h) => h.code);
  const empty = await tx.$queryRaw<{ code: string }[]>`
    WITH RECURSIVE anc AS (
      SELECT id AS bin_id, id, parent_id, kind FROM locations WHERE warehouse_id = ${warehouseId}::uuid AND kind = 'BIN'
      UNION ALL
      SELECT a.bin_id, l.id, l.parent_id, l.kind FROM anc a JOIN locations l ON l.id = a.parent_id
    ), zone_of AS (
      SELECT bin_id, id AS zone_id FROM anc WHERE kind = 'ZONE'
    ), category_zones AS (
      SELECT z.zone_id, sum(b.on_hand) AS units
      FROM stock_balances b JOIN products p ON p.id = b.product_id JOIN zone_of z ON z.bin_id = b.location_id
      WHERE b.warehouse_id = ${warehouseId}::uuid AND b.on_hand > 0
        AND p.category IS NOT DISTINCT FROM (SELECT category FROM products WHERE id = ${productId}::uuid)
      GROUP BY z.zone_id
    )
    SELECT l.code FROM locations l LEFT JOIN zone_of z ON z.bin_id = l.id LEFT JOIN category_zones c ON c.zone_id = z.zone_id
    WHERE l.warehouse_id = ${warehouseId}::uuid AND l.kind = 'BIN' AND l.active AND l.id <> ${recv}::uuid
      AND NOT EXISTS (SELECT 1 FROM stock_balances b WHERE b.location_id = l.id AND b.on_hand > 0)
    ORDER BY coalesce(c.units, 0) DESC, l.code LIMIT ${limit}`;
  if (empty.length) return empty.map((e) => e.code);
  const emptiest = await tx.$queryRaw<{ code: string }[]>`
    SELECT l.code FROM locations l LEFT JOIN stock_balances b ON b.location_id = l.id
    WHERE l.warehouse_id = ${warehouseId}::uuid AND l.kind = 'BIN' AND l.active AND l.id <> ${recv}::uuid
    GROUP BY l.id, l.code ORDER BY coalesce(sum(b.on_hand), 0), l.code LIMIT ${limit}`;
  return emptiest.map((e) => e.code);
}

/** Moves free units from the receiving bin to the scanned bin (idempotent per scan id). */
export async function putaway(actor: Actor, input: PutawayInput) {
  return transaction(async (tx) => {
    const { result } = await oncePerScan(tx, actor, input.scanId, "putaway", async () => {
      const w = await findWarehouse(tx, input.warehouse);
      const code = input.item.trim();
      const product = (await tx.product.findUnique({ where: { barcode: code } })) ?? (await tx.product.findUnique({ where: { sku: code } })) ?? (await tx.product.findUnique({ where: { sku: code.toUpperCase() } }));
      if (!product) throw new AppError("VALIDATION", `Unknown item “${code}”.`, { issues: [{ path: "item", message: "No product has this barcode or SKU" }] });
      const b = input.bin.trim();
      const bin = (await tx.location.findUnique({ where: { barcode: b } })) ?? (await tx.location.findFirst({ where: { warehouseId: w.id, code: b } }));
      if (!bin) throw new AppError("VALIDATION", `Unknown bin “${b}”.`, { issues: [{ path: "bin", message: "No bin has this code" }] });
      if (bin.warehouseId !== w.id) throw new AppError("VALIDATION", `Bin ${bin.code} is in another warehouse.`, { issues: [{ path: "bin", message: "Bin of another warehouse" }] });
      if (bin.kind !== "BIN") throw new AppError("VALIDATION", `${bin.code} is not a bin.`, { issues: [{ path: "bin", message: "Scan a bin" }] });
      const recv = await defaultBinId(tx, w.id);
      if (bin.id === recv) throw new AppError("VALIDATION", "That is the receiving bin; scan the bin you put the goods in.", { issues: [{ path: "bin", message: "Receiving bin" }] });
      const [bal] = await tx.$queryRaw<{ free: number }[]>`
        SELECT (on_hand - reserved)::int AS free FROM stock_balances WHERE product_id = ${product.id}::uuid AND location_id = ${recv}::uuid FOR UPDATE`;
      const free = bal?.free ?? 0;
      if (input.quantity > free) throw new AppError("CONFLICT", `Only ${free} × ${product.sku} wait in receiving to be put away.`, { issues: [{ path: "quantity", message: `At most ${free}` }] });
      const { currency } = await getCompany(tx);
      await recordMove(tx, actor, { productId: product.id, quantity: input.quantity, fromLocationId: recv, toLocationId: bin.id, type: "TRANSFER", reason: "putaway", sourceType: "Putaway", sourceId: input.scanId, currency });
      await recordAudit(tx, { actor, action: "stock.putaway", entityType: "Product", entityId: product.id, after: { warehouse: w.code, bin: bin.code, quantity: input.quantity } });
      return { sku: product.sku, bin: bin.code, quantity: input.quantity };
    });
    return result;
  });
}

// ---------------------------------------------------------------------------
// Replenishment
// ---------------------------------------------------------------------------

export type Suggestion = {
  productId: string; sku: string; name: string; warehouse: string; supplier: string | null; supplierName: string | null;
  onHand: number; reserved: number; backordered: number; incoming: number; reorderPoint: number; quantity: number; unitCost: string | null;
};

/**
 * What to buy: for every reorder rule whose position — on hand − reserved − backordered +
 * incoming — is below its reorder point, order up to the rule's level (or its fixed quantity, or
 * the shortfall), at least the supplier's minimum, rounded up to the rule's multiple and the
 * supplier's pack size. The supplier is the cheapest with a price for the item.
 */
export function suggestQuantity(r: { position: number; reorderPoint: number; orderUpTo: number | null; reorderQuantity: number | null; multiple: number | null; minOrderQty: number; packSize: number }): number {
  if (r.position >= r.reorderPoint) return 0;
  let q = r.orderUpTo != null ? r.orderUpTo - r.position : r.reorderQuantity ?? r.reorderPoint - r.position;
  q = Math.max(q, r.minOrderQty, 1);
  const round = (x: number, m: number | null) => (m && m > 1 ? Math.ceil(x / m) * m : x);
  return round(round(q, r.multiple), r.packSize);
}

export async function replenishmentSuggestions(): Promise<Suggestion[]> {
  const rows = await db().$queryRaw<{
    product_id: string; sku: string; name: string; warehouse: string; on_hand: number; reserved: number; backordered: number; incoming: number;
    reorder_point: number; order_up_to: number | null; reorder_quantity: number | null; multiple: number | null;
    supplier: string | null; supplier_name: string | null; unit_cost: Prisma.Decimal | null; min_order_qty: number | null; pack_size: number | null;
  }[]>`
    SELECT p.id::text AS product_id, p.sku, p.name, w.code AS warehouse,
      coalesce(b.on_hand, 0)::int AS on_hand, coalesce(b.reserved, 0)::int AS reserved,
      coalesce(bo.qty, 0)::int AS backordered, coalesce(inc.qty, 0)::int AS incoming,
      r.reorder_point, r.order_up_to, r.reorder_quantity, r.multiple,
      sp.code AS supplier, sp.name AS supplier_name, sp.unit_cost, sp.min_order_qty, sp.pack_size
    FROM reorder_rules r JOIN products p ON p.id = r.product_id JOIN warehouses w ON w.id = r.warehouse_id
    LEFT JOIN LATERAL (SELECT sum(on_hand) AS on_hand, sum(reserved) AS reserved FROM stock_balances WHERE product_id = r.product_id AND warehouse_id = r.warehouse_id AND internal) b ON TRUE
    LEFT JOIN LATERAL (
      SELECT sum(l.backordered) AS qty FROM order_lines l JOIN orders o ON o.id = l.order_id JOIN channel_warehouses cw ON cw.channel_id = o.channel_id AND cw.priority = 1
      WHERE l.product_id = r.product_id AND cw.warehouse_id = r.warehouse_id AND l.backordered > 0) bo ON TRUE
    LEFT JOIN LATERAL (
      SELECT sum(greatest(l.quantity - l.received - l.damaged, 0)) AS qty FROM purchase_order_lines l JOIN purchase_orders o ON o.id = l.po_id
      WHERE l.product_id = r.product_id AND o.warehouse_id = r.warehouse_id AND o.status IN ('SENT', 'PARTIALLY_RECEIVED')) inc ON TRUE
    LEFT JOIN LATERAL (
      SELECT s.code, s.name, x.unit_cost, x.min_order_qty, x.pack_size FROM supplier_prices x JOIN suppliers s ON s.id = x.supplier_id
      WHERE x.product_id = r.product_id AND s.active ORDER BY x.unit_cost, s.code LIMIT 1) sp ON TRUE
    WHERE p.active
    ORDER BY sp.code NULLS LAST, w.code, p.sku`;
  return rows
    .map((r) => {
      const position = r.on_hand - r.reserved - r.backordered + r.incoming;
      const quantity = suggestQuantity({ position, reorderPoint: r.reorder_point, orderUpTo: r.order_up_to, reorderQuantity: r.reorder_quantity, multiple: r.multiple, minOrderQty: r.min_order_qty ?? 1, packSize: r.pack_size ?? 1 });
      return {
        productId: r.product_id, sku: r.sku, name: r.name, warehouse: r.warehouse, supplier: r.supplier, supplierName: r.supplier_name,
        onHand: r.on_hand, reserved: r.reserved, backordered: r.backordered, incoming: r.incoming, reorderPoint: r.reorder_point, quantity, unitCost: r.unit_cost?.toString() ?? null,
      };
    })
    .filter((s) => s.quantity > 0);
}

/** Turns the current suggestions (those with a supplier) into one draft purchase order per supplier and warehouse. */
export async function draftPurchaseOrdersFromSuggestions(actor: Actor): Promise<{ id: string; number: number }[]> {
  const suggestions = (await replenishmentSuggestions()).filter((s) => s.supplier);
  const groups = new Map<string, Suggestion[]>();
  for (const s of suggestions) groups.set(`${s.supplier}|${s.warehouse}`, [...(groups.get(`${s.supplier}|${s.warehouse}`) ?? []), s]);
  return transaction(async (tx) => {
    const made = [];
    for (const [key, items] of groups) {
      const [supplier, warehouse] = key.split("|") as [string, string];
      made.push(await createPurchaseOrder(actor, { supplier, warehouse, expectedAt: undefined, note: "From replenishment suggestions", lines: items.map((i) => ({ sku: i.sku, quantity: i.quantity, unitCost: i.unitCost ?? undefined })) }, { tx }));
    }
    return made;
  });
}
