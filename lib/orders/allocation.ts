import "server-only";
import type { Tx } from "../db";
import type { Actor } from "../audit/service";
import { releaseReservations, reserveStock } from "../inventory/reservations";

/**
 * Allocation: which warehouse(s) serve an order, by rules in order —
 * 1. the channel's preferred warehouses, in their order;
 * 2. the whole order from one warehouse where one can serve it all;
 * 3. otherwise split line by line across warehouses, when the channel allows it
 *    (when it does not: the single warehouse that can serve the most);
 * 4. the rest is backordered, filled first come, first served when stock arrives.
 * Each decision is stored with the candidates and their availability at that moment.
 * Availability is read with the balance rows locked (fixed order), so concurrent orders never
 * over-reserve; reservations are owned by the order line ("OrderLine", line id).
 */

export const LINE_OWNER = "OrderLine";

type Req = { productId: string; perUnit: number };
export type AllocLine = { id: string; lineNo: number; sku: string; productId: string; need: number };
type Wh = { id: string; code: string };

export type Decision = {
  lineId: string;
  rule: "single_warehouse" | "split" | "single_warehouse_no_split" | "backorder" | "backorder_fill";
  detail: {
    rule: string;
    candidates: { warehouse: string; priority: number; available: number }[];
    result: { warehouse: string; quantity: number }[];
    backordered: number;
  };
};

export async function requirements(tx: Tx, productIds: string[]): Promise<Map<string, Req[]>> {
  const products = await tx.product.findMany({
    where: { id: { in: productIds } },
    select: { id: true, isKit: true, kitComponents: { select: { componentId: true, quantity: true } } },
  });
  return new Map(products.map((p) => [p.id, p.isKit ? p.kitComponents.map((c) => ({ productId: c.componentId, perUnit: c.quantity })) : [{ productId: p.id, perUnit: 1 }]]));
}

/** Free stock per (product, warehouse), with the balance rows locked in a fixed order. */
async function lockFree(tx: Tx, productIds: string[], warehouseIds: string[]): Promise<Map<string, number>> {
  const free = new Map<string, number>();
  if (!productIds.length || !warehouseIds.length) return free;
  const rows = await tx.$queryRaw<{ product_id: string; warehouse_id: string; on_hand: number; reserved: number }[]>`
    SELECT product_id::text, warehouse_id::text, on_hand, reserved FROM stock_balances
    WHERE product_id = ANY(${productIds}::uuid[]) AND warehouse_id = ANY(${warehouseIds}::uuid[]) AND internal
    ORDER BY product_id, location_id FOR UPDATE`;
  for (const r of rows) {
    const k = `${r.product_id}|${r.warehouse_id}`;
    free.set(k, (free.get(k) ?? 0) + Math.max(0, r.on_hand - r.reserved));
  }
  return free;
}

function canServe(reqs: Req[], wh: string, free: Map<string, number>): number {
  if (!reqs.length) return 0;
  return Math.min(...reqs.map((r) => Math.floor((free.get(`${r.productId}|${wh}`) ?? 0) / r.perUnit)));
}

function take(reqs: Req[], wh: string, qty: number, free: Map<string, number>) {
  for (const r of reqs) {
    const k = `${r.productId}|${wh}`;
    free.set(k, (free.get(k) ?? 0) - qty * r.perUnit);
  }
}

const RULE_TEXT = {
  single_warehouse: "Whole order from one warehouse: the first of the channel's preferred warehouses that has every line",
  split: "No single warehouse has every line; split across the channel's preferred warehouses in order",
  single_warehouse_no_split: "No single warehouse has every line and this channel does not allow split shipments: the warehouse that can ship the most",
  backorder: "No preferred warehouse has stock: backordered until stock arrives",
  backorder_fill: "Stock arrived: backorder filled in order of arrival from the channel's preferred warehouses",
} as const;

/**
 * Allocates what the lines still need. `mode: "order"` applies the whole-order rules;
 * `mode: "fill"` serves backorders line by line (keeping to the order's warehouse when the
 * channel does not allow splits). Returns the decisions; lines and reservations are updated.
 */
export async function allocateLines(
  tx: Tx,
  actor: Actor,
  opts: { orderId: string; lines: AllocLine[]; warehouses: Wh[]; allowSplit: boolean; mode: "order" | "fill"; usedWarehouseIds?: string[]; at?: Date },
): Promise<Decision[]> {
  const lines = opts.lines.filter((l) => l.need > 0);
  if (!lines.length) return [];
  const reqs = await requirements(tx, [...new Set(lines.map((l) => l.productId))]);
  const allProducts = [...new Set([...reqs.values()].flat().map((r) => r.productId))].sort();
  const free = await lockFree(tx, allProducts, opts.warehouses.map((w) => w.id));
  const candidatesOf = (l: AllocLine) => opts.warehouses.map((w, i) => ({ warehouse: w.code, priority: i + 1, available: canServe(reqs.get(l.productId) ?? [], w.id, free) }));

  const plan = new Map<string, { wh: Wh; qty: number }[]>();
  const candidates = new Map(lines.map((l) => [l.id, candidatesOf(l)]));
  let rule: Decision["rule"];

  const single = opts.mode === "order" ? opts.warehouses.find((w) => lines.every((l) => canServe(reqs.get(l.productId) ?? [], w.id, free) >= l.need)) : undefined;
  if (single) {
    rule = "single_warehouse";
    for (const l of lines) plan.set(l.id, [{ wh: single, qty: l.need }]);
  } else if (opts.allowSplit) {
    rule = opts.mode === "fill" ? "backorder_fill" : "split";
    for (const l of lines) {
      const r = reqs.get(l.productId) ?? [];
      let left = l.need;
      const parts: { wh: Wh; qty: number }[] = [];
      for (const w of opts.warehouses) {
        if (!left) break;
        const q = Math.min(left, canServe(r, w.id, free));
        if (q > 0) {
          take(r, w.id, q, free);
          parts.push({ wh: w, qty: q });
          left -= q;
        }
      }
      plan.set(l.id, parts);
    }
  } else {
    rule = opts.mode === "fill" ? "backorder_fill" : "single_warehouse_no_split";
    const used = opts.warehouses.filter((w) => opts.usedWarehouseIds?.includes(w.id));
    const pool = used.length ? used : opts.warehouses;
    const score = (w: Wh) => lines.reduce((s, l) => s + Math.min(l.need, canServe(reqs.get(l.productId) ?? [], w.id, free)), 0);
    let best = pool[0]!;
    for (const w of pool) if (score(w) > score(best)) best = w;
    for (const l of lines) {
      const r = reqs.get(l.productId) ?? [];
      const q = Math.min(l.need, canServe(r, best.id, free));
      if (q > 0) take(r, best.id, q, free);
      plan.set(l.id, q > 0 ? [{ wh: best, qty: q }] : []);
    }
  }

  const decisions: Decision[] = [];
  for (const l of lines) {
    const parts = plan.get(l.id) ?? [];
    const got = parts.reduce((s, p) => s + p.qty, 0);
    for (const p of parts) {
      for (const r of reqs.get(l.productId) ?? []) {
        await reserveStock(tx, { ownerType: LINE_OWNER, ownerId: l.id, productId: r.productId, warehouseId: p.wh.id, quantity: p.qty * r.perUnit, exact: true });
      }
      await tx.$executeRaw`
        INSERT INTO line_allocations (line_id, warehouse_id, quantity) VALUES (${l.id}::uuid, ${p.wh.id}::uuid, ${p.qty})
        ON CONFLICT (line_id, warehouse_id) DO UPDATE SET quantity = line_allocations.quantity + EXCLUDED.quantity`;
    }
    if (got > 0) await tx.$executeRaw`UPDATE order_lines SET allocated = allocated + ${got}, backordered = backordered - ${got} WHERE id = ${l.id}::uuid`;
    if (opts.mode === "fill" && got === 0) continue; // nothing changed for this line: no decision to record
    const lineRule = got === 0 ? "backorder" : rule;
    const d: Decision = {
      lineId: l.id,
      rule: lineRule,
      detail: { rule: RULE_TEXT[lineRule], candidates: candidates.get(l.id) ?? [], result: parts.map((p) => ({ warehouse: p.wh.code, quantity: p.qty })), backordered: l.need - got },
    };
    decisions.push(d);
    await tx.allocationDecision.create({ data: { orderId: opts.orderId, lineId: l.id, rule: d.rule, detail: d.detail, actorLabel: actor.label, ...(opts.at ? { at: opts.at } : {}) } });
  }
  return decisions;
}

/** Gives back everything a line holds: its reservations and allocations; allocated units become backordered. */
export async function deallocateLine(tx: Tx, lineId: string, opts: { toBackorder: boolean }): Promise<number> {
  await releaseReservations(tx, { ownerType: LINE_OWNER, ownerId: lineId });
  await tx.$executeRaw`DELETE FROM line_allocations WHERE line_id = ${lineId}::uuid`;
  const [row] = await tx.$queryRaw<{ allocated: number }[]>`SELECT allocated FROM order_lines WHERE id = ${lineId}::uuid`;
  const n = row?.allocated ?? 0;
  if (n > 0) {
    if (opts.toBackorder) await tx.$executeRaw`UPDATE order_lines SET allocated = 0, backordered = backordered + ${n} WHERE id = ${lineId}::uuid`;
    else await tx.$executeRaw`UPDATE order_lines SET allocated = 0, cancelled = cancelled + ${n} WHERE id = ${lineId}::uuid`;
  }
  return n;
}
