import "server-only";
import { randomUUID } from "node:crypto";
import { transaction, type Tx } from "../db";
import { AppError } from "../errors";
import { recordAudit, type Actor } from "../audit/service";
import { postJournalEntry } from "../accounting/service";
import { getCompany } from "../settings/company";
import { recordMove } from "./ledger";
import { defaultBinId, findWarehouse, virtualLocationId } from "./locations";
import { findProductBySku } from "./products";
import type { AdjustmentInput } from "./schema";

export type AdjustmentResult = { adjustmentId: string; sku: string; quantity: number; value: bigint; journalEntryId: string | null };

/**
 * Adjusts stock at a warehouse: moves between a bin and the virtual Adjustment location, and
 * posts the value (inventory against shrinkage and gains) — one transaction. A decrease that
 * would make on hand negative or take reserved units is refused (CONFLICT) with nothing written.
 */
export async function adjustStock(actor: Actor, input: AdjustmentInput, opts: { tx?: Tx; at?: Date } = {}): Promise<AdjustmentResult> {
  const run = async (tx: Tx): Promise<AdjustmentResult> => {
    const product = await findProductBySku(tx, input.sku);
    if (product.isKit) throw new AppError("VALIDATION", "Kits hold no stock of their own; adjust their components.", { issues: [{ path: "sku", message: "This is a kit" }] });
    const warehouse = await findWarehouse(tx, input.warehouse);
    const { currency } = await getCompany(tx);
    const adjLoc = await virtualLocationId(tx, "ADJUSTMENT");
    const adjustmentId = randomUUID();
    const source = { sourceType: "StockAdjustment", sourceId: adjustmentId };
    const reason = input.note ? `${input.reason}: ${input.note}` : input.reason;
    let named: string | undefined;
    if (input.bin) {
      const bin = await tx.location.findFirst({ where: { warehouseId: warehouse.id, code: input.bin, kind: "BIN" }, select: { id: true } });
      if (!bin) throw new AppError("VALIDATION", `Unknown bin ${input.bin} in ${warehouse.code}.`, { issues: [{ path: "bin", message: "Unknown bin in this warehouse" }] });
      named = bin.id;
    }

    let value = 0n;
    if (input.quantity > 0) {
      const to = named ?? (await defaultBinId(tx, warehouse.id));
      const m = await recordMove(tx, actor, { productId: product.id, quantity: input.quantity, fromLocationId: adjLoc, toLocationId: to, type: "ADJUSTMENT", reason, ...source, unitCost: input.unitCost, currency, at: opts.at });
      value = m.value;
    } else {
      let need = -input.quantity;
      // Lock the item's bins in this warehouse (fixed order) and take from free stock only.
      const bins = await tx.$queryRaw<{ location_id: string; on_hand: number; reserved: number }[]>`
        SELECT location_id::text, on_hand, reserved FROM stock_balances
        WHERE product_id = ${product.id}::uuid AND warehouse_id = ${warehouse.id}::uuid AND internal
        ORDER BY location_id FOR UPDATE`;
      const candidates = bins
        .map((b) => ({ id: b.location_id, free: b.on_hand - b.reserved }))
        .filter((b) => b.free > 0 && (!named || b.id === named))
        .sort((a, b) => b.free - a.free);
      const free = candidates.reduce((s, b) => s + b.free, 0);
      if (free < need)
        throw new AppError("CONFLICT", `Cannot remove ${need}: only ${free} of ${product.sku} free at ${warehouse.code}${named ? ` bin ${input.bin}` : ""} (on hand minus reserved).`);
      for (const b of candidates) {
        if (need === 0) break;
        const take = Math.min(need, b.free);
        const m = await recordMove(tx, actor, { productId: product.id, quantity: take, fromLocationId: b.id, toLocationId: adjLoc, type: "ADJUSTMENT", reason, ...source, currency, at: opts.at });
        value += m.value;
        need -= take;
      }
    }

    let journalEntryId: string | null = null;
    if (value > 0n) {
      const gain = input.quantity > 0;
      const entry = await postJournalEntry(tx, actor, {
        ...source,
        kind: "adjustment",
        postedAt: opts.at,
        memo: `Stock ${gain ? "increase" : "decrease"} ${product.sku} ×${Math.abs(input.quantity)} at ${warehouse.code} (${reason})`,
        currency,
        lines: gain
          ? [{ account: "inventory", debit: value }, { account: "inventory_shrinkage", credit: value }]
          : [{ account: "inventory_shrinkage", debit: value }, { account: "inventory", credit: value }],
      });
      journalEntryId = entry.id;
    }
    await recordAudit(tx, {
      actor,
      action: "stock.adjust",
      entityType: "Product",
      entityId: product.id,
      after: { adjustmentId, sku: product.sku, warehouse: warehouse.code, bin: input.bin, quantity: input.quantity, reason: input.reason, note: input.note, value },
    });
    return { adjustmentId, sku: product.sku, quantity: input.quantity, value, journalEntryId };
  };
  return opts.tx ? run(opts.tx) : transaction(run);
}
