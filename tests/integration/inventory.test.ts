import { randomUUID } from "node:crypto";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { db, transaction } from "@/lib/db";
import { env } from "@/lib/env";
import { adjustStock } from "@/lib/inventory/adjustments";
import { holdStock, releaseHold } from "@/lib/inventory/holds";
import { recordMove } from "@/lib/inventory/ledger";
import { inventoryForSkus, listProducts, lowStock, productHistory, stockAsOf } from "@/lib/inventory/queries";
import { releaseReservations, reserveStock } from "@/lib/inventory/reservations";
import { setKitComponents } from "@/lib/inventory/products";
import { setReorderRule } from "@/lib/inventory/reorder";
import { runIntegrityChecks } from "@/lib/integrity/checks";
import { actor, makeProduct, makeWarehouse, stockAt } from "./inventory-helpers";

async function rawQuery(sql: string, params: unknown[] = []) {
  const c = new pg.Client({ connectionString: env().DATABASE_URL });
  await c.connect();
  try {
    return await c.query(sql, params);
  } finally {
    await c.end();
  }
}

async function expectClean() {
  const r = await runIntegrityChecks();
  expect(r.violations).toEqual([]);
}

describe("stock ledger", () => {
  it("records adjustments as moves, keeps balances, valuation and the journal in step", async () => {
    const wh = await makeWarehouse();
    const p = await makeProduct({ cost: "2.50" });
    await adjustStock(actor, { sku: p.sku, warehouse: wh, quantity: 10, reason: "initial", unitCost: "2.00" });
    await adjustStock(actor, { sku: p.sku, warehouse: wh, quantity: 10, reason: "found", unitCost: "3.00" });
    expect(await stockAt(p.sku, wh)).toEqual({ onHand: 20, reserved: 0, available: 20 });
    const v1 = await db().itemValuation.findUniqueOrThrow({ where: { productId: p.id } });
    expect(v1).toMatchObject({ quantity: 20, value: 5000n }); // 10×2.00 + 10×3.00; average 2.50
    const out = await adjustStock(actor, { sku: p.sku, warehouse: wh, quantity: -3, reason: "damage" });
    expect(out.value).toBe(750n); // 3 × 2.50
    const v2 = await db().itemValuation.findUniqueOrThrow({ where: { productId: p.id } });
    expect(v2).toMatchObject({ quantity: 17, value: 4250n });
    const entry = await db().journalEntry.findUniqueOrThrow({ where: { id: out.journalEntryId! }, include: { lines: { include: { account: true } } } });
    expect(entry.lines.find((l) => l.account.key === "inventory_shrinkage")?.debit).toBe(750n);
    expect(entry.lines.find((l) => l.account.key === "inventory")?.credit).toBe(750n);
    await expectClean();
  });

  it("rounds each move once and empties the value with the last unit", async () => {
    const wh = await makeWarehouse();
    const p = await makeProduct();
    await adjustStock(actor, { sku: p.sku, warehouse: wh, quantity: 3, reason: "initial", unitCost: "0.333333" }); // 0.999999 → 1.00
    let v = await db().itemValuation.findUniqueOrThrow({ where: { productId: p.id } });
    expect(v.value).toBe(100n);
    const a = await adjustStock(actor, { sku: p.sku, warehouse: wh, quantity: -1, reason: "count" }); // 100/3 = 33.3 → 33
    expect(a.value).toBe(33n);
    const b = await adjustStock(actor, { sku: p.sku, warehouse: wh, quantity: -2, reason: "count" });
    expect(b.value).toBe(67n);
    v = await db().itemValuation.findUniqueOrThrow({ where: { productId: p.id } });
    expect(v).toMatchObject({ quantity: 0, value: 0n });
    await expectClean();
  });

  it("refuses a decrease below zero or below what is reserved, writing nothing", async () => {
    const wh = await makeWarehouse();
    const p = await makeProduct();
    await adjustStock(actor, { sku: p.sku, warehouse: wh, quantity: 5, reason: "initial", unitCost: "1.00" });
    const hold = await holdStock(actor, { sku: p.sku, warehouse: wh, quantity: 3 });
    const movesBefore = await db().stockMove.count();
    const journalBefore = await db().journalEntry.count();
    await expect(adjustStock(actor, { sku: p.sku, warehouse: wh, quantity: -6, reason: "theft" })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(adjustStock(actor, { sku: p.sku, warehouse: wh, quantity: -3, reason: "theft" })).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await db().stockMove.count()).toBe(movesBefore);
    expect(await db().journalEntry.count()).toBe(journalBefore);
    expect(await stockAt(p.sku, wh)).toEqual({ onHand: 5, reserved: 3, available: 2 });
    await adjustStock(actor, { sku: p.sku, warehouse: wh, quantity: -2, reason: "theft" });
    expect(await stockAt(p.sku, wh)).toEqual({ onHand: 3, reserved: 3, available: 0 });
    expect((await releaseHold(actor, hold)).released).toBe(3);
    expect((await releaseHold(actor, hold)).released).toBe(0); // idempotent
    expect(await stockAt(p.sku, wh)).toEqual({ onHand: 3, reserved: 0, available: 3 });
    await expectClean();
  });

  it("names unknown SKUs, warehouses and bins as field errors", async () => {
    const wh = await makeWarehouse();
    const p = await makeProduct();
    await expect(adjustStock(actor, { sku: "NOPE-1", warehouse: wh, quantity: 1, reason: "found" })).rejects.toMatchObject({ code: "VALIDATION", issues: [{ path: "sku" }] });
    await expect(adjustStock(actor, { sku: p.sku, warehouse: "NOWHERE", quantity: 1, reason: "found" })).rejects.toMatchObject({ code: "VALIDATION", issues: [{ path: "warehouse" }] });
    await expect(adjustStock(actor, { sku: p.sku, warehouse: wh, quantity: 1, reason: "found", bin: "Z-9" })).rejects.toMatchObject({ code: "VALIDATION", issues: [{ path: "bin" }] });
  });

  it("has the database refuse direct changes: moves are append-only, on hand changes only by moves, never negative", async () => {
    const wh = await makeWarehouse();
    const p = await makeProduct();
    await adjustStock(actor, { sku: p.sku, warehouse: wh, quantity: 4, reason: "initial", unitCost: "1.00" });
    await expect(rawQuery("UPDATE stock_moves SET quantity = 40 WHERE product_id = $1", [p.id])).rejects.toThrow(/append-only/);
    await expect(rawQuery("DELETE FROM stock_moves WHERE product_id = $1", [p.id])).rejects.toThrow(/append-only/);
    await expect(rawQuery("UPDATE stock_balances SET on_hand = on_hand + 1 WHERE product_id = $1 AND internal", [p.id])).rejects.toThrow(/only through stock moves/);
    await expect(rawQuery("UPDATE stock_balances SET reserved = on_hand + 1 WHERE product_id = $1 AND internal", [p.id])).rejects.toThrow(/reserved_range/);
    const bin = await db().location.findFirstOrThrow({ where: { warehouse: { code: wh }, code: "RECV" } });
    const adj = await db().location.findFirstOrThrow({ where: { code: "V-ADJUSTMENT" } });
    await expect(
      rawQuery("INSERT INTO stock_moves (product_id, quantity, from_location_id, to_location_id, type, source_type, source_id, actor_label, unit_cost) VALUES ($1, 5, $2, $3, 'ADJUSTMENT', 'raw', 'x', 'raw', 0)", [p.id, bin.id, adj.id]),
    ).rejects.toThrow(/on_hand_internal/);
    expect(await stockAt(p.sku, wh)).toEqual({ onHand: 4, reserved: 0, available: 4 });
    await expectClean();
  });

  it("transfers between bins without changing value; virtual locations keep every item at zero-sum", async () => {
    const wh = await makeWarehouse();
    const p = await makeProduct();
    await adjustStock(actor, { sku: p.sku, warehouse: wh, quantity: 6, reason: "initial", unitCost: "1.50", bin: "B-1" });
    const [b1, b2] = await Promise.all(["B-1", "B-2"].map((c) => db().location.findFirstOrThrow({ where: { warehouse: { code: wh }, code: c } })));
    const m = await transaction((tx) => recordMove(tx, actor, { productId: p.id, quantity: 2, fromLocationId: b1!.id, toLocationId: b2!.id, type: "TRANSFER", sourceType: "Test", sourceId: "t", currency: "USD" }));
    expect(m).toMatchObject({ direction: "internal", value: 0n });
    const sum = await db().stockBalance.aggregate({ where: { productId: p.id }, _sum: { onHand: true } });
    expect(sum._sum.onHand).toBe(0);
    await expectClean();
  });
});

describe("reservations", () => {
  it("50 concurrent reservations of 1 against 10 available: exactly 10 succeed, never below zero", async () => {
    const wh = await makeWarehouse();
    const p = await makeProduct();
    await adjustStock(actor, { sku: p.sku, warehouse: wh, quantity: 6, reason: "initial", unitCost: "1.00", bin: "B-1" });
    await adjustStock(actor, { sku: p.sku, warehouse: wh, quantity: 4, reason: "initial", unitCost: "1.00", bin: "B-2" });
    const warehouse = await db().warehouse.findUniqueOrThrow({ where: { code: wh } });
    const results = await Promise.allSettled(
      Array.from({ length: 50 }, (_, i) =>
        transaction((tx) => reserveStock(tx, { ownerType: "Test", ownerId: `r${i}`, productId: p.id, warehouseId: warehouse.id, quantity: 1, exact: true })),
      ),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(10);
    expect(results.filter((r) => r.status === "rejected").every((r) => (r as PromiseRejectedResult).reason.code === "CONFLICT")).toBe(true);
    expect(await stockAt(p.sku, wh)).toEqual({ onHand: 10, reserved: 10, available: 0 });
    expect(await db().reservation.aggregate({ where: { productId: p.id, status: "ACTIVE" }, _sum: { quantity: true } })).toMatchObject({ _sum: { quantity: 10 } });
    await expectClean();
  });

  it("reserves what is there when partial is allowed, and releases idempotently", async () => {
    const wh = await makeWarehouse();
    const p = await makeProduct();
    await adjustStock(actor, { sku: p.sku, warehouse: wh, quantity: 3, reason: "initial", unitCost: "1.00" });
    const warehouse = await db().warehouse.findUniqueOrThrow({ where: { code: wh } });
    const owner = { ownerType: "Test", ownerId: randomUUID() };
    expect(await transaction((tx) => reserveStock(tx, { ...owner, productId: p.id, warehouseId: warehouse.id, quantity: 5 }))).toEqual({ reserved: 3 });
    expect(await transaction((tx) => releaseReservations(tx, owner))).toEqual({ released: 3 });
    expect(await transaction((tx) => releaseReservations(tx, owner))).toEqual({ released: 0 });
    expect(await stockAt(p.sku, wh)).toEqual({ onHand: 3, reserved: 0, available: 3 });
  });
});

describe("reads", () => {
  it("derives kit availability from components", async () => {
    const wh = await makeWarehouse();
    const mug = await makeProduct();
    const kettle = await makeProduct();
    const kit = await makeProduct();
    await setKitComponents(actor, { kitSku: kit.sku, components: [{ sku: mug.sku, quantity: 2 }, { sku: kettle.sku, quantity: 1 }] });
    await adjustStock(actor, { sku: mug.sku, warehouse: wh, quantity: 7, reason: "initial", unitCost: "1.00" });
    await adjustStock(actor, { sku: kettle.sku, warehouse: wh, quantity: 5, reason: "initial", unitCost: "1.00" });
    const [entry] = await inventoryForSkus([kit.sku]);
    expect(entry!.warehouses.find((w) => w.code === wh)?.available).toBe(3); // floor(7/2)=3, 5/1=5
    await expect(adjustStock(actor, { sku: kit.sku, warehouse: wh, quantity: 1, reason: "found" })).rejects.toMatchObject({ code: "VALIDATION" });
  });

  it("shows history with a running balance and stock as of a past moment", async () => {
    const wh = await makeWarehouse();
    const p = await makeProduct();
    const t0 = new Date(Date.now() - 10 * 86400_000);
    await adjustStock(actor, { sku: p.sku, warehouse: wh, quantity: 10, reason: "initial", unitCost: "1.00" }, { at: t0 });
    await adjustStock(actor, { sku: p.sku, warehouse: wh, quantity: -4, reason: "damage" }, { at: new Date(t0.getTime() + 2 * 86400_000) });
    await adjustStock(actor, { sku: p.sku, warehouse: wh, quantity: 7, reason: "found", unitCost: "1.00" });
    const h = await productHistory(p.id);
    expect(h.rows.map((r) => [r.delta, r.balance])).toEqual([
      [7, 13],
      [-4, 6],
      [10, 10],
    ]);
    const asOf = await stockAsOf(wh, new Date(t0.getTime() + 86400_000));
    expect(asOf.find((r) => r.sku === p.sku)?.onHand).toBe(10);
    const asOf2 = await stockAsOf(wh, new Date(t0.getTime() + 3 * 86400_000));
    expect(asOf2.find((r) => r.sku === p.sku)?.onHand).toBe(6);
    // Forward (moves up to then) and backward (balances minus moves since) agree at every moment,
    // including before the first move (nothing) and now.
    for (const at of [new Date(t0.getTime() - 1000), t0, new Date(t0.getTime() + 86400_000), new Date(t0.getTime() + 3 * 86400_000), new Date()]) {
      const fwd = (await stockAsOf(wh, at, { direction: "forward" })).find((r) => r.sku === p.sku)?.onHand ?? 0;
      const back = (await stockAsOf(wh, at, { direction: "backward" })).find((r) => r.sku === p.sku)?.onHand ?? 0;
      expect(back, at.toISOString()).toBe(fwd);
    }
    expect((await stockAsOf(wh, new Date(), { direction: "backward" })).find((r) => r.sku === p.sku)?.onHand).toBe(13);
  });

  it("lists items below their reorder point", async () => {
    const wh = await makeWarehouse();
    const p = await makeProduct();
    await adjustStock(actor, { sku: p.sku, warehouse: wh, quantity: 4, reason: "initial", unitCost: "1.00" });
    await setReorderRule(actor, { sku: p.sku, warehouse: wh, reorderPoint: 5, reorderQuantity: 20 });
    expect((await lowStock()).find((r) => r.sku === p.sku)).toMatchObject({ warehouse: wh, available: 4, reorderPoint: 5 });
    await adjustStock(actor, { sku: p.sku, warehouse: wh, quantity: 2, reason: "found", unitCost: "1.00" });
    expect((await lowStock()).find((r) => r.sku === p.sku)).toBeUndefined();
  });
});

describe("product list", () => {
  it("searches, filters by stock and sorts on the server", async () => {
    const wh = await makeWarehouse();
    const a = await makeProduct({ price: "5.00" });
    const b = await makeProduct({ price: "9.00" });
    await adjustStock(actor, { sku: a.sku, warehouse: wh, quantity: 3, reason: "initial", unitCost: "1.00" });
    await adjustStock(actor, { sku: b.sku, warehouse: wh, quantity: 8, reason: "initial", unitCost: "1.00" });
    const c = await makeProduct();
    const byAvail = await listProducts({ status: "all", sort: "available", dir: "desc", pageSize: 200 });
    const ours = byAvail.rows.filter((r) => [a.sku, b.sku, c.sku].includes(r.sku)).map((r) => r.sku);
    expect(ours).toEqual([b.sku, a.sku, c.sku]);
    expect((await listProducts({ q: a.sku.toLowerCase(), status: "active" })).rows.map((r) => r.sku)).toEqual([a.sku]);
    const out = await listProducts({ stock: "out", status: "all", pageSize: 200 });
    expect(out.rows.map((r) => r.sku)).toContain(c.sku);
    expect(out.rows.map((r) => r.sku)).not.toContain(a.sku);
    await setReorderRule(actor, { sku: a.sku, warehouse: wh, reorderPoint: 5 });
    expect((await listProducts({ stock: "low", status: "all", pageSize: 200 })).rows.map((r) => r.sku)).toContain(a.sku);
    const page2 = await listProducts({ status: "all", sort: "sku", pageSize: 1, page: 2 });
    expect(page2.rows).toHaveLength(1);
    expect(page2.total).toBeGreaterThanOrEqual(3);
    // Wildcards in the search are taken literally.
    expect((await listProducts({ q: "%", status: "all" })).total).toBe(0);
  });
});

describe("integrity", () => {
  it("reports a balance row corrupted on purpose, and a journal that drifts from valuation", async () => {
    const wh = await makeWarehouse();
    const p = await makeProduct();
    await adjustStock(actor, { sku: p.sku, warehouse: wh, quantity: 8, reason: "initial", unitCost: "1.00" });
    await expectClean();
    const c = new pg.Client({ connectionString: env().DATABASE_URL });
    await c.connect();
    await c.query("BEGIN");
    await c.query("SET LOCAL session_replication_role = replica");
    await c.query("UPDATE stock_balances SET on_hand = on_hand + 5 WHERE product_id = $1 AND internal", [p.id]);
    await c.query("UPDATE item_valuations SET value = value + 1 WHERE product_id = $1", [p.id]);
    await c.query("COMMIT");
    await c.end();
    const names = (await runIntegrityChecks()).violations.map((v) => v.check);
    expect(names).toEqual(expect.arrayContaining(["stock.balances_match_moves", "stock.item_zero_sum", "valuation.quantity_matches_stock", "valuation.inventory_account"]));
  });
});
