import "server-only";
import { randomUUID } from "node:crypto";
import { db } from "../db";
import { SYSTEM_ACTOR, type Actor } from "../audit/service";
import { closePackage, confirmPick, createWave, markDelivered, packScan, shipPackage } from "../fulfilment/service";

/**
 * Takes some demo orders through the warehouse: at MAIN one wave picked, packed and shipped
 * (some delivered), one wave picked and packed waiting for the carrier, and one open wave to try
 * scan-to-pick on; everything through the real services.
 */
export async function seedDemoFulfilment(): Promise<{ waves: number; shipped: number }> {
  if ((await db().pickWave.count()) > 0) return { waves: 0, shipped: 0 };
  const user = await db().user.findUnique({ where: { email: "warehouse@example.com" }, select: { id: true, email: true } });
  const staff: Actor = user ? { id: user.id, label: user.email } : SYSTEM_ACTOR;
  let waves = 0;
  let shipped = 0;
  for (const [i, stage] of (["ship", "pack", "open"] as const).entries()) {
    let wave;
    try {
      wave = await createWave(staff, { warehouse: "MAIN", kind: "batch", maxOrders: stage === "open" ? 6 : 8, maxLines: 40 });
    } catch {
      break; // nothing left to wave
    }
    waves++;
    if (stage === "open") break;
    const tasks = await db().pickTask.findMany({ where: { waveId: wave.waveId }, orderBy: { seq: "asc" } });
    const locs = new Map((await db().location.findMany({ where: { id: { in: tasks.map((t) => t.locationId) } }, select: { id: true, code: true } })).map((l) => [l.id, l.code]));
    const skus = new Map((await db().product.findMany({ where: { id: { in: tasks.map((t) => t.productId) } }, select: { id: true, sku: true } })).map((p) => [p.id, p.sku]));
    for (const [k, t] of tasks.entries()) {
      // One short pick in the first wave, to show the shortage and its re-allocation.
      const short = i === 0 && k === 2;
      await confirmPick(staff, { scanId: randomUUID(), taskId: t.id, bin: locs.get(t.locationId)!, item: skus.get(t.productId)!, quantity: short ? t.quantity - 1 : t.quantity, short });
    }
    // Tasks added by a short pick's re-allocation.
    for (const t of await db().pickTask.findMany({ where: { waveId: wave.waveId }, orderBy: { seq: "asc" } })) {
      const left = t.quantity - t.picked - t.short;
      if (left <= 0) continue;
      const bin = await db().location.findUniqueOrThrow({ where: { id: t.locationId }, select: { code: true } });
      const p = await db().product.findUniqueOrThrow({ where: { id: t.productId }, select: { sku: true } });
      await confirmPick(staff, { scanId: randomUUID(), taskId: t.id, bin: bin.code, item: p.sku, quantity: left, short: false });
    }
    const main = await db().warehouse.findUniqueOrThrow({ where: { code: "MAIN" }, select: { id: true } });
    const pack = await db().location.findFirstOrThrow({ where: { warehouseId: main.id, kind: "PACK" }, select: { id: true } });
    const orderIds = [...new Set(tasks.map((t) => t.orderId))];
    for (const [n, orderId] of orderIds.entries()) {
      const held = await db().$queryRaw<{ sku: string; qty: number }[]>`
        SELECT p.sku, sum(r.quantity)::int AS qty FROM reservations r JOIN order_lines ol ON ol.id::text = r.owner_id JOIN products p ON p.id = r.product_id
        WHERE ol.order_id = ${orderId}::uuid AND r.location_id = ${pack.id}::uuid AND r.status = 'ACTIVE' GROUP BY p.sku ORDER BY p.sku`;
      if (!held.length) continue;
      let pkg = "";
      for (const h of held) for (let q = 0; q < h.qty; q++) pkg = (await packScan(staff, { scanId: randomUUID(), orderId, warehouse: "MAIN", item: h.sku })).packageId;
      await closePackage(staff, { packageId: pkg, boxType: held.reduce((s, h) => s + h.qty, 0) > 3 ? "L" : "M", weightGrams: 400 + 350 * held.length });
      if (stage === "ship") {
        const s = await shipPackage(staff, { packageId: pkg, carrier: "manual", service: n % 3 === 0 ? "Express" : "Ground", trackingNumber: `1ZQM${String(100000 + n * 7919).slice(0, 6)}${n}` });
        shipped++;
        if (n % 2 === 0) await markDelivered(staff, { shipmentId: s.shipmentId });
      }
    }
  }
  return { waves, shipped };
}
