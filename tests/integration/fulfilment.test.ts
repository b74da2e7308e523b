import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { SYSTEM_ACTOR } from "@/lib/audit/service";
import { adjustStock } from "@/lib/inventory/adjustments";
import { setKitComponents, createProduct } from "@/lib/inventory/products";
import { createLocation } from "@/lib/inventory/locations";
import { runIntegrityChecks } from "@/lib/integrity/checks";
import { getOrderDto } from "@/lib/orders/queries";
import { cancelOrderLine, createOrder } from "@/lib/orders/service";
import { checkBinScan, closePackage, confirmPick, createWave, markDelivered, packScan, shipPackage } from "@/lib/fulfilment/service";
import { actor, makeProduct, makeWarehouse, stockAt } from "./inventory-helpers";
import { makeChannel, orderBody } from "./orders-helpers";

async function clean() {
  expect((await runIntegrityChecks()).violations).toEqual([]);
}

async function stock(sku: string, wh: string, qty: number, bin = "B-1", cost = "2.00") {
  await adjustStock(actor, { sku, warehouse: wh, quantity: qty, reason: "initial", unitCost: cost, bin });
}

async function tasksOf(waveId: string) {
  const tasks = await db().pickTask.findMany({ where: { waveId }, orderBy: [{ seq: "asc" }] });
  const locs = await db().location.findMany({ where: { id: { in: tasks.map((t) => t.locationId) } } });
  const prods = await db().product.findMany({ where: { id: { in: tasks.map((t) => t.productId) } } });
  return tasks.map((t) => ({ ...t, bin: locs.find((l) => l.id === t.locationId)!, product: prods.find((p) => p.id === t.productId)! }));
}

/** Picks every open task of a wave in full. */
async function pickAll(waveId: string) {
  for (const t of await tasksOf(waveId)) {
    const left = t.quantity - t.picked - t.short;
    if (left > 0) await confirmPick(actor, { scanId: randomUUID(), taskId: t.id, bin: t.bin.barcode!, item: t.product.sku, quantity: left, short: false });
  }
}

async function packAll(orderId: string, warehouse: string) {
  const lines = await db().orderLine.findMany({ where: { orderId } });
  let pkgId = "";
  for (const l of lines) for (let i = 0; i < l.allocated; i++) pkgId = (await packScan(actor, { scanId: randomUUID(), orderId, warehouse, item: l.sku })).packageId;
  return closePackage(actor, { packageId: pkgId, boxType: "M", weightGrams: 900 });
}

describe("fulfilment: wave → pick → pack → ship", () => {
  it("ships two orders of a batch wave: stock to the customer, reservations consumed, COGS at valuation, delivered", async () => {
    const w = await makeWarehouse();
    await createLocation(actor, { warehouse: w, kind: "BIN", code: "C-9", name: "far bin", x: 30, y: 12, parentCode: undefined, barcode: undefined });
    const a = await makeProduct();
    const b = await makeProduct();
    await stock(a.sku, w, 10, "B-1", "2.00");
    await stock(b.sku, w, 4, "C-9", "3.50");
    const ch = await makeChannel([w]);
    const o1 = await createOrder(SYSTEM_ACTOR, { channelId: ch.id, input: orderBody([{ sku: a.sku, quantity: 3 }, { sku: b.sku, quantity: 1 }]) });
    const o2 = await createOrder(SYSTEM_ACTOR, { channelId: ch.id, input: orderBody([{ sku: a.sku, quantity: 2 }]) });

    const wave = await createWave(actor, { warehouse: w, kind: "batch", orderIds: [o1.orderId, o2.orderId], maxOrders: 10, maxLines: 50 });
    expect(wave).toMatchObject({ orders: 2, tasks: 3 });
    expect((await getOrderDto(o1.orderId))!.status).toBe("picking");
    const row = await db().pickWave.findUniqueOrThrow({ where: { id: wave.waveId } });
    expect(row.routeLength).toBeGreaterThan(0);
    expect(row.routeLength).toBeLessThanOrEqual(row.naiveLength);
    // The same orders cannot go into a second wave.
    await expect(createWave(actor, { warehouse: w, kind: "batch", orderIds: [o1.orderId], maxOrders: 10, maxLines: 50 })).rejects.toThrow(/No orders are waiting/);

    const tasks = await tasksOf(wave.waveId);
    const first = tasks[0]!;
    const scanId = randomUUID();
    const r1 = await confirmPick(actor, { scanId, taskId: first.id, bin: first.bin.barcode!, item: first.product.sku, quantity: first.quantity, short: false });
    // A retrying phone sends the same scan again: the first answer, nothing counted twice.
    const r2 = await confirmPick(actor, { scanId, taskId: first.id, bin: first.bin.barcode!, item: first.product.sku, quantity: first.quantity, short: false });
    expect(r2).toMatchObject({ replay: true, picked: r1.picked });
    expect((await db().pickTask.findUniqueOrThrow({ where: { id: first.id } })).picked).toBe(first.quantity);
    await pickAll(wave.waveId);
    expect((await db().pickWave.findUniqueOrThrow({ where: { id: wave.waveId } })).status).toBe("DONE");
    // Picked goods wait at the packing station, still reserved.
    expect(await stockAt(a.sku, w)).toEqual({ onHand: 10, reserved: 5, available: 5 });
    await clean();

    // Packing verifies the contents: nothing extra, nothing from another order.
    await packScan(actor, { scanId: randomUUID(), orderId: o2.orderId, warehouse: w, item: a.sku });
    await packScan(actor, { scanId: randomUUID(), orderId: o2.orderId, warehouse: w, item: a.sku });
    await expect(packScan(actor, { scanId: randomUUID(), orderId: o2.orderId, warehouse: w, item: a.sku })).rejects.toThrow(/packed already — this one is extra/);
    await expect(packScan(actor, { scanId: randomUUID(), orderId: o2.orderId, warehouse: w, item: b.sku })).rejects.toThrow(/not in this order/);
    const pkg2 = await db().package.findFirstOrThrow({ where: { orderId: o2.orderId } });
    const closed = await closePackage(actor, { packageId: pkg2.id, boxType: "S", weightGrams: 400 });
    expect(closed.orderStatus).toBe("PACKED");
    const packed1 = await packAll(o1.orderId, w);
    expect(packed1.orderStatus).toBe("PACKED");

    const before = await db().journalLine.count();
    await expect(shipPackage(actor, { packageId: pkg2.id, carrier: "manual", service: "Ground", trackingNumber: "" })).rejects.toThrow(/tracking number/);
    expect(await db().journalLine.count()).toBe(before);
    const s2 = await shipPackage(actor, { packageId: pkg2.id, carrier: "manual", service: "Ground", trackingNumber: "1Z-TEST-0002" });
    expect(s2.orderStatus).toBe("SHIPPED");
    expect(s2.cost).toBe(400n); // 2 × 2.00 at the moving average
    await expect(shipPackage(actor, { packageId: pkg2.id, carrier: "manual", service: "Ground", trackingNumber: "1Z-TEST-0003" })).rejects.toThrow(/shipped already/);
    const s1 = await shipPackage(actor, { packageId: packed1.packageId, carrier: "manual", service: "Express", trackingNumber: "1Z-TEST-0001" });
    expect(s1.cost).toBe(600n + 350n);

    const o1dto = (await getOrderDto(o1.orderId))!;
    expect(o1dto.status).toBe("shipped");
    expect(o1dto.lines.map((l) => [l.shipped, l.allocated])).toEqual([[3, 0], [1, 0]]);
    expect(await stockAt(a.sku, w)).toEqual({ onHand: 5, reserved: 0, available: 5 });
    expect(await stockAt(b.sku, w)).toEqual({ onHand: 3, reserved: 0, available: 3 });
    const cogs = await db().journalEntry.findMany({ where: { sourceType: "Shipment", kind: "cogs" }, include: { lines: { include: { account: true } } } });
    const ours = cogs.filter((e) => [s1.shipmentId, s2.shipmentId].includes(e.sourceId));
    expect(ours).toHaveLength(2);
    const cogsDebit = ours.flatMap((e) => e.lines).filter((l) => l.account.key === "cost_of_goods_sold").reduce((s, l) => s + l.debit, 0n);
    expect(cogsDebit).toBe(1350n);
    const o1lines = await db().orderLine.findMany({ where: { orderId: o1.orderId } });
    const consumed = await db().reservation.count({ where: { ownerType: "OrderLine", status: "CONSUMED", ownerId: { in: o1lines.map((l) => l.id) } } });
    expect(consumed).toBeGreaterThan(0);

    const d = await markDelivered(actor, { shipmentId: s1.shipmentId });
    expect(d.orderStatus).toBe("DELIVERED");
    await clean();
  });

  it("refuses wrong scans clearly and changes nothing", async () => {
    const w = await makeWarehouse();
    const other = await makeWarehouse();
    const a = await makeProduct();
    const b = await makeProduct();
    await stock(a.sku, w, 5);
    await stock(b.sku, w, 5, "B-2");
    const ch = await makeChannel([w]);
    const o = await createOrder(SYSTEM_ACTOR, { channelId: ch.id, input: orderBody([{ sku: a.sku, quantity: 2 }]) });
    const wave = await createWave(actor, { warehouse: w, kind: "single", orderIds: [o.orderId], maxOrders: 1, maxLines: 50 });
    const [t] = await tasksOf(wave.waveId);
    const pick = (over: Partial<Parameters<typeof confirmPick>[1]>) => confirmPick(actor, { scanId: randomUUID(), taskId: t!.id, bin: t!.bin.barcode!, item: a.sku, quantity: 2, short: false, ...over });
    const scansBefore = await db().scanRecord.count();
    await expect(pick({ bin: "NOPE-42" })).rejects.toThrow(/Unknown bin/);
    await expect(pick({ bin: `${other}-B-1` })).rejects.toThrow(new RegExp(`in warehouse ${other}`));
    await expect(pick({ bin: `${w}-B-2` })).rejects.toThrow(/Wrong bin: go to B-1/);
    await expect(checkBinScan({ taskId: t!.id, code: `${w}-B-2` })).rejects.toThrow(/Wrong bin/);
    await expect(pick({ item: b.sku })).rejects.toThrow(/Wrong item/);
    await expect(pick({ item: "NO-SUCH-ITEM" })).rejects.toThrow(/Unknown item/);
    await expect(pick({ quantity: 3 })).rejects.toThrow(/More than ordered: only 2 left/);
    expect((await db().pickTask.findUniqueOrThrow({ where: { id: t!.id } })).picked).toBe(0);
    expect(await db().scanRecord.count()).toBe(scansBefore);
    await pick({});
    await clean();
  });

  it("a short pick writes the shortage off the bin and re-allocates from another bin, adding a task to the wave", async () => {
    const w = await makeWarehouse();
    const a = await makeProduct();
    await stock(a.sku, w, 5, "B-1");
    await stock(a.sku, w, 1, "B-2");
    const ch = await makeChannel([w]);
    const o = await createOrder(SYSTEM_ACTOR, { channelId: ch.id, input: orderBody([{ sku: a.sku, quantity: 5 }]) });
    const wave = await createWave(actor, { warehouse: w, kind: "single", orderIds: [o.orderId], maxOrders: 1, maxLines: 50 });
    const [t] = await tasksOf(wave.waveId);
    expect(t!.bin.code).toBe("B-1");
    // Only 3 are really there.
    const r = await confirmPick(actor, { scanId: randomUUID(), taskId: t!.id, bin: t!.bin.code, item: a.sku, quantity: 3, short: true });
    expect(r).toMatchObject({ picked: 3, short: 2, reallocated: 1, backordered: 1, waveDone: false });
    const tasks = await tasksOf(wave.waveId);
    expect(tasks.map((x) => [x.bin.code, x.quantity, x.picked, x.short])).toEqual([["B-1", 5, 3, 2], ["B-2", 1, 0, 0]]);
    const dto = (await getOrderDto(o.orderId))!;
    expect(dto.lines[0]).toMatchObject({ allocated: 4, backordered: 1 });
    expect(await db().orderEvent.count({ where: { orderId: o.orderId, type: "short_pick", message: { contains: "Short pick: 2 ×" } } })).toBe(1);
    expect(await stockAt(a.sku, w)).toEqual({ onHand: 4, reserved: 4, available: 0 });
    await pickAll(wave.waveId);
    const packed = await packAll(o.orderId, w);
    expect(packed.orderStatus).toBe("PACKED");
    const s = await shipPackage(actor, { packageId: packed.packageId, carrier: "manual", service: "Ground", trackingNumber: `T-${randomUUID().slice(0, 8)}` });
    expect(s.orderStatus).toBe("PARTIALLY_SHIPPED");
    expect((await getOrderDto(o.orderId))!.lines[0]).toMatchObject({ shipped: 4, allocated: 0, backordered: 1 });
    // Stock arrives: the backorder fills; the order can be picked again.
    const { adjustStockAndFillBackorders } = await import("@/lib/orders/service");
    await adjustStockAndFillBackorders(actor, { sku: a.sku, warehouse: w, quantity: 3, reason: "found", bin: "B-2", unitCost: undefined, note: undefined });
    expect((await getOrderDto(o.orderId))!.lines[0]).toMatchObject({ allocated: 1, backordered: 0 });
    const w2 = await createWave(actor, { warehouse: w, kind: "single", orderIds: [o.orderId], maxOrders: 1, maxLines: 50 });
    await pickAll(w2.waveId);
    const p2 = await packAll(o.orderId, w);
    const s2 = await shipPackage(actor, { packageId: p2.packageId, carrier: "manual", service: "Ground", trackingNumber: `T-${randomUUID().slice(0, 8)}` });
    expect(s2.orderStatus).toBe("SHIPPED");
    expect(await db().shipment.count({ where: { orderId: o.orderId } })).toBe(2);
    await clean();
  });

  it("ships one order from two warehouses, partially then fully", async () => {
    const [w1, w2] = [await makeWarehouse(), await makeWarehouse()];
    const a = await makeProduct();
    await stock(a.sku, w1, 2);
    await stock(a.sku, w2, 3);
    const ch = await makeChannel([w1, w2]);
    const o = await createOrder(SYSTEM_ACTOR, { channelId: ch.id, input: orderBody([{ sku: a.sku, quantity: 5 }]) });
    const wa = await createWave(actor, { warehouse: w1, kind: "batch", orderIds: [o.orderId], maxOrders: 5, maxLines: 50 });
    const wb = await createWave(actor, { warehouse: w2, kind: "batch", orderIds: [o.orderId], maxOrders: 5, maxLines: 50 });
    await pickAll(wa.waveId);
    let pkg = "";
    for (let i = 0; i < 2; i++) pkg = (await packScan(actor, { scanId: randomUUID(), orderId: o.orderId, warehouse: w1, item: a.sku })).packageId;
    expect((await closePackage(actor, { packageId: pkg, boxType: "S" })).orderStatus).toBe("PICKING"); // w2 still picking
    const s1 = await shipPackage(actor, { packageId: pkg, carrier: "manual", service: "Ground", trackingNumber: `T-${randomUUID().slice(0, 8)}` });
    expect(s1.orderStatus).toBe("PICKING");
    await pickAll(wb.waveId);
    for (let i = 0; i < 3; i++) pkg = (await packScan(actor, { scanId: randomUUID(), orderId: o.orderId, warehouse: w2, item: a.sku })).packageId;
    expect((await closePackage(actor, { packageId: pkg, boxType: "M" })).orderStatus).toBe("PARTIALLY_SHIPPED"); // the rest is packed, part has shipped
    const s2 = await shipPackage(actor, { packageId: pkg, carrier: "manual", service: "Ground", trackingNumber: `T-${randomUUID().slice(0, 8)}` });
    expect(s2.orderStatus).toBe("SHIPPED");
    expect((await getOrderDto(o.orderId))!.lines[0]).toMatchObject({ shipped: 5, allocated: 0 });
    await clean();
  });

  it("a line cancelled after picking goes back to its bin by a move; its task shrinks when not yet picked", async () => {
    const w = await makeWarehouse();
    const a = await makeProduct();
    const b = await makeProduct();
    await stock(a.sku, w, 4, "B-1");
    await stock(b.sku, w, 4, "B-2");
    const ch = await makeChannel([w]);
    const o = await createOrder(SYSTEM_ACTOR, { channelId: ch.id, input: orderBody([{ sku: a.sku, quantity: 2 }, { sku: b.sku, quantity: 1 }]) });
    const wave = await createWave(actor, { warehouse: w, kind: "single", orderIds: [o.orderId], maxOrders: 1, maxLines: 50 });
    const tasks = await tasksOf(wave.waveId);
    const ta = tasks.find((t) => t.product.sku === a.sku)!;
    await confirmPick(actor, { scanId: randomUUID(), taskId: ta.id, bin: ta.bin.code, item: a.sku, quantity: 2, short: false });
    const lines = await db().orderLine.findMany({ where: { orderId: o.orderId }, orderBy: { lineNo: "asc" } });
    await cancelOrderLine(actor, { orderId: o.orderId, lineId: lines[0]!.id, reason: "customer changed mind" });
    const back = await db().stockMove.findFirst({ where: { sourceType: "OrderLine", sourceId: lines[0]!.id, type: "TRANSFER" } });
    expect(back).toMatchObject({ quantity: 2, toLocationId: ta.bin.id });
    expect(await stockAt(a.sku, w)).toEqual({ onHand: 4, reserved: 0, available: 4 });
    // The other line is cancelled before its pick: its task drops to zero and the wave completes.
    await cancelOrderLine(actor, { orderId: o.orderId, lineId: lines[1]!.id });
    expect((await db().pickWave.findUniqueOrThrow({ where: { id: wave.waveId } })).status).toBe("DONE");
    expect((await getOrderDto(o.orderId))!.status).toBe("cancelled");
    await clean();
  });

  it("kits are picked as parts and must be packed whole", async () => {
    const w = await makeWarehouse();
    const mug = await makeProduct();
    const lid = await makeProduct();
    const kitSku = `KIT-${randomUUID().slice(0, 6).toUpperCase()}`;
    await createProduct(actor, { sku: kitSku, name: "Mug set", price: "20.00", category: "Test", cost: undefined, barcode: undefined, description: undefined, weightGrams: undefined, lengthMm: undefined, widthMm: undefined, heightMm: undefined, parentSku: undefined });
    await setKitComponents(actor, { kitSku, components: [{ sku: mug.sku, quantity: 1 }, { sku: lid.sku, quantity: 2 }] });
    await stock(mug.sku, w, 3);
    await stock(lid.sku, w, 6, "B-2");
    const ch = await makeChannel([w]);
    const o = await createOrder(SYSTEM_ACTOR, { channelId: ch.id, input: orderBody([{ sku: kitSku, quantity: 2 }]) });
    const wave = await createWave(actor, { warehouse: w, kind: "single", orderIds: [o.orderId], maxOrders: 1, maxLines: 50 });
    expect((await tasksOf(wave.waveId)).map((t) => [t.product.sku, t.quantity]).sort()).toEqual([[lid.sku, 4], [mug.sku, 2]].sort());
    await pickAll(wave.waveId);
    const p = await packScan(actor, { scanId: randomUUID(), orderId: o.orderId, warehouse: w, item: mug.sku });
    await packScan(actor, { scanId: randomUUID(), orderId: o.orderId, warehouse: w, item: lid.sku });
    await expect(closePackage(actor, { packageId: p.packageId, boxType: "S" })).rejects.toThrow(/must travel whole/);
    await packScan(actor, { scanId: randomUUID(), orderId: o.orderId, warehouse: w, item: lid.sku });
    expect((await closePackage(actor, { packageId: p.packageId, boxType: "S" })).orderStatus).toBe("PICKING"); // one set still unpacked
    const p2 = await packScan(actor, { scanId: randomUUID(), orderId: o.orderId, warehouse: w, item: mug.sku });
    expect(p2.packageId).not.toBe(p.packageId);
    for (let i = 0; i < 2; i++) await packScan(actor, { scanId: randomUUID(), orderId: o.orderId, warehouse: w, item: lid.sku });
    expect((await closePackage(actor, { packageId: p2.packageId, boxType: "S" })).orderStatus).toBe("PACKED");
    await shipPackage(actor, { packageId: p.packageId, carrier: "manual", service: "Ground", trackingNumber: `T-${randomUUID().slice(0, 8)}` });
    expect((await getOrderDto(o.orderId))!).toMatchObject({ status: "partially_shipped" });
    await shipPackage(actor, { packageId: p2.packageId, carrier: "manual", service: "Ground", trackingNumber: `T-${randomUUID().slice(0, 8)}` });
    expect((await getOrderDto(o.orderId))!.lines[0]).toMatchObject({ shipped: 2, allocated: 0 });
    await clean();
  });

  it("concurrent wave creation never puts one order in two waves", async () => {
    const w = await makeWarehouse();
    const a = await makeProduct();
    await stock(a.sku, w, 50);
    const ch = await makeChannel([w]);
    const ids: string[] = [];
    for (let i = 0; i < 8; i++) ids.push((await createOrder(SYSTEM_ACTOR, { channelId: ch.id, input: orderBody([{ sku: a.sku, quantity: 1 }]) })).orderId);
    const results = await Promise.allSettled(Array.from({ length: 4 }, () => createWave(actor, { warehouse: w, kind: "batch", orderIds: ids, maxOrders: 3, maxLines: 50 })));
    const ok = results.filter((r) => r.status === "fulfilled");
    expect(ok.length).toBeGreaterThan(0);
    const tasks = await db().pickTask.findMany({ where: { orderId: { in: ids } } });
    expect(tasks).toHaveLength(new Set(tasks.map((t) => t.orderId)).size);
    expect(tasks.length).toBe(Math.min(8, ok.length * 3));
    await clean();
  });
});
