import { randomUUID } from "node:crypto";
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { runAsUser } from "@/lib/auth";
import { adjustStock } from "@/lib/inventory/adjustments";
import { createWarehouse } from "@/lib/inventory/locations";
import { createProduct } from "@/lib/inventory/products";
import { createChannel } from "@/lib/channels/service";
import { dashboardOrderStats, exportOrdersCsv, listOrders, manualEntryChannels, orderDetail, orderListFilter } from "@/lib/orders/list-queries";
import { createOrder } from "@/lib/orders/service";
import {
  cancelOrderAction,
  cancelOrderLineAction,
  createManualOrderAction,
  holdOrderAction,
  lookupProductAction,
  reallocateOrderAction,
  releaseOrderAction,
  searchProductsAction,
} from "@/app/(dashboard)/orders/actions";
import type { ManualOrderInput } from "@/app/(dashboard)/orders/manual-order-schema";
import { makeUser } from "./helpers";
import { actor, makeProduct, makeWarehouse, stockAt } from "./inventory-helpers";
import { makeChannel, orderBody } from "./orders-helpers";

const uid = () => randomUUID().slice(0, 8);

async function stock(sku: string, wh: string, qty: number) {
  await adjustStock(actor, { sku, warehouse: wh, quantity: qty, reason: "initial", unitCost: "2.00" });
}

function manual(channel: string, sku: string, extra: Partial<ManualOrderInput> = {}): ManualOrderInput {
  return {
    channel,
    ref: randomUUID(),
    customer: { name: "Phone Customer", email: `phone-${uid()}@example.test` },
    shippingAddress: { name: "Phone Customer", line1: "5 Side St", city: "Springfield", postalCode: "62701", country: "us" },
    lines: [{ sku, quantity: 2, unitPrice: "16.00" }],
    paid: true,
    ...extra,
  };
}

/** A warehouse with stock of a fresh product, and a channel shipping from it. */
async function setup(qty = 10) {
  const wh = await makeWarehouse();
  const p = await makeProduct({ price: "16.00" });
  await stock(p.sku, wh, qty);
  const ch = await makeChannel([wh]);
  return { wh, sku: p.sku, ch };
}

describe("manual order entry through the server actions", () => {
  it("lets a manager create a manual order that is allocated, with its decision stored", async () => {
    const { wh, sku, ch } = await setup();
    const manager = await makeUser("MANAGER");
    const input = manual(ch.code, sku);
    const res = await runAsUser(manager.id, () => createManualOrderAction(input));
    expect(res).toMatchObject({ ok: true, data: { created: true } });
    if (!res.ok) return;
    expect(res.data.number).toMatch(/^SO-\d{6}$/);
    const o = await db().order.findUniqueOrThrow({ where: { id: res.data.orderId }, include: { lines: true, decisions: true } });
    expect(o).toMatchObject({ externalId: `MAN-${input.ref}`, status: "ALLOCATED", paymentStatus: "PAID", currency: "USD", shipCountry: "US", createdById: manager.id });
    expect(o.lines[0]).toMatchObject({ sku, quantity: 2, allocated: 2, backordered: 0 });
    expect(o.decisions).toHaveLength(1);
    expect(o.decisions[0]!.rule).toBe("single_warehouse");
    expect(await stockAt(sku, wh)).toMatchObject({ reserved: 2, available: 8 });

    const d = (await orderDetail(o.id))!;
    expect(d.allocations).toEqual([{ warehouse: wh, units: 2, lines: [{ sku, name: `Product ${sku}`, quantity: 2 }] }]);
    expect(d.decisions[0]).toMatchObject({ sku, lineNo: 1, candidates: [{ warehouse: wh, priority: 1, available: 10 }], result: [{ warehouse: wh, quantity: 2 }], backordered: 0 });
    expect(d.decisions[0]!.ruleText).toMatch(/^Whole order from one warehouse/);
    expect(d.events[0]!.to).toBe("ALLOCATED"); // newest first
    expect(d.events.at(-1)!.type).toBe("created");
  });

  it("yields one order when the same form is submitted twice, one after the other or at once", async () => {
    const { sku, ch } = await setup();
    const manager = await makeUser("MANAGER");
    const input = manual(ch.code, sku);
    const first = await runAsUser(manager.id, () => createManualOrderAction(input));
    const again = await runAsUser(manager.id, () => createManualOrderAction(input));
    expect(first).toMatchObject({ ok: true, data: { created: true } });
    expect(again).toMatchObject({ ok: true, data: { created: false } });
    if (!first.ok || !again.ok) return;
    expect(again.data.orderId).toBe(first.data.orderId);
    expect(await db().order.count({ where: { externalId: `MAN-${input.ref}` } })).toBe(1);

    const twin = manual(ch.code, sku);
    const both = await Promise.all([runAsUser(manager.id, () => createManualOrderAction(twin)), runAsUser(manager.id, () => createManualOrderAction(twin))]);
    expect(both.every((r) => r.ok)).toBe(true);
    expect(new Set(both.map((r) => (r.ok ? r.data.orderId : null))).size).toBe(1);
    expect(await db().order.count({ where: { externalId: `MAN-${twin.ref}` } })).toBe(1);
  });

  it("shows zod and service problems at the right fields and writes nothing", async () => {
    const { sku, ch } = await setup();
    const manager = await makeUser("MANAGER");
    const before = await db().order.count();
    const bad = await runAsUser(manager.id, () =>
      createManualOrderAction(
        manual(ch.code, sku, {
          customer: { name: "X", email: "not-an-email" },
          shippingAddress: { name: "X", line1: "1 St", city: "", postalCode: "1", country: "US" },
          lines: [{ sku, quantity: 0, unitPrice: "1.00" }],
        }),
      ),
    );
    expect(bad).toMatchObject({ ok: false, code: "VALIDATION" });
    if (bad.ok) return;
    expect(Object.keys(bad.fieldErrors ?? {}).sort()).toEqual(["customer.email", "lines.0.quantity", "shippingAddress.city"]);

    const unknown = await runAsUser(manager.id, () => createManualOrderAction(manual(ch.code, sku, { lines: [{ sku, quantity: 1, unitPrice: "1.00" }, { sku: "NO-SUCH-SKU", quantity: 1, unitPrice: "1.00" }] })));
    expect(unknown).toMatchObject({ ok: false, code: "VALIDATION", fieldErrors: { "lines.1.sku": "Unknown SKU NO-SUCH-SKU" } });

    const noChannel = await runAsUser(manager.id, () => createManualOrderAction(manual("NOPE", sku)));
    expect(noChannel).toMatchObject({ ok: false, code: "VALIDATION", fieldErrors: { channel: expect.any(String) } });

    const noLines = await runAsUser(manager.id, () => createManualOrderAction(manual(ch.code, sku, { lines: [] })));
    expect(noLines).toMatchObject({ ok: false, code: "VALIDATION", fieldErrors: { lines: "At least one line" } });
    expect(await db().order.count()).toBe(before);
  });

  it("refuses VIEWER, WAREHOUSE and ACCOUNTANT on every order command, and nothing changes", async () => {
    const { sku, ch } = await setup();
    const manager = await makeUser("MANAGER");
    const created = await runAsUser(manager.id, () => createManualOrderAction(manual(ch.code, sku)));
    if (!created.ok) throw new Error(created.message);
    const orderId = created.data.orderId;
    const line = await db().orderLine.findFirstOrThrow({ where: { orderId } });
    const before = { orders: await db().order.count(), events: await db().orderEvent.count({ where: { orderId } }), status: "ALLOCATED" };

    for (const role of ["VIEWER", "WAREHOUSE", "ACCOUNTANT"] as const) {
      const u = await makeUser(role);
      const calls = [
        () => createManualOrderAction(manual(ch.code, sku)),
        () => cancelOrderAction({ orderId, reason: "sneaky" }),
        () => cancelOrderLineAction({ orderId, lineId: line.id }),
        () => holdOrderAction({ orderId, reason: "sneaky" }),
        () => releaseOrderAction({ orderId }),
        () => reallocateOrderAction({ orderId }),
      ];
      for (const call of calls) expect(await runAsUser(u.id, call), role).toMatchObject({ ok: false, code: "FORBIDDEN" });
    }
    const o = await db().order.findUniqueOrThrow({ where: { id: orderId }, include: { lines: true } });
    expect(o.status).toBe(before.status);
    expect(o.lines[0]).toMatchObject({ allocated: 2, cancelled: 0 });
    expect(await db().order.count()).toBe(before.orders);
    expect(await db().orderEvent.count({ where: { orderId } })).toBe(before.events);

    // Without a session nothing is allowed either.
    expect(await cancelOrderAction({ orderId })).toMatchObject({ ok: false, code: "UNAUTHENTICATED" });
  });

  it("lets a manager hold, release, re-allocate, cancel a line and cancel; illegal steps answer CONFLICT", async () => {
    const wh = await makeWarehouse();
    const a = await makeProduct();
    const b = await makeProduct();
    await stock(a.sku, wh, 10);
    await stock(b.sku, wh, 10);
    const ch = await makeChannel([wh]);
    const manager = await makeUser("MANAGER");
    const created = await runAsUser(manager.id, () =>
      createManualOrderAction(manual(ch.code, a.sku, { lines: [{ sku: a.sku, quantity: 1, unitPrice: "10.00" }, { sku: b.sku, quantity: 3, unitPrice: "10.00" }] })),
    );
    if (!created.ok) throw new Error(created.message);
    const orderId = created.data.orderId;
    const as = (fn: () => Promise<unknown>) => runAsUser(manager.id, fn);
    const status = async () => (await db().order.findUniqueOrThrow({ where: { id: orderId } })).status;

    expect(await as(() => holdOrderAction({ orderId, reason: "" }))).toMatchObject({ ok: false, code: "VALIDATION", fieldErrors: { reason: "Say why" } });
    expect(await as(() => releaseOrderAction({ orderId }))).toMatchObject({ ok: false, code: "CONFLICT", message: expect.stringMatching(/not on hold/) });
    expect(await as(() => holdOrderAction({ orderId, reason: "Customer called" }))).toMatchObject({ ok: true });
    expect(await status()).toBe("ON_HOLD");
    expect(await as(() => reallocateOrderAction({ orderId }))).toMatchObject({ ok: false, code: "CONFLICT" });
    expect(await as(() => releaseOrderAction({ orderId }))).toMatchObject({ ok: true });
    expect(await status()).toBe("ALLOCATED");
    expect(await as(() => reallocateOrderAction({ orderId }))).toMatchObject({ ok: true });
    expect(await db().allocationDecision.count({ where: { orderId } })).toBe(4);

    const lineB = await db().orderLine.findFirstOrThrow({ where: { orderId, sku: b.sku } });
    expect(await as(() => cancelOrderLineAction({ orderId, lineId: lineB.id, reason: "out of colour" }))).toMatchObject({ ok: true });
    expect(await db().orderLine.findUniqueOrThrow({ where: { id: lineB.id } })).toMatchObject({ allocated: 0, cancelled: 3 });
    expect(await stockAt(b.sku, wh)).toMatchObject({ reserved: 0 });
    expect(await as(() => cancelOrderLineAction({ orderId, lineId: lineB.id }))).toMatchObject({ ok: false, code: "CONFLICT" });

    expect(await as(() => cancelOrderAction({ orderId, reason: "changed mind" }))).toMatchObject({ ok: true });
    expect(await status()).toBe("CANCELLED");
    expect(await as(() => holdOrderAction({ orderId, reason: "too late" }))).toMatchObject({ ok: false, code: "CONFLICT" });
    const d = (await orderDetail(orderId))!;
    expect(d.events[0]).toMatchObject({ from: "ALLOCATED", to: "CANCELLED", message: "Cancelled: changed mind", actor: manager.email });
    expect(await as(() => cancelOrderAction({ orderId: randomUUID() }))).toMatchObject({ ok: false, code: "NOT_FOUND" });
  });
});

describe("product look-up for manual entry", () => {
  it("finds a product by barcode and by SKU, and answers not found clearly", async () => {
    const wh = await makeWarehouse();
    const sku = `LOOK-${uid().toUpperCase()}`;
    const barcode = `40${Date.now()}`.slice(0, 13);
    await createProduct(actor, { sku, name: "Look-up lantern", price: "42.50", barcode, cost: undefined, description: undefined, category: "Test", weightGrams: undefined, lengthMm: undefined, widthMm: undefined, heightMm: undefined, parentSku: undefined });
    await stock(sku, wh, 7);
    const viewer = await makeUser("VIEWER");
    const byBarcode = await runAsUser(viewer.id, () => lookupProductAction({ code: ` ${barcode} ` }));
    expect(byBarcode).toMatchObject({ ok: true, data: { sku, name: "Look-up lantern", price: "42.50", currency: "USD", barcode } });
    if (byBarcode.ok) expect(byBarcode.data.available).toContainEqual({ warehouse: wh, available: 7 });
    expect(await runAsUser(viewer.id, () => lookupProductAction({ code: sku }))).toMatchObject({ ok: true, data: { sku } });
    expect(await runAsUser(viewer.id, () => lookupProductAction({ code: sku.toLowerCase() }))).toMatchObject({ ok: true, data: { sku } });

    const missing = await runAsUser(viewer.id, () => lookupProductAction({ code: "0000000000000" }));
    expect(missing).toMatchObject({ ok: false, code: "NOT_FOUND", message: "No product has the barcode or SKU “0000000000000”.", fieldErrors: { code: expect.stringContaining("0000000000000") } });
    expect(await runAsUser(viewer.id, () => lookupProductAction({ code: "  " }))).toMatchObject({ ok: false, code: "VALIDATION", fieldErrors: { code: "Scan or type a barcode or SKU" } });
    expect(await lookupProductAction({ code: sku })).toMatchObject({ ok: false, code: "UNAUTHENTICATED" });

    const found = await runAsUser(viewer.id, () => searchProductsAction({ q: "look-up lan" }));
    expect(found).toMatchObject({ ok: true, data: [{ sku }] });
  });

  it("refuses products that cannot be ordered as such", async () => {
    const parent = `PAR-${uid().toUpperCase()}`;
    const base = { cost: undefined, barcode: undefined, description: undefined, category: "Test", weightGrams: undefined, lengthMm: undefined, widthMm: undefined, heightMm: undefined };
    await createProduct(actor, { ...base, sku: parent, name: "Parent", price: "5.00", parentSku: undefined });
    await createProduct(actor, { ...base, sku: `${parent}-S`, name: "Parent S", price: "5.00", parentSku: parent });
    const manager = await makeUser("MANAGER");
    const res = await runAsUser(manager.id, () => lookupProductAction({ code: parent }));
    expect(res).toMatchObject({ ok: false, code: "VALIDATION", message: expect.stringContaining(`${parent}-S`) });
  });
});

describe("order list, export and dashboard reads", () => {
  async function fixture() {
    const [w1, w2] = [await makeWarehouse(), await makeWarehouse()];
    const a = await makeProduct();
    const b = await makeProduct();
    await stock(a.sku, w1, 100);
    const ch1 = await makeChannel([w1]);
    const ch2 = await makeChannel([w2]);
    const tag = uid();
    const mk = async (channelId: string, lines: { sku: string; quantity: number; unitPrice?: string }[], who: string, placedAt: string, extra: Parameters<typeof orderBody>[1] = {}) => {
      const r = await createOrder(actor, { channelId, input: orderBody(lines, { customer: { name: `${who} ${tag}`, email: `${who.toLowerCase()}-${tag}@example.test` }, ...extra }), placedAt: new Date(placedAt) });
      return (await db().order.findUniqueOrThrow({ where: { id: r.orderId } }));
    };
    const o1 = await mk(ch1.id, [{ sku: a.sku, quantity: 1, unitPrice: "30.00" }], "Ann", "2021-03-01T10:00:00Z");
    const o2 = await mk(ch1.id, [{ sku: a.sku, quantity: 2, unitPrice: "5.00" }, { sku: b.sku, quantity: 1 }], "Bob", "2021-03-05T23:59:00Z"); // b has no stock: backordered
    const o3 = await mk(ch1.id, [{ sku: a.sku, quantity: 1, unitPrice: "20.00" }], "Cat", "2021-03-10T00:00:00Z");
    const o4 = await mk(ch2.id, [{ sku: a.sku, quantity: 1, unitPrice: "99.00" }], "Dan", "2021-03-06T12:00:00Z"); // w2 has nothing: backordered
    return { ch1, ch2, a, b, tag, o1, o2, o3, o4 };
  }
  const numbers = (rows: { number: string }[]) => rows.map((r) => r.number);
  const so = (o: { number: number }) => `SO-${String(o.number).padStart(6, "0")}`;

  it("filters by status, channel, text (number, SKU, customer email) and date range, and sorts and pages", async () => {
    const { ch1, ch2, b, tag, o1, o2, o3, o4 } = await fixture();
    const all = await listOrders({ channel: ch1.code, sort: "placedAt", dir: "asc" });
    expect(all.total).toBe(3);
    expect(numbers(all.rows)).toEqual([so(o1), so(o2), so(o3)]);
    expect(all.rows[1]).toMatchObject({ channel: ch1.code, status: "PARTIALLY_ALLOCATED", lines: 2, backorderedUnits: 1, total: 2000n, currency: "USD", customer: `Bob ${tag}`, email: `bob-${tag}@example.test` });

    expect(numbers((await listOrders({ channel: ch1.code, status: "PARTIALLY_ALLOCATED" })).rows)).toEqual([so(o2)]);
    expect(numbers((await listOrders({ status: "BACKORDERED", channel: ch2.code })).rows)).toEqual([so(o4)]);
    expect(numbers((await listOrders({ q: b.sku })).rows)).toEqual([so(o2)]);
    expect(numbers((await listOrders({ q: b.sku.toLowerCase().slice(0, 10) })).rows)).toEqual([so(o2)]);
    expect(numbers((await listOrders({ q: `dan-${tag}@EXAMPLE.test` })).rows)).toEqual([so(o4)]);
    expect(numbers((await listOrders({ q: `Cat ${tag}` })).rows)).toEqual([so(o3)]);
    expect(numbers((await listOrders({ q: so(o3) })).rows)).toContain(so(o3));
    expect(numbers((await listOrders({ q: String(o3.number), channel: ch1.code })).rows)).toContain(so(o3));
    expect(numbers((await listOrders({ q: o1.externalId })).rows)).toEqual([so(o1)]);
    expect((await listOrders({ q: `100%_${tag}` })).total).toBe(0); // % and _ are literal

    // Date range: whole UTC days, both ends included.
    expect(numbers((await listOrders({ from: "2021-03-05", to: "2021-03-06", sort: "placedAt", dir: "asc" })).rows)).toEqual([so(o2), so(o4)]);
    expect(numbers((await listOrders({ channel: ch1.code, from: "2021-03-06" })).rows)).toEqual([so(o3)]);
    expect(numbers((await listOrders({ channel: ch1.code, to: "2021-03-01" })).rows)).toEqual([so(o1)]);

    // Sorts: total, number, status (life-cycle order), both directions.
    expect(numbers((await listOrders({ channel: ch1.code, sort: "total", dir: "desc" })).rows)).toEqual([so(o1), so(o3), so(o2)]);
    expect(numbers((await listOrders({ channel: ch1.code, sort: "total", dir: "asc" })).rows)).toEqual([so(o2), so(o3), so(o1)]);
    expect(numbers((await listOrders({ channel: ch1.code, sort: "number", dir: "asc" })).rows)).toEqual([so(o1), so(o2), so(o3)]);
    expect(numbers((await listOrders({ channel: ch1.code, sort: "status", dir: "desc" })).rows)[0]).toBe(so(o2));

    // Pages: the count covers every match, also past the last page.
    const p2 = await listOrders({ channel: ch1.code, sort: "number", dir: "asc", page: 2, pageSize: 2 });
    expect(p2).toMatchObject({ total: 3 });
    expect(numbers(p2.rows)).toEqual([so(o3)]);
    expect(await listOrders({ channel: ch1.code, page: 9, pageSize: 2 })).toEqual({ total: 3, rows: [] });

    // The query string the page and the export read.
    expect(orderListFilter(new URLSearchParams("q=%20x%20&status=allocated&channel=WEB&from=2021-02-30&to=2021-03-01&sort=total&dir=asc&page=2"))).toEqual({
      q: "x",
      status: "ALLOCATED",
      channel: "WEB",
      from: undefined,
      to: "2021-03-01",
      sort: "total",
      dir: "asc",
      page: 2,
    });
    expect(orderListFilter(new URLSearchParams("sort=bogus&dir=up&page=-3&status=nope"))).toMatchObject({ sort: "placedAt", dir: "desc", page: 1, status: undefined });
  });

  it("exports the filtered list as CSV, neutralising formulas and keeping totals as plain decimals", async () => {
    const wh = await makeWarehouse();
    const a = await makeProduct();
    await stock(a.sku, wh, 5);
    const ch = await makeChannel([wh]);
    const evil = `=HYPERLINK("http://evil.test","x")`;
    const r = await createOrder(actor, { channelId: ch.id, input: orderBody([{ sku: a.sku, quantity: 3, unitPrice: "1234.56" }], { customer: { name: evil, email: `evil-${uid()}@example.test` }, externalId: "+cmd" }), placedAt: new Date("2022-07-01T08:30:00Z") });
    await createOrder(actor, { channelId: ch.id, input: orderBody([{ sku: a.sku, quantity: 1, unitPrice: "0.50" }]), placedAt: new Date("2022-07-02T08:30:00Z") });
    const csv = await exportOrdersCsv({ channel: ch.code, sort: "placedAt", dir: "asc" });
    expect(csv.startsWith("\uFEFF")).toBe(true);
    const parsed = Papa.parse<string[]>(csv.slice(1).trim(), { skipEmptyLines: true }).data;
    expect(parsed[0]).toEqual(["number", "placed_at", "channel", "external_id", "status", "customer", "email", "lines", "total", "currency", "backordered_units"]);
    expect(parsed).toHaveLength(3);
    const o = await db().order.findUniqueOrThrow({ where: { id: r.orderId } });
    expect(parsed[1]).toEqual([`SO-${String(o.number).padStart(6, "0")}`, "2022-07-01T08:30:00.000Z", ch.code, "'+cmd", "allocated", `'${evil}`, expect.stringMatching(/^evil-/), "1", "3703.68", "USD", "0"]);
    expect(parsed[2]![8]).toBe("0.50");
    expect(parsed[2]![10]).toBe("0");
  });

  it("counts today's orders, orders by state and backorders from the real rows", async () => {
    const before = await dashboardOrderStats();
    const wh = await makeWarehouse();
    const a = await makeProduct();
    await stock(a.sku, wh, 1);
    const ch = await makeChannel([wh]);
    await createOrder(actor, { channelId: ch.id, input: orderBody([{ sku: a.sku, quantity: 4, unitPrice: "2.50" }]) });
    await createOrder(actor, { channelId: ch.id, input: orderBody([{ sku: a.sku, quantity: 1, unitPrice: "1.00" }]), placedAt: new Date("2020-01-01T00:00:00Z") });
    const after = await dashboardOrderStats();
    expect(after.todayCount).toBe(before.todayCount + 1);
    const usd = (s: typeof after) => s.todayTotalByCurrency.find((x) => x.currency === "USD")?.total ?? 0n;
    expect(usd(after) - usd(before)).toBe(1000n);
    expect(after.backorderedLines).toBe(before.backorderedLines + 2);
    expect(after.backorderedUnits).toBe(before.backorderedUnits + 3 + 1);
    const count = (s: typeof after, st: string) => s.byStatus.find((x) => x.status === st)?.count ?? 0;
    expect(count(after, "PARTIALLY_ALLOCATED")).toBe(count(before, "PARTIALLY_ALLOCATED") + 1);
    expect(count(after, "BACKORDERED")).toBe(count(before, "BACKORDERED") + 1);
    expect(after.byStatus.every((s) => s.count > 0)).toBe(true);
  });

  it("lists the channels for manual entry, manual or in-store first by default, with a pick-up address", async () => {
    const store = { code: `PU${uid().toUpperCase()}` };
    await createWarehouse(actor, { code: store.code, name: "Corner store", addressLine1: "9 High St", city: "Shelbyville", postalCode: "12345", country: "US" });
    const code = `ST${uid().toUpperCase()}`;
    await createChannel(actor, { code, name: "Store", type: "instore", currency: "USD", warehouses: [store.code] });
    const { channels, defaultCode } = await manualEntryChannels();
    const c = channels.find((x) => x.code === code)!;
    expect(c).toEqual({ code, name: "Store", type: "instore", currency: "USD", warehouses: [store.code], pickup: { name: "Corner store", line1: "9 High St", city: "Shelbyville", postalCode: "12345", country: "US" } });
    const def = channels.find((x) => x.code === defaultCode)!;
    expect(["instore", "manual"]).toContain(def.type);
  });
});
