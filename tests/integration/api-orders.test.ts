import { beforeAll, describe, expect, it } from "vitest";
import { db, transaction } from "@/lib/db";
import { createApiKey } from "@/lib/api/keys";
import { SYSTEM_ACTOR } from "@/lib/audit/service";
import { channelSecret } from "@/lib/channels/service";
import { runIntegrityChecks } from "@/lib/integrity/checks";
import { signPayload } from "@/lib/orders/webhooks";
import { GET as listOrders, POST as postOrder } from "@/app/api/v1/orders/route";
import { GET as getOrder } from "@/app/api/v1/orders/[id]/route";
import { POST as cancel } from "@/app/api/v1/orders/[id]/cancel/route";
import { GET as listChannelsRoute, POST as postChannel } from "@/app/api/v1/channels/route";
import { POST as webhook } from "@/app/api/v1/channels/[code]/webhooks/route";
import { GET as getInventory } from "@/app/api/v1/inventory/route";
import { adjustStock } from "@/lib/inventory/adjustments";
import { actor, makeProduct, makeWarehouse } from "./inventory-helpers";
import { makeChannel, orderBody } from "./orders-helpers";

const BASE = "http://qm.test";
let admin = "";
let wh = "";
let sku = "";
let channel: { code: string; id: string; webhookSecret: string };
let channelKey = "";
let otherChannelKey = "";

beforeAll(async () => {
  admin = (await createApiKey(SYSTEM_ACTOR, { name: "admin", kind: "ADMIN" })).key;
  wh = await makeWarehouse();
  sku = (await makeProduct()).sku;
  await adjustStock(actor, { sku, warehouse: wh, quantity: 50, reason: "initial", unitCost: "2.00" });
  channel = await makeChannel([wh]);
  const other = await makeChannel([wh]);
  channelKey = (await createApiKey(SYSTEM_ACTOR, { name: "web", kind: "CHANNEL", channelCode: channel.code })).key;
  otherChannelKey = (await createApiKey(SYSTEM_ACTOR, { name: "other", kind: "CHANNEL", channelCode: other.code })).key;
});

type Handler = (r: Request, ctx?: { params: Promise<Record<string, string>> }) => Promise<Response>;
async function call(h: Handler, method: string, path: string, opts: { key?: string | null; body?: unknown; raw?: string; headers?: Record<string, string>; params?: Record<string, string> } = {}) {
  const headers: Record<string, string> = { ...(opts.headers ?? {}) };
  const key = opts.key === undefined ? channelKey : opts.key;
  if (key) headers.authorization = `Bearer ${key}`;
  let body: string | undefined = opts.raw;
  if (opts.body !== undefined) {
    body = JSON.stringify(opts.body);
    headers["content-type"] ??= "application/json";
  }
  const res = await h(new Request(BASE + path, { method, headers, body }), { params: Promise.resolve(opts.params ?? {}) });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

describe("POST /api/v1/orders", () => {
  it("creates (201) with the CONTRACT shape; the same externalId or Idempotency-Key gives 200 and the same order", async () => {
    const body = orderBody([{ sku, quantity: 2, unitPrice: "19.99" }], { shippingPrice: "4.95", paid: true });
    const r1 = await call(postOrder, "POST", "/api/v1/orders", { body, headers: { "idempotency-key": "k-1" } });
    expect(r1.status).toBe(201);
    expect(r1.body).toMatchObject({
      id: expect.any(String),
      number: expect.stringMatching(/^SO-\d+$/),
      channel: channel.code,
      externalId: body.externalId,
      status: "allocated",
      currency: "USD",
      total: "44.93",
      lines: [{ sku, quantity: 2, unitPrice: "19.99", allocated: 2, backordered: 0, shipped: 0, cancelled: 0 }],
      allocations: [{ warehouse: wh, sku, quantity: 2 }],
    });
    expect(r1.body.createdAt).toEqual(expect.any(String));
    const r2 = await call(postOrder, "POST", "/api/v1/orders", { body });
    expect(r2.status).toBe(200);
    expect(r2.body.id).toBe(r1.body.id);
    const r3 = await call(postOrder, "POST", "/api/v1/orders", { body: { ...body, externalId: "another" }, headers: { "idempotency-key": "k-1" } });
    expect(r3.status).toBe(200);
    expect(r3.body.id).toBe(r1.body.id);
    expect(await db().order.count({ where: { channelId: channel.id, externalId: "another" } })).toBe(0);
  });

  it("answers every error status in the CONTRACT shape, creating nothing", async () => {
    const before = await db().order.count();
    const cases: [number, Awaited<ReturnType<typeof call>>][] = [
      [401, await call(postOrder, "POST", "/api/v1/orders", { key: null, body: orderBody([{ sku, quantity: 1 }]) })],
      [400, await call(postOrder, "POST", "/api/v1/orders", { raw: "{oops", headers: { "content-type": "application/json" } })],
      [400, await call(postOrder, "POST", "/api/v1/orders", { raw: "a=b", headers: { "content-type": "text/plain" } })],
      [413, await call(postOrder, "POST", "/api/v1/orders", { raw: JSON.stringify({ pad: "x".repeat(1_100_000) }), headers: { "content-type": "application/json" } })],
      [422, await call(postOrder, "POST", "/api/v1/orders", { body: orderBody([{ sku: "NOPE-1", quantity: 1 }]) })],
      [422, await call(postOrder, "POST", "/api/v1/orders", { body: orderBody([{ sku, quantity: 1 }], { currency: "EUR" }) })],
      [422, await call(postOrder, "POST", "/api/v1/orders", { body: orderBody([{ sku, quantity: 0 }]) })],
      [422, await call(postOrder, "POST", "/api/v1/orders", { body: orderBody([{ sku, quantity: 1, unitPrice: "-1.00" }]) })],
      [422, await call(postOrder, "POST", "/api/v1/orders", { body: { ...orderBody([{ sku, quantity: 1 }]), shippingAddress: { name: "A" } } })],
      [403, await call(postOrder, "POST", "/api/v1/orders", { body: orderBody([{ sku, quantity: 1 }], { channel: "SOMEONE-ELSE" }) })],
      [422, await call(postOrder, "POST", "/api/v1/orders", { key: admin, body: orderBody([{ sku, quantity: 1 }]) })],
    ];
    for (const [status, r] of cases) {
      expect(r.status).toBe(status);
      expect(r.body.error).toMatchObject({ code: expect.any(String), message: expect.any(String) });
    }
    expect(cases[4]![1].body.error.issues[0].path).toBe("lines.0.sku");
    expect(cases[5]![1].body.error.issues[0].path).toBe("currency");
    expect(cases[6]![1].body.error.issues[0].path).toBe("lines.0.quantity");
    expect(cases[7]![1].body.error.issues[0].path).toBe("lines.0.unitPrice");
    expect(cases[8]![1].body.error.issues.map((i: { path: string }) => i.path)).toEqual(expect.arrayContaining(["shippingAddress.line1", "shippingAddress.city"]));
    expect(await db().order.count()).toBe(before);
  });

  it("lets an admin key create for a named channel", async () => {
    const r = await call(postOrder, "POST", "/api/v1/orders", { key: admin, body: orderBody([{ sku, quantity: 1 }], { channel: channel.code }) });
    expect(r.status).toBe(201);
    expect(r.body.channel).toBe(channel.code);
  });
});

describe("GET and cancel", () => {
  it("reads an order (200), hides other channels' orders (404), lists with status filter and cursor", async () => {
    const made = await call(postOrder, "POST", "/api/v1/orders", { body: orderBody([{ sku, quantity: 1 }]) });
    expect((await call(getOrder, "GET", `/api/v1/orders/${made.body.id}`, { params: { id: made.body.id } })).status).toBe(200);
    expect((await call(getOrder, "GET", `/api/v1/orders/${made.body.id}`, { key: otherChannelKey, params: { id: made.body.id } })).status).toBe(404);
    expect((await call(getOrder, "GET", `/api/v1/orders/nope`, { params: { id: "nope" } })).status).toBe(404);
    const seen = new Set<string>();
    let cursor: string | null = null;
    do {
      const page: Awaited<ReturnType<typeof call>> = await call(listOrders, "GET", `/api/v1/orders?status=allocated&limit=2${cursor ? `&cursor=${cursor}` : ""}`);
      expect(page.status).toBe(200);
      for (const o of page.body.items) {
        expect(o.status).toBe("allocated");
        expect(o.channel).toBe(channel.code);
        seen.add(o.id);
      }
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen.has(made.body.id)).toBe(true);
    expect((await call(listOrders, "GET", "/api/v1/orders?limit=0")).status).toBe(422);
    expect((await call(listOrders, "GET", "/api/v1/orders?status=flying")).status).toBe(422);
  });

  it("cancels (200, reservations released) and refuses after shipment (409)", async () => {
    const made = await call(postOrder, "POST", "/api/v1/orders", { body: orderBody([{ sku, quantity: 3 }]) });
    const before = await call(getInventory, "GET", `/api/v1/inventory?sku=${sku}`);
    const r = await call(cancel, "POST", `/api/v1/orders/${made.body.id}/cancel`, { params: { id: made.body.id } });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ status: "cancelled", lines: [{ allocated: 0, cancelled: 3 }], allocations: [] });
    const after = await call(getInventory, "GET", `/api/v1/inventory?sku=${sku}`);
    expect(after.body.items[0].available).toBe(before.body.items[0].available + 3);
    const shipped = await call(postOrder, "POST", "/api/v1/orders", { body: orderBody([{ sku, quantity: 1 }]) });
    await db().$executeRaw`UPDATE order_lines SET shipped = allocated, allocated = 0 WHERE order_id = ${shipped.body.id}::uuid`;
    const refused = await call(cancel, "POST", `/api/v1/orders/${shipped.body.id}/cancel`, { params: { id: shipped.body.id } });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe("CONFLICT");
    await db().$executeRaw`UPDATE order_lines SET allocated = shipped, shipped = 0 WHERE order_id = ${shipped.body.id}::uuid`;
    expect((await runIntegrityChecks()).violations).toEqual([]);
  });
});

describe("channels API", () => {
  it("lists and creates channels with an admin key (201 with the secret once; 409 on a used code); channel keys are refused", async () => {
    const code = `API${Date.now().toString(36).toUpperCase().slice(-5)}`;
    const created = await call(postChannel, "POST", "/api/v1/channels", { key: admin, body: { code, name: "Scripted", type: "marketplace", currency: "USD", warehouses: [wh], allowSplit: false } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ code, name: "Scripted", type: "marketplace", currency: "USD", webhookSecret: expect.stringMatching(/^whsec_/) });
    const row = await db().channel.findUniqueOrThrow({ where: { code } });
    expect(row.webhookSecretEnc).not.toContain(created.body.webhookSecret);
    expect((await call(postChannel, "POST", "/api/v1/channels", { key: admin, body: { code, name: "Again", type: "webshop", currency: "USD", warehouses: [wh] } })).status).toBe(409);
    expect((await call(postChannel, "POST", "/api/v1/channels", { key: admin, body: { code: "BAD1", name: "x", type: "webshop", currency: "USD", warehouses: ["NOWHERE"] } })).status).toBe(422);
    const list = await call(listChannelsRoute, "GET", "/api/v1/channels", { key: admin });
    expect(list.body.items).toEqual(expect.arrayContaining([{ code, name: "Scripted", type: "marketplace", currency: "USD" }]));
    expect((await call(listChannelsRoute, "GET", "/api/v1/channels")).status).toBe(403);
  });
});

describe("signed webhooks", () => {
  async function deliver(raw: string, signature: string | null) {
    const headers: Record<string, string> = { "content-type": "application/json" };
    if (signature) headers["quartermaster-signature"] = signature;
    return call(webhook as Handler, "POST", `/api/v1/channels/${channel.code}/webhooks`, { key: null, raw, headers, params: { code: channel.code } });
  }

  it("refuses a wrong secret, a stale timestamp and an altered body (401)", async () => {
    const raw = JSON.stringify({ id: "evt-bad", type: "order.created", data: orderBody([{ sku, quantity: 1 }]) });
    expect((await deliver(raw, signPayload("whsec_wrong", raw))).status).toBe(401);
    expect((await deliver(raw, signPayload(channel.webhookSecret, raw, Math.floor(Date.now() / 1000) - 301))).status).toBe(401);
    expect((await deliver(raw.replace('"quantity":1', '"quantity":9'), signPayload(channel.webhookSecret, raw))).status).toBe(401);
    expect((await deliver(raw, null)).status).toBe(401);
    expect(await db().webhookEvent.count({ where: { eventId: "evt-bad" } })).toBe(0);
  });

  it("one event delivered 5 times at once makes one order; a cancel event cancels it", async () => {
    const secret = (await transaction((tx) => channelSecret(tx, channel.code)))!.secret;
    expect(secret).toBe(channel.webhookSecret);
    const body = orderBody([{ sku, quantity: 1 }]);
    const raw = JSON.stringify({ id: "evt-created-1", type: "order.created", data: body });
    const results = await Promise.all(Array.from({ length: 5 }, () => deliver(raw, signPayload(secret, raw))));
    expect(results.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    expect(results[0]!.body).toEqual({ received: true });
    expect(await db().order.count({ where: { channelId: channel.id, externalId: body.externalId } })).toBe(1);
    const cancelRaw = JSON.stringify({ id: "evt-cancel-1", type: "order.cancelled", data: { externalId: body.externalId } });
    expect((await deliver(cancelRaw, signPayload(secret, cancelRaw))).status).toBe(200);
    expect((await db().order.findFirstOrThrow({ where: { channelId: channel.id, externalId: body.externalId } })).status).toBe("CANCELLED");
    // Invalid content is refused with 422 and leaves no trace, so the channel can fix and resend.
    const bad = JSON.stringify({ id: "evt-bad-2", type: "order.created", data: { ...body, lines: [] } });
    expect((await deliver(bad, signPayload(secret, bad))).status).toBe(422);
    expect(await db().webhookEvent.count({ where: { eventId: "evt-bad-2" } })).toBe(0);
    expect((await runIntegrityChecks()).violations).toEqual([]);
  });
});
