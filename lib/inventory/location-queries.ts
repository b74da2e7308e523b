import "server-only";
import { db } from "../db";
import type { LocationKind } from "../generated/prisma/enums";
import { VIRTUAL_LOCATIONS } from "./locations";

/** Reads for the warehouse pages: plain, serializable DTOs only (no Prisma rows, bigint or Decimal). */

export type InternalLocationKind = Extract<LocationKind, "ZONE" | "AISLE" | "SHELF" | "BIN">;
export type VirtualLocationKind = Exclude<LocationKind, InternalLocationKind>;

export type WarehouseSummary = {
  code: string;
  name: string;
  addressLine1: string | null;
  city: string | null;
  postalCode: string | null;
  country: string | null;
  active: boolean;
  bins: number;
  /** Units on hand at the warehouse's internal locations. */
  onHand: number;
};

export type LocationNode = {
  code: string;
  name: string;
  kind: InternalLocationKind;
  parentCode: string | null;
  barcode: string | null;
  x: number | null;
  y: number | null;
  isDefault: boolean;
  active: boolean;
  /** 0 for a top-level location. */
  depth: number;
  /** A bin's own stock; for a parent, its own plus everything below it. */
  onHand: number;
  childCount: number;
};

export type WarehouseDetail = WarehouseSummary & {
  /** Depth-first (parents before their children), siblings by kind then code. */
  locations: LocationNode[];
};

export type VirtualLocationDto = { kind: VirtualLocationKind; code: string };

const KIND_ORDER: Record<InternalLocationKind, number> = { ZONE: 0, AISLE: 1, SHELF: 2, BIN: 3 };

function isInternalKind(kind: LocationKind): kind is InternalLocationKind {
  return kind in KIND_ORDER;
}

export async function listWarehouseSummaries(): Promise<WarehouseSummary[]> {
  const rows = await db().$queryRaw<
    { code: string; name: string; address_line1: string | null; city: string | null; postal_code: string | null; country: string | null; active: boolean; bins: number; on_hand: bigint }[]
  >`
    SELECT w.code, w.name, w.address_line1, w.city, w.postal_code, w.country, w.active,
           (SELECT count(*) FROM locations l WHERE l.warehouse_id = w.id AND l.kind = 'BIN')::int AS bins,
           (SELECT coalesce(sum(b.on_hand), 0) FROM stock_balances b WHERE b.warehouse_id = w.id AND b.internal)::bigint AS on_hand
    FROM warehouses w
    ORDER BY w.code`;
  return rows.map((r) => ({
    code: r.code,
    name: r.name,
    addressLine1: r.address_line1,
    city: r.city,
    postalCode: r.postal_code,
    country: r.country?.trim() || null,
    active: r.active,
    bins: r.bins,
    onHand: Number(r.on_hand),
  }));
}

/** A warehouse with its location tree and units on hand per location, or null for an unknown code. */
export async function getWarehouseDetail(code: string): Promise<WarehouseDetail | null> {
  const w = await db().warehouse.findUnique({ where: { code } });
  if (!w) return null;
  const [locations, sums] = await Promise.all([
    db().location.findMany({
      where: { warehouseId: w.id },
      select: { id: true, parentId: true, kind: true, code: true, name: true, barcode: true, x: true, y: true, isDefault: true, active: true },
    }),
    db().stockBalance.groupBy({ by: ["locationId"], where: { warehouseId: w.id, internal: true }, _sum: { onHand: true } }),
  ]);
  const own = new Map(sums.map((s) => [s.locationId, s._sum.onHand ?? 0]));
  const internal = locations.filter((l): l is typeof l & { kind: InternalLocationKind } => isInternalKind(l.kind));
  const byId = new Map(internal.map((l) => [l.id, l]));
  const children = new Map<string | null, typeof internal>();
  for (const l of internal) {
    // A parent outside this warehouse's tree would be a data error; show such a location at the top.
    const parent = l.parentId && byId.has(l.parentId) ? l.parentId : null;
    const list = children.get(parent) ?? [];
    list.push(l);
    children.set(parent, list);
  }
  for (const list of children.values()) list.sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || a.code.localeCompare(b.code));

  const out: LocationNode[] = [];
  const visited = new Set<string>();
  const walk = (parentId: string | null, parentCode: string | null, depth: number): number => {
    let total = 0;
    for (const l of children.get(parentId) ?? []) {
      if (visited.has(l.id)) continue;
      visited.add(l.id);
      const node: LocationNode = {
        code: l.code,
        name: l.name,
        kind: l.kind,
        parentCode,
        barcode: l.barcode,
        x: l.x,
        y: l.y,
        isDefault: l.isDefault,
        active: l.active,
        depth,
        onHand: 0,
        childCount: children.get(l.id)?.length ?? 0,
      };
      out.push(node);
      node.onHand = (own.get(l.id) ?? 0) + walk(l.id, l.code, depth + 1);
      total += node.onHand;
    }
    return total;
  };
  const onHand = walk(null, null, 0);

  return {
    code: w.code,
    name: w.name,
    addressLine1: w.addressLine1,
    city: w.city,
    postalCode: w.postalCode,
    country: w.country?.trim() || null,
    active: w.active,
    bins: internal.filter((l) => l.kind === "BIN").length,
    onHand,
    locations: out,
  };
}

/** The virtual locations shared by all warehouses (the other side of receipts, shipments, adjustments…). */
export function listVirtualLocations(): VirtualLocationDto[] {
  return VIRTUAL_LOCATIONS.flatMap((v) => (isInternalKind(v.kind) ? [] : [{ kind: v.kind, code: v.code }]));
}
