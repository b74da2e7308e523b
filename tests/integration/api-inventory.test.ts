import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { setEnv } from "@/lib/env";
import { createApiKey, revokeApiKey } from "@/lib/api/keys";
import { SYSTEM_ACTOR } from "@/lib/audit/service";
import { GET as getWarehouses } from "@/app/api/v1/warehouses/route";
import { GET as getProducts, POST as postProduct } from "@/app/api/v1/products/route";
import { GET as getInventory } from "@/app/api/v1/inventory/route";
import { POST as postAdjustment } from "@/app/api/v1/inventory/adjustments/route";
import { PUT as putReorderRule } from "@/app/api/v1/inventory/reorder-rules/route";
import { GET as getOpenApi } from "@/app/api/v1/openapi.json/route";
import { runIntegrityChecks } from "@/lib/integrity/checks";
import { makeProduct, makeWarehouse } from "./inventory-helpers";

const BASE = "http://qm.test";
let adminKey = "";

beforeAll(async () => {
  adminKey = (await createApiKey(SYSTEM_ACTOR, { name: "test admin", kind: "ADMIN" })).key;
});
afterEach(() => setEnv({ API_RATE_LIMIT_PER_MINUTE: undefined }));

function req(method: string, path: string, opts: { body?: unknown; raw?: string; key?: string | null; headers?: Record<string, string> } = {}) {
  const headers: Record<string, string> = { ...(opts.headers ?? {}) };
  const key = opts.key === undefined ? adminKey : opts.key;
  if (key) headers.authorization = `Bearer ${key}`;
  let body: string | undefined;
  if (opts.raw !== undefined) body = opts.raw;
  else if (opts.body !== undefined) {
    body = JSON.stringify(opts.body);
    headers["content-type"] ??= "application/json";
  }
  return new Request(BASE + path, { method, headers, body });
}

async function call(handler: (r: Request) => Promise<Response>, r: Request) {
  const res = await handler(r);
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null, headers: res.headers };
}

describe("REST API: auth and errors", () => {
  it("answers 401 without a key, with a malformed key and with a revoked key — in the CONTRACT shape", async () => {
    for (const key of [null, "nonsense", "qm_AAAAAAAAAAAA_BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB"]) {
      const r = await call(getWarehouses, req("GET", "/api/v1/warehouses", { key }));
      expect(r.status).toBe(401);
      expect(r.body.error).toMatchObject({ code: "UNAUTHENTICATED", message: expect.any(String) });
    }
    const k = await createApiKey(SYSTEM_ACTOR, { name: "to revoke", kind: "ADMIN" });
    expect((await call(getWarehouses, req("GET", "/api/v1/warehouses", { key: k.key }))).status).toBe(200);
    await revokeApiKey(SYSTEM_ACTOR, k.id);
    expect((await call(getWarehouses, req("GET", "/api/v1/warehouses", { key: k.key }))).status).toBe(401);
  });

  it("stores keys hashed only", async () => {
    const k = await createApiKey(SYSTEM_ACTOR, { name: "hashed", kind: "ADMIN" });
    const row = await db().apiKey.findUniqueOrThrow({ where: { id: k.id } });
    expect(row.hash).not.toContain(k.key);
    expect(JSON.stringify(row)).not.toContain(k.key.split("_")[2]);
  });

  it("refuses malformed JSON (400), a wrong content type (400), a body over 1 MB (413) and invalid content (422 with issue paths)", async () => {
    const wh = await makeWarehouse();
    expect((await call(postAdjustment, req("POST", "/api/v1/inventory/adjustments", { raw: "{not json", headers: { "content-type": "application/json" } }))).status).toBe(400);
    expect((await call(postAdjustment, req("POST", "/api/v1/inventory/adjustments", { raw: "sku=A", headers: { "content-type": "application/x-www-form-urlencoded" } }))).status).toBe(400);
    const big = await call(postProduct, req("POST", "/api/v1/products", { body: { sku: "BIG", name: "x".repeat(1_100_000), price: "1.00" } }));
    expect(big.status).toBe(413);
    expect(big.body.error.code).toBe("PAYLOAD_TOO_LARGE");
    const bad = await call(postAdjustment, req("POST", "/api/v1/inventory/adjustments", { body: { sku: "has space", warehouse: wh, quantity: 1.5, reason: "because" } }));
    expect(bad.status).toBe(422);
    expect(bad.body.error.issues.map((i: { path: string }) => i.path).sort()).toEqual(["quantity", "reason", "sku"]);
    const zero = await call(postAdjustment, req("POST", "/api/v1/inventory/adjustments", { body: { sku: "A-1", warehouse: wh, quantity: 0, reason: "count" } }));
    expect(zero.body.error.issues).toEqual([{ path: "quantity", message: "Must not be zero" }]);
    const neg = await call(postProduct, req("POST", "/api/v1/products", { body: { sku: "NEG-1", name: "Negative", price: "-1.00" } }));
    expect(neg.status).toBe(422);
    expect(neg.body.error.issues[0]).toMatchObject({ path: "price" });
    expect(await db().product.count({ where: { sku: { in: ["BIG", "NEG-1"] } } })).toBe(0);
  });

  it("rate limits per key with 429 and Retry-After", async () => {
    setEnv({ API_RATE_LIMIT_PER_MINUTE: "3" });
    const k = await createApiKey(SYSTEM_ACTOR, { name: "limited", kind: "ADMIN" });
    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push((await call(getWarehouses, req("GET", "/api/v1/warehouses", { key: k.key }))).status);
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
    const r = await call(getWarehouses, req("GET", "/api/v1/warehouses", { key: k.key }));
    expect(r.body.error.code).toBe("RATE_LIMITED");
    expect(Number(r.headers.get("retry-after"))).toBeGreaterThan(0);
    // Another key is not affected.
    const other = await createApiKey(SYSTEM_ACTOR, { name: "other", kind: "ADMIN" });
    expect((await call(getWarehouses, req("GET", "/api/v1/warehouses", { key: other.key }))).status).toBe(200);
  });
});

describe("REST API: products, inventory, adjustments, reorder rules", () => {
  it("creates products (201), refuses a duplicate SKU (409), reads them by SKU", async () => {
    const created = await call(postProduct, req("POST", "/api/v1/products", { body: { sku: "API-1", name: "From the API", price: "19.99", barcode: "9990001", cost: "7.25" } }));
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ id: expect.any(String), sku: "API-1", name: "From the API", price: "19.99", cost: "7.25", barcode: "9990001" });
    const dup = await call(postProduct, req("POST", "/api/v1/products", { body: { sku: "API-1", name: "Again", price: "1.00" } }));
    expect(dup.status).toBe(409);
    expect(dup.body.error.code).toBe("CONFLICT");
    const list = await call(getProducts, req("GET", "/api/v1/products?sku=API-1&sku=NOPE"));
    expect(list.body.items.map((p: { sku: string }) => p.sku)).toEqual(["API-1"]);
  });

  it("adjusts stock (201 with the inventory entry), refuses going negative (409), lists warehouses", async () => {
    const wh = await makeWarehouse();
    const p = await makeProduct();
    const ws = await call(getWarehouses, req("GET", "/api/v1/warehouses"));
    expect(ws.body.items).toEqual(expect.arrayContaining([{ code: wh, name: `Warehouse ${wh}` }]));
    const up = await call(postAdjustment, req("POST", "/api/v1/inventory/adjustments", { body: { sku: p.sku, warehouse: wh, quantity: 12, reason: "initial", unitCost: "3.10" } }));
    expect(up.status).toBe(201);
    expect(up.body).toMatchObject({ sku: p.sku, onHand: 12, reserved: 0, available: 12 });
    expect(up.body.warehouses).toEqual(expect.arrayContaining([{ code: wh, onHand: 12, reserved: 0, available: 12 }]));
    const tooMuch = await call(postAdjustment, req("POST", "/api/v1/inventory/adjustments", { body: { sku: p.sku, warehouse: wh, quantity: -13, reason: "theft" } }));
    expect(tooMuch.status).toBe(409);
    const unknown = await call(postAdjustment, req("POST", "/api/v1/inventory/adjustments", { body: { sku: "NOPE-9", warehouse: wh, quantity: 1, reason: "found" } }));
    expect(unknown.status).toBe(422);
    expect(unknown.body.error.issues[0].path).toBe("sku");
    const inv = await call(getInventory, req("GET", `/api/v1/inventory?sku=${p.sku}`));
    expect(inv.body.items[0]).toMatchObject({ sku: p.sku, onHand: 12, available: 12 });
    expect((await runIntegrityChecks()).violations).toEqual([]);
  });

  it("applies an adjustment replayed with one Idempotency-Key once", async () => {
    const wh = await makeWarehouse();
    const p = await makeProduct();
    const body = { sku: p.sku, warehouse: wh, quantity: 5, reason: "found", unitCost: "1.00" };
    const headers = { "idempotency-key": `adj-${p.sku}` };
    const results = [];
    for (let i = 0; i < 3; i++) results.push(await call(postAdjustment, req("POST", "/api/v1/inventory/adjustments", { body, headers })));
    expect(results.map((r) => r.status)).toEqual([201, 201, 201]);
    expect(results[1]!.body).toEqual(results[0]!.body);
    expect(results[2]!.headers.get("idempotent-replayed")).toBe("true");
    const inv = await call(getInventory, req("GET", `/api/v1/inventory?sku=${p.sku}`));
    expect(inv.body.items[0].onHand).toBe(5);
    expect(await db().stockMove.count({ where: { productId: p.id } })).toBe(1);
    const other = await call(postAdjustment, req("POST", "/api/v1/inventory/adjustments", { body: { ...body, quantity: 6 }, headers }));
    expect(other.status).toBe(422);
  });

  it("sets reorder rules (200) and validates them", async () => {
    const wh = await makeWarehouse();
    const p = await makeProduct();
    const ok = await call(putReorderRule, req("PUT", "/api/v1/inventory/reorder-rules", { body: { sku: p.sku, warehouse: wh, reorderPoint: 8, reorderQuantity: 24 } }));
    expect(ok.status).toBe(200);
    expect(ok.body).toEqual({ sku: p.sku, warehouse: wh, reorderPoint: 8, reorderQuantity: 24, orderUpTo: null, multiple: null });
    const upTo = await call(putReorderRule, req("PUT", "/api/v1/inventory/reorder-rules", { body: { sku: p.sku, warehouse: wh, reorderPoint: 8, orderUpTo: 40, multiple: 6 } }));
    expect(upTo.body).toEqual({ sku: p.sku, warehouse: wh, reorderPoint: 8, reorderQuantity: null, orderUpTo: 40, multiple: 6 });
    const below = await call(putReorderRule, req("PUT", "/api/v1/inventory/reorder-rules", { body: { sku: p.sku, warehouse: wh, reorderPoint: 8, orderUpTo: 5 } }));
    expect(below.status).toBe(422);
    const bad = await call(putReorderRule, req("PUT", "/api/v1/inventory/reorder-rules", { body: { sku: p.sku, warehouse: wh, reorderPoint: -1 } }));
    expect(bad.status).toBe(422);
  });

  it("publishes an OpenAPI 3 document built from the same schemas", async () => {
    const res = await getOpenApi(new Request(`${BASE}/api/v1/openapi.json`));
    const doc = await res.json();
    expect(doc.openapi).toMatch(/^3\./);
    const adj = doc.paths["/api/v1/inventory/adjustments"].post.requestBody.content["application/json"].schema;
    expect(adj.required).toEqual(expect.arrayContaining(["sku", "warehouse", "quantity", "reason"]));
    expect(adj.properties.reason.enum).toEqual(["initial", "count", "found", "damage", "theft", "other"]);
    expect(doc.paths["/api/v1/products"].post.responses["409"]).toBeDefined();
  });
});
