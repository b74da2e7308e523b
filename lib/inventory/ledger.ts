import "server-only";
import { Prisma, type Tx } from "../db";
import { AppError } from "../errors";
import type { Actor } from "../audit/service";
import { currencyDigits, divRound } from "../money";
import type { MoveType } from "../generated/prisma/enums";

/**
 * The stock ledger. Every change of stock is one immutable move of a positive quantity of one
 * item from one location to another; the balance projection is updated by a database trigger
 * in the same transaction, and CHECK constraints refuse negative on-hand or over-reservation.
 *
 * Valuation (moving weighted average, per item across all warehouses):
 * - a move into stock from a virtual location (receipt, found, initial) adds
 *   round(quantity × unit cost) to the item's value; the unit cost is the one given, else the
 *   current average, else the standard cost, else 0;
 * - a move out of stock to a virtual location (shipment, loss, scrap) removes
 *   round(value × quantity / quantity on hand) — all of the value when the last units leave —
 *   so the value never drifts from what the journal posted;
 * - moves between internal locations (transfers, picks) do not change the value.
 * Rounding is half away from zero, once per move, in minor units of the company currency.
 */

export type MoveInput = {
  productId: string;
  quantity: number;
  fromLocationId: string;
  toLocationId: string;
  type: MoveType;
  reason?: string;
  sourceType: string;
  sourceId: string;
  unitCost?: string;
  currency: string;
  /** Backdated moves are for the demo seed and imports of history only. */
  at?: Date;
};

export type RecordedMove = { id: bigint; value: bigint; direction: "in" | "out" | "internal" | "virtual"; unitCost: string };

const Decimal = Prisma.Decimal;

export function valueOf(quantity: number, unitCost: Prisma.Decimal | string, currency: string): bigint {
  const minor = new Decimal(unitCost).times(quantity).times(new Decimal(10).pow(currencyDigits(currency)));
  return BigInt(minor.toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toFixed(0));
}

export function averageCost(value: bigint, quantity: number, currency: string): string {
  if (quantity <= 0) return "0";
  return new Decimal(value.toString()).div(quantity).div(new Decimal(10).pow(currencyDigits(currency))).toDecimalPlaces(6, Decimal.ROUND_HALF_UP).toString();
}

function isCheckViolation(e: unknown): boolean {
  let cur: unknown = e;
  for (let i = 0; cur && i < 6; i++) {
    const o = cur as { code?: unknown; originalCode?: unknown; cause?: unknown; meta?: { driverAdapterError?: unknown } };
    if (o.code === "23514" || o.originalCode === "23514") return true;
    cur = o.cause ?? o.meta?.driverAdapterError;
  }
  return false;
}

export async function recordMove(tx: Tx, actor: Actor, m: MoveInput): Promise<RecordedMove> {
  if (!Number.isInteger(m.quantity) || m.quantity <= 0) throw new AppError("VALIDATION", "A move needs a positive whole quantity.");
  const locs = await tx.location.findMany({ where: { id: { in: [m.fromLocationId, m.toLocationId] } }, select: { id: true, internal: true } });
  const from = locs.find((l) => l.id === m.fromLocationId);
  const to = locs.find((l) => l.id === m.toLocationId);
  if (!from || !to) throw new AppError("NOT_FOUND", "Unknown location.");
  const direction = from.internal && to.internal ? "internal" : to.internal ? "in" : from.internal ? "out" : "virtual";

  let value = 0n;
  let unitCost = "0";
  if (direction !== "virtual") {
    await tx.$executeRaw`INSERT INTO item_valuations (product_id, quantity, value, currency) VALUES (${m.productId}::uuid, 0, 0, ${m.currency}) ON CONFLICT (product_id) DO NOTHING`;
    const [val] = await tx.$queryRaw<{ quantity: number; value: bigint }[]>`
      SELECT quantity, value FROM item_valuations WHERE product_id = ${m.productId}::uuid FOR UPDATE`;
    const v = val ?? { quantity: 0, value: 0n };
    const avg = averageCost(v.value, v.quantity, m.currency);
    if (direction === "in") {
      if (m.unitCost !== undefined) unitCost = new Decimal(m.unitCost).toString();
      else if (v.quantity > 0) unitCost = avg;
      else {
        const p = await tx.product.findUnique({ where: { id: m.productId }, select: { standardCost: true } });
        unitCost = p?.standardCost?.toString() ?? "0";
      }
      value = valueOf(m.quantity, unitCost, m.currency);
      await tx.$executeRaw`UPDATE item_valuations SET quantity = quantity + ${m.quantity}, value = value + ${value} WHERE product_id = ${m.productId}::uuid`;
    } else if (direction === "out") {
      if (v.quantity < m.quantity) throw new AppError("CONFLICT", "Not enough stock on hand for this move.");
      unitCost = avg;
      value = v.quantity === m.quantity ? v.value : divRound(v.value * BigInt(m.quantity), BigInt(v.quantity));
      await tx.$executeRaw`UPDATE item_valuations SET quantity = quantity - ${m.quantity}, value = value - ${value} WHERE product_id = ${m.productId}::uuid`;
    } else {
      unitCost = avg;
    }
  }

  try {
    const move = await tx.stockMove.create({
      data: {
        productId: m.productId,
        quantity: m.quantity,
        fromLocationId: m.fromLocationId,
        toLocationId: m.toLocationId,
        type: m.type,
        reason: m.reason,
        sourceType: m.sourceType,
        sourceId: m.sourceId,
        userId: actor.id,
        actorLabel: actor.label,
        unitCost,
        value,
        ...(m.at ? { createdAt: m.at } : {}),
      },
      select: { id: true },
    });
    return { id: move.id, value, direction, unitCost };
  } catch (e) {
    if (isCheckViolation(e)) throw new AppError("CONFLICT", "This would make on hand negative or below what is reserved.");
    throw e;
  }
}
