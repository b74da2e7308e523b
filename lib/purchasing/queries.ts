import "server-only";
import { db } from "../db";
import { defaultBinId } from "../inventory/locations";
import { suggestBins } from "./service";

export async function listPurchaseOrders(opts: { status?: string } = {}) {
  return db().$queryRaw<{ id: string; number: number; status: string; supplier: string; supplierName: string; warehouse: string; currency: string; ordered: number; received: number; damaged: number; total: string; expectedAt: Date | null; createdAt: Date }[]>`
    SELECT o.id::text, o.number, o.status::text AS status, s.code AS supplier, s.name AS "supplierName", w.code AS warehouse, o.currency,
      coalesce(sum(l.quantity), 0)::int AS ordered, coalesce(sum(l.received), 0)::int AS received, coalesce(sum(l.damaged), 0)::int AS damaged,
      coalesce(sum(l.quantity * l.unit_cost), 0)::text AS total, o.expected_at AS "expectedAt", o.created_at AS "createdAt"
    FROM purchase_orders o JOIN suppliers s ON s.id = o.supplier_id JOIN warehouses w ON w.id = o.warehouse_id LEFT JOIN purchase_order_lines l ON l.po_id = o.id
    WHERE (${opts.status ?? null}::text IS NULL OR o.status::text = ${opts.status ?? null})
    GROUP BY o.id, s.code, s.name, w.code ORDER BY o.number DESC LIMIT 200`;
}

export async function purchaseOrderDetail(id: string) {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
  const po = await db().purchaseOrder.findUnique({ where: { id }, include: { supplier: true, lines: { orderBy: { lineNo: "asc" } } } });
  if (!po) return null;
  const [warehouse, products] = await Promise.all([
    db().warehouse.findUniqueOrThrow({ where: { id: po.warehouseId }, select: { code: true, name: true } }),
    db().product.findMany({ where: { id: { in: po.lines.map((l) => l.productId) } }, select: { id: true, name: true, barcode: true } }),
  ]);
  return {
    po,
    warehouse,
    lines: po.lines.map((l) => {
      const p = products.find((x) => x.id === l.productId);
      return { id: l.id, lineNo: l.lineNo, sku: l.sku, name: p?.name ?? "", barcode: p?.barcode ?? null, quantity: l.quantity, received: l.received, damaged: l.damaged, unitCost: l.unitCost.toString(), open: Math.max(0, l.quantity - l.received - l.damaged) };
    }),
  };
}

export async function listSuppliers() {
  return db().$queryRaw<{ id: string; code: string; name: string; email: string; contactName: string | null; currency: string; leadTimeDays: number; paymentTerms: string; active: boolean; prices: number; openOrders: number }[]>`
    SELECT s.id::text, s.code, s.name, s.email, s.contact_name AS "contactName", s.currency, s.lead_time_days AS "leadTimeDays", s.payment_terms AS "paymentTerms", s.active,
      (SELECT count(*) FROM supplier_prices p WHERE p.supplier_id = s.id)::int AS prices,
      (SELECT count(*) FROM purchase_orders o WHERE o.supplier_id = s.id AND o.status IN ('DRAFT', 'SENT', 'PARTIALLY_RECEIVED'))::int AS "openOrders"
    FROM suppliers s ORDER BY s.code`;
}

export async function supplierDetail(code: string) {
  const s = await db().supplier.findUnique({ where: { code } });
  if (!s) return null;
  const prices = await db().$queryRaw<{ sku: string; name: string; supplierSku: string | null; unitCost: string; minOrderQty: number; packSize: number }[]>`
    SELECT p.sku, p.name, x.supplier_sku AS "supplierSku", x.unit_cost::text AS "unitCost", x.min_order_qty AS "minOrderQty", x.pack_size AS "packSize"
    FROM supplier_prices x JOIN products p ON p.id = x.product_id WHERE x.supplier_id = ${s.id}::uuid ORDER BY p.sku`;
  return { supplier: s, prices };
}

/** Free units waiting in a warehouse's receiving bin, with where to put them. */
export async function putawayQueue(warehouseCode: string) {
  const w = await db().warehouse.findUnique({ where: { code: warehouseCode } });
  if (!w) return null;
  return db().$transaction(async (tx) => {
    const recv = await defaultBinId(tx, w.id);
    const rows = await tx.$queryRaw<{ productId: string; sku: string; name: string; barcode: string | null; free: number }[]>`
      SELECT p.id::text AS "productId", p.sku, p.name, p.barcode, (b.on_hand - b.reserved)::int AS free
      FROM stock_balances b JOIN products p ON p.id = b.product_id
      WHERE b.location_id = ${recv}::uuid AND b.on_hand - b.reserved > 0 ORDER BY p.sku LIMIT 200`;
    const items = [];
    for (const r of rows) items.push({ ...r, suggested: await suggestBins(tx, r.productId, w.id) });
    return { warehouse: { code: w.code, name: w.name }, items };
  });
}

/** Units on open purchase orders per item and warehouse ("incoming"). */
export async function incomingFor(productId: string) {
  return db().$queryRaw<{ warehouse: string; incoming: number }[]>`
    SELECT w.code AS warehouse, sum(greatest(l.quantity - l.received - l.damaged, 0))::int AS incoming
    FROM purchase_order_lines l JOIN purchase_orders o ON o.id = l.po_id JOIN warehouses w ON w.id = o.warehouse_id
    WHERE l.product_id = ${productId}::uuid AND o.status IN ('SENT', 'PARTIALLY_RECEIVED')
    GROUP BY w.code HAVING sum(greatest(l.quantity - l.received - l.damaged, 0)) > 0 ORDER BY w.code`;
}
