import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { SYSTEM_ACTOR } from "@/lib/audit/service";
import { adjustStock } from "@/lib/inventory/adjustments";
import { setReorderRule } from "@/lib/inventory/reorder";
import { createOrder } from "@/lib/orders/service";
import { getOrderDto } from "@/lib/orders/queries";
import { runIntegrityChecks } from "@/lib/integrity/checks";
import {
  cancelPurchaseOrder, closePurchaseOrder, createPurchaseOrder, createSupplier, draftPurchaseOrdersFromSuggestions, putaway, receivePurchaseOrder,
  replenishmentSuggestions, sendPurchaseOrder, setSupplierPrice, suggestBins, suggestQuantity,
} from "@/lib/purchasing/service";
import { supplierInput } from "@/lib/purchasing/schema";
import { deliverOutbox } from "@/lib/alerts/outbox";
import { Inbox } from "./smtp-inbox";
import { actor, makeProduct, makeWarehouse, stockAt } from "./inventory-helpers";
import { createLocation } from "@/lib/inventory/locations";
import { createProduct } from "@/lib/inventory/products";
import { makeChannel, orderBody } from "./orders-helpers";

const manager = { ...actor, role: "MANAGER" as const };
const staff = { ...actor, role: "WAREHOUSE" as const };

async function supplier() {
  const code = `S${randomUUID().slice(0, 6).toUpperCase()}`;
  await createSupplier(actor, { code, name: `Supplier ${code}`, email: `${code.toLowerCase()}@supplier.test`, currency: "USD", leadTimeDays: 7, paymentTerms: "Net 30", contactName: undefined, phone: undefined });
  return code;
}

async function sentPo(lines: { sku: string; quantity: number; unitCost?: string }[], wh: string, sup?: string) {
  const s = sup ?? (await supplier());
  const po = await createPurchaseOrder(actor, { supplier: s, warehouse: wh, expectedAt: undefined, note: undefined, lines });
  await sendPurchaseOrder(actor, { poId: po.id });
  return po;
}

const receive = (poId: string, lines: { sku: string; quantity: number; damaged?: number }[], who: typeof staff | typeof manager = staff, allowOver = false) =>
  receivePurchaseOrder(who, { scanId: randomUUID(), poId, lines: lines.map((l) => ({ damaged: 0, ...l })), allowOver });

describe("purchasing", () => {
  it("rejects a supplier email that is not an email", () => {
    const r = supplierInput.safeParse({ code: "ACME", name: "Acme", email: "not-an-email", currency: "USD", leadTimeDays: 3, paymentTerms: "Net 30" });
    expect(r.success).toBe(false);
    expect(r.error!.issues[0]!.path).toEqual(["email"]);
  });

  it("receives partially, then the rest with damaged units to quarantine: GRNI posted, valuation at the PO cost, backorders filled", async () => {
    const w = await makeWarehouse();
    const p = await makeProduct();
    const ch = await makeChannel([w]);
    const waiting = await createOrder(SYSTEM_ACTOR, { channelId: ch.id, input: orderBody([{ sku: p.sku, quantity: 2 }]) });
    expect((await getOrderDto(waiting.orderId))!.status).toBe("backordered");

    const po = await sentPo([{ sku: p.sku, quantity: 10, unitCost: "3.25" }], w);
    const r1 = await receive(po.id, [{ sku: p.sku, quantity: 4 }]);
    expect(r1).toMatchObject({ status: "PARTIALLY_RECEIVED", value: "1300", backordersFilled: 2 });
    expect((await getOrderDto(waiting.orderId))!.status).toBe("allocated");
    expect(await stockAt(p.sku, w)).toEqual({ onHand: 4, reserved: 2, available: 2 });
    const entry = await db().journalEntry.findFirstOrThrow({ where: { sourceType: "Receipt", memo: { contains: `PO-${po.number}` } }, include: { lines: { include: { account: true } } } });
    expect(entry.lines.map((l) => [l.account.key, l.debit, l.credit]).sort()).toEqual([["goods_received_not_invoiced", 0n, 1300n], ["inventory", 1300n, 0n]]);

    const r2 = await receive(po.id, [{ sku: p.sku, quantity: 5, damaged: 1 }]);
    expect(r2.status).toBe("RECEIVED");
    expect(await stockAt(p.sku, w)).toMatchObject({ onHand: 9 });
    const quarantine = await db().stockMove.findFirst({ where: { productId: p.id, sourceId: po.id, reason: { contains: "damaged" } } });
    expect(quarantine).toMatchObject({ quantity: 1, value: 0n });
    const v = await db().itemValuation.findUniqueOrThrow({ where: { productId: p.id } });
    expect(v).toMatchObject({ quantity: 9, value: 2925n });
    expect((await db().purchaseOrderLine.findFirstOrThrow({ where: { poId: po.id } }))).toMatchObject({ received: 9, damaged: 1 });
    await closePurchaseOrder(actor, { poId: po.id });
    await expect(receive(po.id, [{ sku: p.sku, quantity: 1 }])).rejects.toThrow(/closed; nothing can be received/);
    expect((await runIntegrityChecks()).violations).toEqual([]);
  });

  it("refuses over-receipt beyond the tolerance unless a manager allows it; refuses unknown items and cancelled orders; a replayed scan counts once", async () => {
    const w = await makeWarehouse();
    const p = await makeProduct();
    const other = await makeProduct();
    const po = await sentPo([{ sku: p.sku, quantity: 20, unitCost: "1.00" }], w);
    await expect(receive(po.id, [{ sku: p.sku, quantity: 22 }])).rejects.toThrow(/Over-receipt: .* 22 of 20 ordered \(at most 21/);
    await expect(receive(po.id, [{ sku: p.sku, quantity: 22 }], staff, true)).rejects.toThrow(/Only a manager/);
    await expect(receive(po.id, [{ sku: "NOPE-0000", quantity: 1 }])).rejects.toThrow(/Unknown item/);
    await expect(receive(po.id, [{ sku: other.sku, quantity: 1 }])).rejects.toThrow(/is not on PO-/);
    expect(await stockAt(p.sku, w)).toMatchObject({ onHand: 0 });
    const scanId = randomUUID();
    const once = await receivePurchaseOrder(manager, { scanId, poId: po.id, lines: [{ sku: p.sku, quantity: 22, damaged: 0 }], allowOver: true });
    const again = await receivePurchaseOrder(manager, { scanId, poId: po.id, lines: [{ sku: p.sku, quantity: 22, damaged: 0 }], allowOver: true });
    expect(again).toEqual(once);
    expect(await stockAt(p.sku, w)).toMatchObject({ onHand: 22 });

    const po2 = await sentPo([{ sku: p.sku, quantity: 5 }], w);
    await cancelPurchaseOrder(actor, { poId: po2.id });
    await expect(receive(po2.id, [{ sku: p.sku, quantity: 1 }])).rejects.toThrow(/cancelled; nothing can be received/);
  });

  it("puts received goods away into the suggested bin by a move; only free units", async () => {
    const w = await makeWarehouse();
    const p = await makeProduct();
    await adjustStock(actor, { sku: p.sku, warehouse: w, quantity: 2, reason: "initial", unitCost: "1.00", bin: "B-2" });
    const po = await sentPo([{ sku: p.sku, quantity: 6 }], w);
    await receive(po.id, [{ sku: p.sku, quantity: 6 }]);
    const wh = await db().warehouse.findUniqueOrThrow({ where: { code: w } });
    expect(await db().$transaction((tx) => suggestBins(tx, p.id, wh.id))).toEqual(["B-2"]); // where it already lives
    const other = await makeProduct();
    expect(await db().$transaction((tx) => suggestBins(tx, other.id, wh.id))).toContain("B-1"); // an empty bin
    await expect(putaway(staff, { scanId: randomUUID(), warehouse: w, item: p.sku, bin: `${w}-B-2`, quantity: 7 })).rejects.toThrow(/Only 6/);
    await expect(putaway(staff, { scanId: randomUUID(), warehouse: w, item: p.sku, bin: "RECV", quantity: 1 })).rejects.toThrow(/receiving bin/);
    const r = await putaway(staff, { scanId: randomUUID(), warehouse: w, item: p.sku, bin: `${w}-B-2`, quantity: 6 });
    expect(r).toEqual({ sku: p.sku, bin: "B-2", quantity: 6 });
    const b2 = await db().$queryRaw<{ on_hand: number }[]>`
      SELECT b.on_hand FROM stock_balances b JOIN locations l ON l.id = b.location_id WHERE b.product_id = ${p.id}::uuid AND l.code = 'B-2' AND l.warehouse_id = ${wh.id}::uuid`;
    expect(b2[0]!.on_hand).toBe(8);
    expect((await runIntegrityChecks()).violations).toEqual([]);
  });

  it("suggests an empty bin in the zone where the item's category lives", async () => {
    const w = await makeWarehouse();
    for (const z of ["Z1", "Z2"]) {
      await createLocation(actor, { warehouse: w, kind: "ZONE", code: z, name: z, x: undefined, y: undefined, parentCode: undefined, barcode: undefined });
      for (const n of [1, 2]) await createLocation(actor, { warehouse: w, kind: "BIN", code: `${z}-${n}`, name: `${z}-${n}`, x: n, y: 1, parentCode: z, barcode: undefined });
    }
    const cat = `Cat-${randomUUID().slice(0, 6)}`;
    const mk = async () => {
      const sku = `SKU-${randomUUID().slice(0, 8).toUpperCase()}`;
      await createProduct(actor, { sku, name: sku, price: "1.00", category: cat, cost: undefined, barcode: undefined, description: undefined, weightGrams: undefined, lengthMm: undefined, widthMm: undefined, heightMm: undefined, parentSku: undefined });
      return (await db().product.findUniqueOrThrow({ where: { sku } })).id;
    };
    const a = await mk();
    const b = await mk();
    const { sku: aSku } = await db().product.findUniqueOrThrow({ where: { id: a } });
    await adjustStock(actor, { sku: aSku, warehouse: w, quantity: 3, reason: "initial", unitCost: "1.00", bin: "Z2-1" });
    const wh = await db().warehouse.findUniqueOrThrow({ where: { code: w } });
    const got = await db().$transaction((tx) => suggestBins(tx, b, wh.id));
    expect(got[0]).toBe("Z2-2");
  });

  it("suggests quantities from on hand, reserved, backordered and incoming, rounded to multiples and packs, and drafts POs per supplier", async () => {
    expect(suggestQuantity({ position: 3, reorderPoint: 5, orderUpTo: 20, reorderQuantity: null, multiple: null, minOrderQty: 1, packSize: 1 })).toBe(17);
    expect(suggestQuantity({ position: 3, reorderPoint: 5, orderUpTo: 20, reorderQuantity: null, multiple: 5, minOrderQty: 1, packSize: 1 })).toBe(20);
    expect(suggestQuantity({ position: 3, reorderPoint: 5, orderUpTo: null, reorderQuantity: 7, multiple: null, minOrderQty: 10, packSize: 4 })).toBe(12);
    expect(suggestQuantity({ position: -4, reorderPoint: 0, orderUpTo: null, reorderQuantity: null, multiple: null, minOrderQty: 1, packSize: 1 })).toBe(4);
    expect(suggestQuantity({ position: 5, reorderPoint: 5, orderUpTo: 50, reorderQuantity: null, multiple: null, minOrderQty: 1, packSize: 1 })).toBe(0);

    const w = await makeWarehouse();
    const p = await makeProduct();
    const s = await supplier();
    await setSupplierPrice(actor, { supplier: s, sku: p.sku, unitCost: "2.50", minOrderQty: 1, packSize: 6, supplierSku: "ACME-1" });
    await adjustStock(actor, { sku: p.sku, warehouse: w, quantity: 4, reason: "initial", unitCost: "2.00" });
    await setReorderRule(actor, { sku: p.sku, warehouse: w, reorderPoint: 10, reorderQuantity: 10 });
    await db().reorderRule.updateMany({ where: { productId: p.id }, data: { orderUpTo: 30 } });
    const ch = await makeChannel([w]);
    await createOrder(SYSTEM_ACTOR, { channelId: ch.id, input: orderBody([{ sku: p.sku, quantity: 5 }]) }); // 4 reserved, 1 backordered
    await sentPo([{ sku: p.sku, quantity: 3 }], w, s); // incoming 3
    const mine = (await replenishmentSuggestions()).find((x) => x.sku === p.sku)!;
    // position = 4 − 4 − 1 + 3 = 2 → up to 30: 28 → packs of 6: 30
    expect(mine).toMatchObject({ onHand: 4, reserved: 4, backordered: 1, incoming: 3, supplier: s, quantity: 30, unitCost: "2.5" });
    const drafts = await draftPurchaseOrdersFromSuggestions(actor);
    const po = await db().purchaseOrder.findMany({ where: { id: { in: drafts.map((d) => d.id) }, supplier: { code: s } }, include: { lines: true } });
    expect(po).toHaveLength(1);
    expect(po[0]!.status).toBe("DRAFT");
    expect(po[0]!.lines.map((l) => [l.sku, l.quantity, l.unitCost.toString()])).toEqual([[p.sku, 30, "2.5"]]);
  });

  it("sending a PO queues an email to the supplier in the outbox; incoming counts toward low-stock alerts", async () => {
    const w = await makeWarehouse();
    const p = await makeProduct();
    await adjustStock(actor, { sku: p.sku, warehouse: w, quantity: 6, reason: "initial", unitCost: "1.00" });
    await setReorderRule(actor, { sku: p.sku, warehouse: w, reorderPoint: 5 });
    const s = await supplier();
    const po = await sentPo([{ sku: p.sku, quantity: 10 }], w, s);
    const mail = await db().outboxEmail.findUniqueOrThrow({ where: { dedupeKey: `purchase_order:${po.id}` } });
    expect(mail).toMatchObject({ kind: "purchase_order", toEmail: `${s.toLowerCase()}@supplier.test`, status: "PENDING" });
    // Delivered over real SMTP with the order as a PDF attachment.
    const inbox = new Inbox();
    await inbox.start();
    await deliverOutbox({ smtpUrl: inbox.url });
    await inbox.stop();
    const got = inbox.received.find((r) => r.to === mail.toEmail)!;
    expect(got.subject).toContain(`Purchase order PO-${po.number}`);
    expect(got.raw).toContain("application/pdf");
    expect(got.raw).toContain(`PO-${po.number}.pdf`);
    await adjustStock(actor, { sku: p.sku, warehouse: w, quantity: -4, reason: "damage" }); // 2 available + 10 incoming ≥ 5
    expect(await db().alert.count({ where: { productId: p.id } })).toBe(0);
    await cancelPurchaseOrder(actor, { poId: po.id }); // incoming gone: 2 < 5
    expect(await db().alert.count({ where: { productId: p.id } })).toBe(1);
  });
});
