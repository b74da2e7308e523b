import type { OrderStatus } from "../generated/prisma/enums";
import { AppError } from "../errors";

/** The order state machine, in one place. */
export const TRANSITIONS: Record<OrderStatus, readonly OrderStatus[]> = {
  PENDING: ["CONFIRMED", "ON_HOLD", "CANCELLED"],
  CONFIRMED: ["ALLOCATED", "PARTIALLY_ALLOCATED", "BACKORDERED", "ON_HOLD", "CANCELLED"],
  ALLOCATED: ["PARTIALLY_ALLOCATED", "BACKORDERED", "PICKING", "ON_HOLD", "CANCELLED"],
  PARTIALLY_ALLOCATED: ["ALLOCATED", "BACKORDERED", "PICKING", "ON_HOLD", "CANCELLED"],
  BACKORDERED: ["ALLOCATED", "PARTIALLY_ALLOCATED", "ON_HOLD", "CANCELLED"],
  ON_HOLD: ["PENDING", "CONFIRMED", "ALLOCATED", "PARTIALLY_ALLOCATED", "BACKORDERED", "PICKING", "PACKED", "CANCELLED"],
  PICKING: ["PACKED", "PARTIALLY_SHIPPED", "SHIPPED", "ALLOCATED", "PARTIALLY_ALLOCATED", "BACKORDERED", "ON_HOLD", "CANCELLED"],
  PACKED: ["SHIPPED", "PARTIALLY_SHIPPED", "PICKING", "ALLOCATED", "PARTIALLY_ALLOCATED", "BACKORDERED", "ON_HOLD", "CANCELLED"],
  PARTIALLY_SHIPPED: ["SHIPPED", "PICKING", "PACKED"],
  SHIPPED: ["DELIVERED"],
  DELIVERED: [],
  CANCELLED: [],
};

export function canTransition(from: OrderStatus, to: OrderStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

export function assertTransition(from: OrderStatus, to: OrderStatus): void {
  if (from === to) return;
  if (!canTransition(from, to))
    throw new AppError("CONFLICT", `An order that is ${label(from)} cannot become ${label(to)}.`);
}

export function label(s: OrderStatus): string {
  return s.toLowerCase().replace(/_/g, " ");
}

/** What allocation makes of an order's status, from its lines. */
export function allocationStatus(lines: { allocated: number; backordered: number; shipped: number; cancelled: number; quantity: number }[]): OrderStatus {
  const open = lines.reduce((s, l) => s + l.allocated + l.backordered, 0);
  const allocated = lines.reduce((s, l) => s + l.allocated, 0);
  const backordered = lines.reduce((s, l) => s + l.backordered, 0);
  const shipped = lines.reduce((s, l) => s + l.shipped, 0);
  if (open === 0) return shipped > 0 ? "SHIPPED" : "CANCELLED";
  if (backordered === 0) return "ALLOCATED";
  if (allocated === 0) return "BACKORDERED";
  return "PARTIALLY_ALLOCATED";
}

/** Statuses whose allocated stock can go into a pick wave. */
export const WAVEABLE: readonly OrderStatus[] = ["ALLOCATED", "PARTIALLY_ALLOCATED", "PICKING", "PACKED", "PARTIALLY_SHIPPED"];

/** Statuses whose backorders are filled when stock arrives. */
export const FILLABLE: readonly OrderStatus[] = ["CONFIRMED", "ALLOCATED", "PARTIALLY_ALLOCATED", "BACKORDERED", "PICKING", "PACKED", "PARTIALLY_SHIPPED"];

/** Statuses in which allocation may still change (before picking starts). */
export const ALLOCATABLE: readonly OrderStatus[] = ["CONFIRMED", "ALLOCATED", "PARTIALLY_ALLOCATED", "BACKORDERED"];
