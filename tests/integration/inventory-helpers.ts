import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { SYSTEM_ACTOR } from "@/lib/audit/service";
import { createLocation, createWarehouse } from "@/lib/inventory/locations";
import { createProduct } from "@/lib/inventory/products";

export const actor = SYSTEM_ACTOR;

export async function makeWarehouse(code = `W${randomUUID().slice(0, 6).toUpperCase()}`) {
  await createWarehouse(actor, { code, name: `Warehouse ${code}`, addressLine1: undefined, city: undefined, postalCode: undefined, country: undefined });
  for (const bin of ["B-1", "B-2"]) await createLocation(actor, { warehouse: code, kind: "BIN", code: bin, name: bin, x: 1, y: 1, parentCode: undefined, barcode: undefined });
  return code;
}

export async function makeProduct(opts: { cost?: string; price?: string } = {}) {
  const sku = `SKU-${randomUUID().slice(0, 8).toUpperCase()}`;
  return createProduct(actor, { sku, name: `Product ${sku}`, price: opts.price ?? "10.00", cost: opts.cost, barcode: undefined, description: undefined, category: "Test", weightGrams: undefined, lengthMm: undefined, widthMm: undefined, heightMm: undefined, parentSku: undefined });
}

export async function stockAt(sku: string, warehouse: string) {
  const rows = await db().$queryRaw<{ on_hand: number; reserved: number }[]>`
    SELECT coalesce(sum(b.on_hand), 0)::int AS on_hand, coalesce(sum(b.reserved), 0)::int AS reserved
    FROM stock_balances b JOIN products p ON p.id = b.product_id JOIN warehouses w ON w.id = b.warehouse_id
    WHERE p.sku = ${sku} AND w.code = ${warehouse} AND b.internal`;
  const r = rows[0] ?? { on_hand: 0, reserved: 0 };
  return { onHand: r.on_hand, reserved: r.reserved, available: r.on_hand - r.reserved };
}
