import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { adjustStock } from "@/lib/inventory/adjustments";
import { stockAsOf } from "@/lib/inventory/queries";
import { buildStockSnapshots, monthStarts } from "@/lib/inventory/snapshots";
import { actor, makeProduct, makeWarehouse } from "./inventory-helpers";
import { runIntegrityChecks } from "@/lib/integrity/checks";

const day = 86400_000;

describe("month-start stock snapshots", () => {
  it("lists the month starts after a moment up to another", () => {
    expect(monthStarts(new Date("2026-01-15T10:00:00Z"), new Date("2026-04-01T00:00:00Z")).map((d) => d.toISOString().slice(0, 10))).toEqual(["2026-02-01", "2026-03-01", "2026-04-01"]);
    expect(monthStarts(new Date("2026-11-30T00:00:00Z"), new Date("2027-01-05T00:00:00Z")).map((d) => d.toISOString().slice(0, 10))).toEqual(["2026-12-01", "2027-01-01"]);
  });

  it("gives the same stock as of any moment as the full ledger; a backdated move drops later points until rebuilt", async () => {
    const w = await makeWarehouse();
    const p = await makeProduct();
    const start = Date.now() - 150 * day;
    for (let i = 0; i < 10; i++) {
      await adjustStock(actor, { sku: p.sku, warehouse: w, quantity: 10 + i, reason: "found", unitCost: "1.00" }, { at: new Date(start + i * 14 * day) });
      if (i % 3 === 2) await adjustStock(actor, { sku: p.sku, warehouse: w, quantity: -(3 + i), reason: "damage" }, { at: new Date(start + i * 14 * day + day) });
    }
    await buildStockSnapshots();
    const wh = await db().warehouse.findUniqueOrThrow({ where: { code: w } });
    const points = () => db().stockSnapshotPoint.count({ where: { warehouseId: wh.id } });
    expect(await points()).toBeGreaterThanOrEqual(4);
    const at = (d: Date) => Promise.all((["forward", "snapshot", "backward"] as const).map(async (direction) => (await stockAsOf(w, d, { direction })).find((r) => r.sku === p.sku)?.onHand ?? 0));
    for (let k = 0; k < 15; k++) {
      const d = new Date(start - day + k * 11 * day);
      const [fwd, snap, back] = await at(d);
      expect(snap, d.toISOString()).toBe(fwd);
      expect(back, d.toISOString()).toBe(fwd);
    }
    // An import dated 100 days back: points after it are dropped, results stay right, a rebuild restores them.
    const before = await points();
    await adjustStock(actor, { sku: p.sku, warehouse: w, quantity: 7, reason: "found", unitCost: "1.00" }, { at: new Date(start + 50 * day) });
    expect(await points()).toBeLessThan(before);
    const d = new Date(start + 120 * day);
    const [fwd, snap] = await at(d);
    expect(snap).toBe(fwd);
    await buildStockSnapshots();
    expect(await points()).toBe(before);
    const [fwd2, snap2] = await at(d);
    expect(snap2).toBe(fwd2);
    expect(fwd2).toBe(fwd);
    expect((await runIntegrityChecks()).violations).toEqual([]);
    // A snapshot row corrupted on purpose is reported.
    const latest = await db().stockSnapshotPoint.findFirstOrThrow({ where: { warehouseId: wh.id }, orderBy: { asOf: "desc" } });
    await db().$executeRaw`UPDATE stock_snapshots SET on_hand = on_hand + 1 WHERE warehouse_id = ${wh.id}::uuid AND as_of = ${latest.asOf} AND product_id = ${p.id}::uuid`;
    const report = await runIntegrityChecks();
    expect(report.violations.map((v) => v.check)).toContain("stock.snapshots_match_moves");
    await db().$executeRaw`UPDATE stock_snapshots SET on_hand = on_hand - 1 WHERE warehouse_id = ${wh.id}::uuid AND as_of = ${latest.asOf} AND product_id = ${p.id}::uuid`;
  });
});
