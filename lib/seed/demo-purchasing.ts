import "server-only";
import { randomUUID } from "node:crypto";
import { db } from "../db";
import { SYSTEM_ACTOR, type Actor } from "../audit/service";
import { createPurchaseOrder, createSupplier, draftPurchaseOrdersFromSuggestions, putaway, receivePurchaseOrder, sendPurchaseOrder, setSupplierPrice } from "../purchasing/service";

const SUPPLIERS = [
  { code: "NORTHWIND", name: "Northwind Traders", contactName: "Nancy Davolio", email: "orders@northwind.example", phone: "+1 206 555 0101", currency: "USD", leadTimeDays: 5, paymentTerms: "Net 30" },
  { code: "ACME", name: "Acme Supply Co.", contactName: "Wile Coyote", email: "purchasing@acme.example", phone: "+1 505 555 0199", currency: "USD", leadTimeDays: 10, paymentTerms: "Net 45" },
  { code: "GLOBEX", name: "Globex Wholesale", contactName: undefined, email: "sales@globex.example", phone: undefined, currency: "USD", leadTimeDays: 14, paymentTerms: "2/10 Net 30" },
];

/**
 * Three suppliers with prices for the catalogue, purchase orders from the replenishment
 * suggestions — sent, one received in full and put away, one partly received — and a draft.
 */
export async function seedDemoPurchasing(): Promise<{ suppliers: number; orders: number }> {
  if ((await db().supplier.count()) > 0) return { suppliers: 0, orders: 0 };
  const manager = await db().user.findUnique({ where: { email: "manager@example.com" }, select: { id: true, email: true } });
  const boss: Actor & { role: "MANAGER" } = { ...(manager ? { id: manager.id, label: manager.email } : SYSTEM_ACTOR), role: "MANAGER" };
  for (const s of SUPPLIERS) await createSupplier(boss, s);
  const products = await db().product.findMany({ where: { active: true, isKit: false, variants: { none: {} } }, select: { sku: true, standardCost: true }, orderBy: { sku: "asc" } });
  for (const [i, p] of products.entries()) {
    const base = Number(p.standardCost ?? 5);
    const supplier = SUPPLIERS[i % SUPPLIERS.length]!.code;
    await setSupplierPrice(boss, { supplier, sku: p.sku, supplierSku: `${supplier.slice(0, 3)}-${1000 + i}`, unitCost: (base * 0.96).toFixed(2), minOrderQty: i % 4 === 0 ? 12 : 1, packSize: i % 3 === 0 ? 6 : 1 });
    if (i % 2 === 0) await setSupplierPrice(boss, { supplier: SUPPLIERS[(i + 1) % SUPPLIERS.length]!.code, sku: p.sku, supplierSku: undefined, unitCost: (base * 1.04).toFixed(2), minOrderQty: 1, packSize: 1 });
  }
  const drafts = await draftPurchaseOrdersFromSuggestions(boss);
  for (const d of drafts) await sendPurchaseOrder(boss, { poId: d.id });
  const main = await db().warehouse.findUniqueOrThrow({ where: { code: "MAIN" }, select: { id: true } });
  const sent = await db().purchaseOrder.findMany({ where: { id: { in: drafts.map((d) => d.id) }, warehouseId: main.id }, include: { lines: true }, orderBy: { number: "asc" } });
  const [full, partial] = sent;
  if (full) {
    await receivePurchaseOrder(boss, { scanId: randomUUID(), poId: full.id, lines: full.lines.map((l, i) => ({ sku: l.sku, quantity: i === 0 ? l.quantity - 1 : l.quantity, damaged: i === 0 ? 1 : 0 })), allowOver: false });
    const free = await db().$queryRaw<{ sku: string; free: number }[]>`
      SELECT p.sku, (b.on_hand - b.reserved)::int AS free FROM stock_balances b JOIN products p ON p.id = b.product_id JOIN locations l ON l.id = b.location_id
      WHERE l.warehouse_id = ${main.id}::uuid AND l.is_default AND b.on_hand - b.reserved > 0 ORDER BY p.sku LIMIT 3`;
    const bins = await db().location.findMany({ where: { warehouseId: main.id, kind: "BIN", isDefault: false }, orderBy: { code: "asc" }, take: 3, select: { code: true } });
    for (const [i, f] of free.entries()) await putaway(boss, { scanId: randomUUID(), warehouse: "MAIN", item: f.sku, bin: bins[i % bins.length]!.code, quantity: f.free });
  }
  if (partial) await receivePurchaseOrder(boss, { scanId: randomUUID(), poId: partial.id, lines: [{ sku: partial.lines[0]!.sku, quantity: Math.ceil(partial.lines[0]!.quantity / 2), damaged: 0 }], allowOver: false });
  await createPurchaseOrder(boss, { supplier: "GLOBEX", warehouse: "EAST", expectedAt: new Date(Date.now() + 14 * 86400_000), note: "Seasonal top-up", lines: products.slice(0, 3).map((p) => ({ sku: p.sku, quantity: 24, unitCost: undefined })) });
  return { suppliers: SUPPLIERS.length, orders: drafts.length + 1 };
}
