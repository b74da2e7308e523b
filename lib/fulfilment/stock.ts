import "server-only";
import type { Tx } from "../db";
import { AppError } from "../errors";
import type { Owner } from "../inventory/reservations";

/**
 * Reservation primitives for fulfilment: a reservation follows its goods from the bin to the
 * packing station and is consumed when they ship. Each keeps stock_balances.reserved equal to
 * the sum of the active reservations (the integrity check), in the caller's transaction.
 */

/** The warehouse's packing station (created on first use). */
export async function packLocationId(tx: Tx, warehouseId: string): Promise<string> {
  const found = await tx.location.findFirst({ where: { warehouseId, kind: "PACK" }, select: { id: true } });
  if (found) return found.id;
  const w = await tx.warehouse.findUniqueOrThrow({ where: { id: warehouseId }, select: { code: true } });
  await tx.$executeRaw`
    INSERT INTO locations (id, warehouse_id, kind, code, name, barcode, x, y, internal, is_default, active, created_at)
    VALUES (gen_random_uuid(), ${warehouseId}::uuid, 'PACK', 'PACK', 'Packing station', ${`${w.code}-PACK`}, 0, 0, true, false, true, now())
    ON CONFLICT DO NOTHING`;
  const loc = await tx.location.findFirst({ where: { warehouseId, kind: "PACK" }, select: { id: true } });
  if (!loc) throw new AppError("CONFLICT", `Warehouse ${w.code} has a location coded PACK that is not a packing station.`);
  return loc.id;
}

/** Takes `quantity` off an owner's active reservations of an item at one location. */
export async function reduceReservation(tx: Tx, owner: Owner, productId: string, locationId: string, quantity: number, closeAs: "RELEASED" | "CONSUMED"): Promise<void> {
  if (quantity <= 0) return;
  const rows = await tx.$queryRaw<{ id: string; quantity: number }[]>`
    SELECT id::text, quantity FROM reservations
    WHERE owner_type = ${owner.ownerType} AND owner_id = ${owner.ownerId} AND product_id = ${productId}::uuid
      AND location_id = ${locationId}::uuid AND status = 'ACTIVE'
    ORDER BY created_at, id FOR UPDATE`;
  const held = rows.reduce((s, r) => s + r.quantity, 0);
  if (held < quantity) throw new AppError("CONFLICT", "The reservation changed meanwhile; reload and try again.");
  let left = quantity;
  for (const r of rows) {
    if (!left) break;
    const take = Math.min(left, r.quantity);
    if (take === r.quantity) await tx.$executeRaw`UPDATE reservations SET status = ${closeAs}::"ReservationStatus", closed_at = now() WHERE id = ${r.id}::uuid`;
    else await tx.$executeRaw`UPDATE reservations SET quantity = quantity - ${take} WHERE id = ${r.id}::uuid`;
    left -= take;
  }
  await tx.$executeRaw`UPDATE stock_balances SET reserved = reserved - ${quantity} WHERE product_id = ${productId}::uuid AND location_id = ${locationId}::uuid`;
}

/** Reserves `quantity` at one location for an owner; refused when that much is not free there. */
export async function addReservation(tx: Tx, owner: Owner, productId: string, locationId: string, quantity: number, note?: string): Promise<void> {
  const n = await tx.$executeRaw`
    UPDATE stock_balances SET reserved = reserved + ${quantity}
    WHERE product_id = ${productId}::uuid AND location_id = ${locationId}::uuid AND on_hand - reserved >= ${quantity}`;
  if (n !== 1) throw new AppError("CONFLICT", "Not enough free stock at this location.");
  await tx.reservation.create({ data: { ...owner, productId, locationId, quantity, note } });
}
