import "server-only";
import type { LocationKind } from "../generated/prisma/enums";
import { isUniqueViolation, transaction, type Tx } from "../db";
import { AppError } from "../errors";
import { recordAudit, type Actor } from "../audit/service";
import type { LocationInput, WarehouseInput } from "./schema";

/** The virtual locations every unit passes through on its way in, out or sideways. */
export const VIRTUAL_LOCATIONS: { kind: LocationKind; code: string; name: string }[] = [
  { kind: "SUPPLIER", code: "V-SUPPLIER", name: "Suppliers" },
  { kind: "CUSTOMER", code: "V-CUSTOMER", name: "Customers" },
  { kind: "ADJUSTMENT", code: "V-ADJUSTMENT", name: "Inventory adjustment" },
  { kind: "SCRAP", code: "V-SCRAP", name: "Scrap" },
  { kind: "PRODUCTION", code: "V-PRODUCTION", name: "Production" },
  { kind: "TRANSIT", code: "V-TRANSIT", name: "In transit" },
  { kind: "RETURNS", code: "V-RETURNS", name: "Returns / quarantine" },
];

export async function ensureVirtualLocations(tx: Tx): Promise<void> {
  for (const v of VIRTUAL_LOCATIONS) {
    const existing = await tx.location.findFirst({ where: { warehouseId: null, code: v.code } });
    if (!existing) await tx.location.create({ data: { kind: v.kind, code: v.code, name: v.name, internal: false } });
  }
}

export async function virtualLocationId(tx: Tx, kind: LocationKind): Promise<string> {
  const code = VIRTUAL_LOCATIONS.find((v) => v.kind === kind)?.code;
  const loc = code ? await tx.location.findFirst({ where: { warehouseId: null, code }, select: { id: true } }) : null;
  if (!loc) throw new AppError("INTERNAL", `Virtual location ${kind} is missing; run the seed.`);
  return loc.id;
}

export async function findWarehouse(tx: Tx, code: string) {
  const w = await tx.warehouse.findUnique({ where: { code } });
  if (!w) throw new AppError("VALIDATION", `Unknown warehouse ${code}.`, { issues: [{ path: "warehouse", message: `Unknown warehouse ${code}` }] });
  return w;
}

/** The bin where stock lands when none is named (created with every warehouse). */
export async function defaultBinId(tx: Tx, warehouseId: string): Promise<string> {
  const bin = await tx.location.findFirst({ where: { warehouseId, isDefault: true, kind: "BIN" }, select: { id: true } });
  if (!bin) throw new AppError("CONFLICT", "This warehouse has no default bin.");
  return bin.id;
}

export async function createWarehouse(actor: Actor, input: WarehouseInput) {
  try {
    return await transaction(async (tx) => {
      const w = await tx.warehouse.create({ data: { ...input } });
      const zone = await tx.location.create({ data: { warehouseId: w.id, kind: "ZONE", code: "IN", name: "Inbound", internal: true } });
      await tx.location.create({
        data: { warehouseId: w.id, parentId: zone.id, kind: "BIN", code: "RECV", name: "Receiving", internal: true, isDefault: true, barcode: `${w.code}-RECV`, x: 0, y: 0 },
      });
      await tx.location.create({ data: { warehouseId: w.id, kind: "PACK", code: "PACK", name: "Packing station", internal: true, barcode: `${w.code}-PACK`, x: 0, y: 0 } });
      await recordAudit(tx, { actor, action: "warehouse.create", entityType: "Warehouse", entityId: w.id, after: input });
      return { id: w.id, code: w.code, name: w.name };
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError("CONFLICT", `Warehouse ${input.code} exists.`, { issues: [{ path: "code", message: "Already in use" }] });
    throw e;
  }
}

export async function createLocation(actor: Actor, input: LocationInput) {
  try {
    return await transaction(async (tx) => {
      const w = await findWarehouse(tx, input.warehouse);
      let parentId: string | undefined;
      if (input.parentCode) {
        const parent = await tx.location.findFirst({ where: { warehouseId: w.id, code: input.parentCode } });
        if (!parent) throw new AppError("VALIDATION", "Unknown parent location.", { issues: [{ path: "parentCode", message: "Unknown location in this warehouse" }] });
        if (parent.kind === "BIN") throw new AppError("VALIDATION", "A bin cannot contain locations.", { issues: [{ path: "parentCode", message: "A bin cannot contain locations" }] });
        parentId = parent.id;
      }
      const loc = await tx.location.create({
        data: {
          warehouseId: w.id,
          parentId,
          kind: input.kind,
          code: input.code,
          name: input.name ?? input.code,
          barcode: input.barcode ?? (input.kind === "BIN" ? `${w.code}-${input.code}` : undefined),
          x: input.x,
          y: input.y,
          internal: true,
        },
      });
      await recordAudit(tx, { actor, action: "location.create", entityType: "Location", entityId: loc.id, after: input });
      return { id: loc.id, code: loc.code };
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError("CONFLICT", "A location with this code or barcode exists.", { issues: [{ path: "code", message: "Already in use" }] });
    throw e;
  }
}
