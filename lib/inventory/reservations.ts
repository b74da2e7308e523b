import "server-only";
import type { Tx } from "../db";
import { AppError } from "../errors";

export type Owner = { ownerType: string; ownerId: string };

type BinRow = { location_id: string; on_hand: number; reserved: number };

/**
 * Reserves up to `quantity` of an item at a warehouse for an owner (an order line later, a
 * manual hold now). The item's balance rows in that warehouse are locked in a fixed order
 * (location id), so concurrent reservations queue up and each sees what the previous ones
 * left: stock is never over-reserved. Bins with the most free stock are used first.
 * Returns what was reserved (less than asked when stock is short, unless `exact`).
 */
export async function reserveStock(
  tx: Tx,
  opts: Owner & { productId: string; warehouseId: string; quantity: number; exact?: boolean; note?: string },
): Promise<{ reserved: number }> {
  if (!Number.isInteger(opts.quantity) || opts.quantity <= 0) throw new AppError("VALIDATION", "Reserve a positive whole quantity.");
  const bins = await tx.$queryRaw<BinRow[]>`
    SELECT location_id::text, on_hand, reserved FROM stock_balances
    WHERE product_id = ${opts.productId}::uuid AND warehouse_id = ${opts.warehouseId}::uuid AND internal
    ORDER BY location_id FOR UPDATE`;
  const free = bins.map((b) => ({ id: b.location_id, free: b.on_hand - b.reserved })).filter((b) => b.free > 0);
  const total = free.reduce((s, b) => s + b.free, 0);
  if (opts.exact && total < opts.quantity) throw new AppError("CONFLICT", `Only ${total} available to reserve.`);
  let left = Math.min(opts.quantity, total);
  const reserved = left;
  free.sort((a, b) => b.free - a.free || (a.id < b.id ? -1 : 1));
  for (const b of free) {
    if (left === 0) break;
    const take = Math.min(left, b.free);
    const n = await tx.$executeRaw`
      UPDATE stock_balances SET reserved = reserved + ${take}
      WHERE product_id = ${opts.productId}::uuid AND location_id = ${b.id}::uuid AND on_hand - reserved >= ${take}`;
    if (n !== 1) throw new AppError("CONFLICT", "Stock changed while reserving; try again.");
    await tx.reservation.create({
      data: { ownerType: opts.ownerType, ownerId: opts.ownerId, productId: opts.productId, locationId: b.id, quantity: take, note: opts.note },
    });
    left -= take;
  }
  return { reserved };
}

/** Releases an owner's active reservations (of one item, or all). Idempotent: a second call releases nothing. */
export async function releaseReservations(tx: Tx, opts: Owner & { productId?: string }): Promise<{ released: number }> {
  const rows = await tx.$queryRaw<{ id: string; product_id: string; location_id: string; quantity: number }[]>`
    SELECT id::text, product_id::text, location_id::text, quantity FROM reservations
    WHERE owner_type = ${opts.ownerType} AND owner_id = ${opts.ownerId} AND status = 'ACTIVE'
      AND (${opts.productId ?? null}::uuid IS NULL OR product_id = ${opts.productId ?? null}::uuid)
    ORDER BY product_id, location_id FOR UPDATE`;
  let released = 0;
  for (const r of rows) {
    await tx.$executeRaw`UPDATE stock_balances SET reserved = reserved - ${r.quantity} WHERE product_id = ${r.product_id}::uuid AND location_id = ${r.location_id}::uuid`;
    await tx.$executeRaw`UPDATE reservations SET status = 'RELEASED', closed_at = now() WHERE id = ${r.id}::uuid`;
    released += r.quantity;
  }
  return { released };
}
