import "server-only";
import { randomUUID } from "node:crypto";
import { transaction } from "../db";
import { AppError } from "../errors";
import { recordAudit, type Actor } from "../audit/service";
import { findWarehouse } from "./locations";
import { findProductBySku } from "./products";
import { releaseReservations, reserveStock } from "./reservations";

export const MANUAL_HOLD = "ManualHold";

/** Puts units aside by hand (a customer on the phone, a display): a reservation of its own. */
export async function holdStock(actor: Actor, opts: { sku: string; warehouse: string; quantity: number; note?: string }) {
  return transaction(async (tx) => {
    const product = await findProductBySku(tx, opts.sku);
    const warehouse = await findWarehouse(tx, opts.warehouse);
    const ownerId = randomUUID();
    await reserveStock(tx, { ownerType: MANUAL_HOLD, ownerId, productId: product.id, warehouseId: warehouse.id, quantity: opts.quantity, exact: true, note: opts.note });
    await recordAudit(tx, { actor, action: "stock.hold", entityType: "Product", entityId: product.id, after: { holdId: ownerId, ...opts } });
    return { holdId: ownerId };
  });
}

export async function releaseHold(actor: Actor, opts: { holdId: string }) {
  return transaction(async (tx) => {
    const r = await tx.reservation.findFirst({ where: { ownerType: MANUAL_HOLD, ownerId: opts.holdId } });
    if (!r) throw new AppError("NOT_FOUND", "Hold not found.");
    const { released } = await releaseReservations(tx, { ownerType: MANUAL_HOLD, ownerId: opts.holdId });
    if (released) await recordAudit(tx, { actor, action: "stock.release_hold", entityType: "Product", entityId: r.productId, after: { holdId: opts.holdId, released } });
    return { released };
  });
}
