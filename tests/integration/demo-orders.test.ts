import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { runIntegrityChecks } from "@/lib/integrity/checks";
import { listChannels } from "@/lib/channels/queries";
import { getCustomer, listCustomers } from "@/lib/customers/queries";
import { seedDemoInventory } from "@/lib/seed/demo-inventory";
import { seedDemoOrders } from "@/lib/seed/demo-orders";
import { seedDemoFulfilment } from "@/lib/seed/demo-fulfilment";
import { seedDemoPurchasing } from "@/lib/seed/demo-purchasing";
import { makeUser } from "./helpers";

// The test database has the base data (chart of accounts, virtual locations) from the template;
// the demo inventory and orders are seeded on top, exactly as npm start does on an empty database.
describe("demo seed of channels and orders", () => {
  it("creates four channels and a few hundred orders in the reachable states, with clean books", async () => {
    await makeUser("MANAGER");
    const now = new Date("2026-03-15T12:00:00Z");
    await seedDemoInventory(now);
    const t0 = Date.now();
    const r = await seedDemoOrders(now);
    const ms = Date.now() - t0;

    const channels = await listChannels();
    expect(channels.map((c) => [c.code, c.type, c.platform, c.warehouses, c.allowSplit, c.taxRate, c.pricesIncludeTax])).toEqual([
      ["AMZ", "marketplace", "amazon", ["EAST", "MAIN"], false, "0", false],
      ["IG", "social", "instagram", ["MAIN", "EAST"], true, "0.0825", false],
      ["STORE", "instore", null, ["MAIN"], false, "0.0825", true],
      ["WEB", "webshop", null, ["MAIN", "EAST"], true, "0.0825", false],
    ]);
    expect(channels.every((c) => c.orders > 0)).toBe(true);

    const orders = await db().order.count();
    expect(orders).toBeGreaterThanOrEqual(250);
    expect(r.orders).toBe(orders);
    for (const s of ["ALLOCATED", "ON_HOLD", "CANCELLED"] as const) expect(r.byStatus[s], s).toBeGreaterThan(0);
    expect((r.byStatus.PARTIALLY_ALLOCATED ?? 0) + (r.byStatus.BACKORDERED ?? 0)).toBeGreaterThan(0);
    expect(r.byStatus.BACKORDERED, "orders waiting for stock").toBeGreaterThan(0);
    expect(r.byStatus.PARTIALLY_ALLOCATED, "wholesale orders partly served").toBeGreaterThan(0);
    // Spread over the last 90 days, none in the future.
    const span = await db().order.aggregate({ _min: { placedAt: true }, _max: { placedAt: true } });
    expect(now.getTime() - span._min.placedAt!.getTime()).toBeGreaterThan(80 * 24 * 3600_000);
    expect(now.getTime() - span._min.placedAt!.getTime()).toBeLessThanOrEqual(90 * 24 * 3600_000);
    expect(span._max.placedAt!.getTime()).toBeLessThanOrEqual(now.getTime());
    // Paid and unpaid; repeat customers; no variant parent ordered.
    const pay = await db().order.groupBy({ by: ["paymentStatus"], _count: { _all: true }, orderBy: { paymentStatus: "asc" } });
    expect(pay.map((p) => p.paymentStatus).sort()).toEqual(["PAID", "REFUNDED", "UNPAID"]);
    expect(await db().orderLine.count({ where: { sku: "TEE-CLASSIC" } })).toBe(0);
    const customers = await listCustomers({ pageSize: 10 });
    expect(customers.total).toBeGreaterThan(100);
    expect(customers.total).toBeLessThan(orders);
    const regular = (await listCustomers({ pageSize: 200 })).rows.find((c) => c.orders >= 3);
    expect(regular).toBeDefined();
    const detail = await getCustomer(regular!.id);
    expect(detail?.orders.length).toBe(regular!.orders);
    expect(detail?.addresses.length).toBeGreaterThan(0);
    expect(() => JSON.stringify(detail)).not.toThrow();
    // Found again by email, in any case.
    expect((await listCustomers({ q: regular!.email.toUpperCase() })).rows.map((c) => c.id)).toEqual([regular!.id]);

    // The warehouse takes some orders through pick, pack and ship (a short pick included).
    const ff = await seedDemoFulfilment();
    expect(ff.waves).toBe(3);
    expect(ff.shipped).toBeGreaterThan(0);
    const statuses = new Set((await db().order.findMany({ select: { status: true } })).map((o) => o.status));
    for (const s of ["SHIPPED", "DELIVERED", "PACKED", "PICKING"] as const) expect(statuses.has(s), s).toBe(true);
    expect(await db().pickTask.count({ where: { short: { gt: 0 } } })).toBeGreaterThan(0);
    expect((await seedDemoFulfilment()).waves).toBe(0);

    // Suppliers and purchase orders in several states, through the real services.
    const pur = await seedDemoPurchasing();
    expect(pur.suppliers).toBe(3);
    const poStatuses = new Set((await db().purchaseOrder.findMany({ select: { status: true } })).map((p) => p.status));
    for (const s of ["DRAFT", "SENT", "RECEIVED", "PARTIALLY_RECEIVED"] as const) expect(poStatuses.has(s), s).toBe(true);
    expect(await db().stockMove.count({ where: { sourceType: "Putaway" } })).toBeGreaterThan(0);
    expect((await seedDemoPurchasing()).suppliers).toBe(0);

    const report = await runIntegrityChecks();
    expect(report.violations).toEqual([]);
    expect(ms).toBeLessThan(60_000);

    // Running it again changes nothing.
    expect((await seedDemoOrders(now)).orders).toBe(0);
    expect(await db().order.count()).toBe(orders);
  }, 240_000);
});
