import "server-only";
import { db } from "../db";
import { LINE_OWNER } from "../orders/allocation";
import { WAVEABLE } from "../orders/state";
import { packingState, type PackLine } from "./service";

/** Orders waiting for a wave, per warehouse. */
export async function waitingByWarehouse() {
  return db().$queryRaw<{ code: string; name: string; orders: number; units: number }[]>`
    SELECT w.code, w.name,
      count(DISTINCT o.id)::int AS orders, coalesce(sum(r.quantity), 0)::int AS units
    FROM warehouses w
    LEFT JOIN locations l ON l.warehouse_id = w.id AND l.kind <> 'PACK'
    LEFT JOIN reservations r ON r.location_id = l.id AND r.owner_type = ${LINE_OWNER} AND r.status = 'ACTIVE'
      AND NOT EXISTS (SELECT 1 FROM pick_tasks t JOIN pick_waves pw ON pw.id = t.wave_id
        WHERE t.line_id::text = r.owner_id AND pw.warehouse_id = w.id AND pw.status = 'OPEN')
    LEFT JOIN order_lines ol ON ol.id::text = r.owner_id
    LEFT JOIN orders o ON o.id = ol.order_id AND o.status::text = ANY(${[...WAVEABLE]}::text[])
    WHERE w.active
    GROUP BY w.code, w.name ORDER BY w.code`;
}

export type WaveRow = {
  number: number; warehouse: string; status: string; kind: string; createdAt: Date; completedAt: Date | null;
  routeLength: number; naiveLength: number; orders: number; tasks: number; units: number; done: number; short: number;
};

export async function listWaves(opts: { status?: "OPEN" | "DONE"; limit?: number } = {}): Promise<WaveRow[]> {
  return db().$queryRaw<WaveRow[]>`
    SELECT pw.number, w.code AS warehouse, pw.status::text AS status, pw.criteria->>'kind' AS kind, pw.created_at AS "createdAt", pw.completed_at AS "completedAt",
      pw.route_length AS "routeLength", pw.naive_length AS "naiveLength",
      count(DISTINCT t.order_id)::int AS orders, count(t.id)::int AS tasks,
      coalesce(sum(t.quantity), 0)::int AS units, coalesce(sum(t.picked + t.short), 0)::int AS done, coalesce(sum(t.short), 0)::int AS short
    FROM pick_waves pw JOIN warehouses w ON w.id = pw.warehouse_id LEFT JOIN pick_tasks t ON t.wave_id = pw.id
    WHERE (${opts.status ?? null}::text IS NULL OR pw.status::text = ${opts.status ?? null})
    GROUP BY pw.id, w.code ORDER BY (pw.status = 'OPEN') DESC, pw.number DESC LIMIT ${opts.limit ?? 50}`;
}

export type TaskRow = {
  id: string; seq: number; bin: string; binBarcode: string | null; sku: string; name: string; productBarcode: string | null;
  order: number; orderId: string; quantity: number; picked: number; short: number;
};

export async function waveDetail(number: number) {
  const wave = await db().pickWave.findUnique({ where: { number } });
  if (!wave) return null;
  const warehouse = await db().warehouse.findUniqueOrThrow({ where: { id: wave.warehouseId }, select: { code: true, name: true } });
  const tasks = await db().$queryRaw<TaskRow[]>`
    SELECT t.id::text, t.seq, l.code AS bin, l.barcode AS "binBarcode", p.sku, p.name, p.barcode AS "productBarcode",
      o.number AS order, o.id::text AS "orderId", t.quantity, t.picked, t.short
    FROM pick_tasks t JOIN locations l ON l.id = t.location_id JOIN products p ON p.id = t.product_id JOIN orders o ON o.id = t.order_id
    WHERE t.wave_id = ${wave.id}::uuid AND t.quantity > 0 ORDER BY t.seq, o.number, p.sku`;
  return { wave, warehouse, tasks };
}

/** Orders with picked goods waiting at a packing station, or packed packages waiting to ship. */
export async function packQueue(orderId?: string) {
  return db().$queryRaw<{ orderId: string; number: number; status: string; warehouse: string; picked: number; packed: number; toShip: number; placedAt: Date; customer: string }[]>`
    WITH at_pack AS (
      SELECT ol.order_id, l.warehouse_id, sum(r.quantity)::int AS picked
      FROM reservations r JOIN locations l ON l.id = r.location_id AND l.kind = 'PACK' JOIN order_lines ol ON ol.id::text = r.owner_id
      WHERE r.owner_type = ${LINE_OWNER} AND r.status = 'ACTIVE' AND (${orderId ?? null}::uuid IS NULL OR ol.order_id = ${orderId ?? null}::uuid)
      GROUP BY ol.order_id, l.warehouse_id
    ), packed AS (
      SELECT p.order_id, p.warehouse_id, sum(i.quantity)::int AS packed, count(DISTINCT p.id) FILTER (WHERE p.status = 'PACKED')::int AS to_ship
      FROM packages p JOIN package_items i ON i.package_id = p.id WHERE p.status <> 'SHIPPED' GROUP BY p.order_id, p.warehouse_id
    )
    SELECT o.id::text AS "orderId", o.number, o.status::text AS status, w.code AS warehouse, a.picked, coalesce(k.packed, 0)::int AS packed,
      coalesce(k.to_ship, 0)::int AS "toShip", o.placed_at AS "placedAt", o.ship_name AS customer
    FROM at_pack a JOIN orders o ON o.id = a.order_id JOIN warehouses w ON w.id = a.warehouse_id
    LEFT JOIN packed k ON k.order_id = a.order_id AND k.warehouse_id = a.warehouse_id
    ORDER BY o.placed_at, o.number LIMIT 200`;
}

export type PackageView = {
  id: string; number: number; status: string; boxType: string; weightGrams: number | null; warehouse: string;
  items: { sku: string; name: string; quantity: number }[];
  shipment: { id: string; carrier: string; service: string; trackingNumber: string; shippedAt: Date; deliveredAt: Date | null; cost: bigint } | null;
};

export async function packagesOfOrder(orderId: string, warehouseId?: string): Promise<PackageView[]> {
  const pkgs = await db().package.findMany({ where: { orderId, ...(warehouseId ? { warehouseId } : {}) }, include: { items: true, shipment: true }, orderBy: { number: "asc" } });
  const products = await db().product.findMany({ where: { id: { in: pkgs.flatMap((p) => p.items.map((i) => i.productId)) } }, select: { id: true, sku: true, name: true } });
  const whs = await db().warehouse.findMany({ where: { id: { in: pkgs.map((p) => p.warehouseId) } }, select: { id: true, code: true } });
  return pkgs.map((p) => ({
    id: p.id, number: p.number, status: p.status, boxType: p.boxType, weightGrams: p.weightGrams, warehouse: whs.find((w) => w.id === p.warehouseId)?.code ?? "",
    items: p.items.map((i) => { const pr = products.find((x) => x.id === i.productId)!; return { sku: pr.sku, name: pr.name, quantity: i.quantity }; }).sort((a, b) => a.sku.localeCompare(b.sku)),
    shipment: p.shipment ? { id: p.shipment.id, carrier: p.shipment.carrier, service: p.shipment.service, trackingNumber: p.shipment.trackingNumber, shippedAt: p.shipment.shippedAt, deliveredAt: p.shipment.deliveredAt, cost: p.shipment.cost } : null,
  }));
}

export async function packStation(orderId: string, warehouseCode: string): Promise<{ order: { id: string; number: number; status: string; shipName: string; shipCity: string; shipCountry: string }; warehouse: { id: string; code: string }; lines: PackLine[]; packages: PackageView[]; openTasks: number } | null> {
  if (!/^[0-9a-f-]{36}$/i.test(orderId)) return null;
  const order = await db().order.findUnique({ where: { id: orderId }, select: { id: true, number: true, status: true, shipName: true, shipCity: true, shipCountry: true } });
  const warehouse = await db().warehouse.findUnique({ where: { code: warehouseCode }, select: { id: true, code: true } });
  if (!order || !warehouse) return null;
  const lines = await db().$transaction((tx) => packingState(tx, orderId, warehouse.id));
  const packages = await packagesOfOrder(orderId, warehouse.id);
  const [t] = await db().$queryRaw<{ n: number }[]>`
    SELECT coalesce(sum(t.quantity - t.picked - t.short), 0)::int AS n FROM pick_tasks t JOIN pick_waves w ON w.id = t.wave_id
    WHERE t.order_id = ${orderId}::uuid AND w.warehouse_id = ${warehouse.id}::uuid AND w.status = 'OPEN'`;
  return { order, warehouse, lines, packages, openTasks: t?.n ?? 0 };
}

/** Warehouses where this order has allocated stock not yet in a wave (it can be picked now). */
export async function unwavedWarehouses(orderId: string): Promise<string[]> {
  const rows = await db().$queryRaw<{ code: string }[]>`
    SELECT DISTINCT w.code FROM reservations r JOIN locations l ON l.id = r.location_id JOIN warehouses w ON w.id = l.warehouse_id
    JOIN order_lines ol ON ol.id::text = r.owner_id JOIN orders o ON o.id = ol.order_id
    WHERE ol.order_id = ${orderId}::uuid AND r.owner_type = ${LINE_OWNER} AND r.status = 'ACTIVE' AND l.kind <> 'PACK'
      AND o.status::text = ANY(${[...WAVEABLE]}::text[])
      AND NOT EXISTS (SELECT 1 FROM pick_tasks t JOIN pick_waves pw ON pw.id = t.wave_id WHERE t.order_id = ol.order_id AND pw.warehouse_id = w.id AND pw.status = 'OPEN')
    ORDER BY w.code`;
  return rows.map((r) => r.code);
}
