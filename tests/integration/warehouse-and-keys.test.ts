import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { runAsUser } from "@/lib/auth";
import { authenticateApiKey, hashKey } from "@/lib/api/keys";
import { adjustStock } from "@/lib/inventory/adjustments";
import { getWarehouseDetail, listWarehouseSummaries } from "@/lib/inventory/location-queries";
import { createLocationAction, createWarehouseAction } from "@/app/(dashboard)/warehouse/actions";
import { createApiKeyAction, revokeApiKeyAction } from "@/app/(dashboard)/settings/api-keys/actions";
import { makeUser } from "./helpers";
import { actor, makeProduct } from "./inventory-helpers";

const code = () => `T${randomUUID().slice(0, 6).toUpperCase()}`;
const warehouseForm = (c: string) => ({ code: c, name: `Test ${c}`, addressLine1: "1 Test Road", city: "Testville", postalCode: "12345", country: "US" });
const location = (warehouse: string, over: Record<string, string | number | undefined>) => ({ warehouse, kind: "BIN" as const, code: "B-01", ...over });

describe("warehouses and locations through the server actions", () => {
  it("lets a MANAGER create a warehouse (with its default RECV bin) and a bin under a zone", async () => {
    const manager = await makeUser("MANAGER");
    const wh = code();
    const res = await runAsUser(manager.id, () => createWarehouseAction(warehouseForm(wh)));
    expect(res).toMatchObject({ ok: true, data: { code: wh } });
    const w = await db().warehouse.findUniqueOrThrow({ where: { code: wh } });
    expect(w).toMatchObject({ name: `Test ${wh}`, city: "Testville", country: "US" });
    const recv = await db().location.findFirstOrThrow({ where: { warehouseId: w.id, code: "RECV" } });
    expect(recv).toMatchObject({ kind: "BIN", isDefault: true, internal: true, barcode: `${wh}-RECV` });
    expect(await db().auditLog.count({ where: { entityId: w.id, action: "warehouse.create", actorId: manager.id } })).toBe(1);

    expect(await runAsUser(manager.id, () => createLocationAction(location(wh, { kind: "ZONE", code: "A", name: "Zone A" })))).toMatchObject({ ok: true });
    expect(await runAsUser(manager.id, () => createLocationAction(location(wh, { kind: "AISLE", code: "A-1", parentCode: "A" })))).toMatchObject({ ok: true });
    // Form input arrives as strings: empty optional fields and numeric coordinates are parsed.
    const bin = await runAsUser(manager.id, () => createLocationAction(location(wh, { kind: "BIN", code: "A-1-01", parentCode: "A-1", name: "", barcode: "", x: "3", y: "4" })));
    expect(bin).toMatchObject({ ok: true, data: { code: "A-1-01" } });
    const stored = await db().location.findFirstOrThrow({ where: { warehouseId: w.id, code: "A-1-01" }, include: { parent: true } });
    expect(stored).toMatchObject({ kind: "BIN", name: "A-1-01", barcode: `${wh}-A-1-01`, x: 3, y: 4, internal: true });
    expect(stored.parent?.code).toBe("A-1");

    // The tree read: parents before children, bins with their own stock, parents the sum.
    const p = await makeProduct();
    await adjustStock(actor, { sku: p.sku, warehouse: wh, quantity: 7, reason: "initial", unitCost: "1.00", bin: "A-1-01" });
    await adjustStock(actor, { sku: p.sku, warehouse: wh, quantity: 2, reason: "initial", unitCost: "1.00" });
    const detail = await getWarehouseDetail(wh);
    expect(detail?.locations.map((l) => [l.code, l.kind, l.depth, l.onHand])).toEqual([
      ["A", "ZONE", 0, 7],
      ["A-1", "AISLE", 1, 7],
      ["A-1-01", "BIN", 2, 7],
      ["IN", "ZONE", 0, 2],
      ["RECV", "BIN", 1, 2],
    ]);
    expect(detail).toMatchObject({ bins: 2, onHand: 9 });
    expect(detail?.locations.find((l) => l.code === "RECV")?.isDefault).toBe(true);
    const summary = (await listWarehouseSummaries()).find((s) => s.code === wh);
    expect(summary).toMatchObject({ bins: 2, onHand: 9, city: "Testville", country: "US" });
    // Plain data only: nothing a client component could not receive.
    expect(() => JSON.stringify([detail, summary])).not.toThrow();
    expect(await getWarehouseDetail("NO-SUCH-WAREHOUSE")).toBeNull();
  });

  it("reports a duplicate warehouse code on the code field", async () => {
    const manager = await makeUser("MANAGER");
    const wh = code();
    expect((await runAsUser(manager.id, () => createWarehouseAction(warehouseForm(wh)))).ok).toBe(true);
    const again = await runAsUser(manager.id, () => createWarehouseAction({ ...warehouseForm(wh), name: "Another" }));
    expect(again).toMatchObject({ ok: false, code: "CONFLICT", fieldErrors: { code: "Already in use" } });
    expect(await db().warehouse.count({ where: { code: wh } })).toBe(1);
    const dupLocation = await runAsUser(manager.id, () => createLocationAction(location(wh, { code: "RECV" })));
    expect(dupLocation).toMatchObject({ ok: false, code: "CONFLICT", fieldErrors: { code: "Already in use" } });
  });

  it("returns field errors for invalid input and writes nothing", async () => {
    const manager = await makeUser("MANAGER");
    const before = await db().warehouse.count();
    const res = await runAsUser(manager.id, () => createWarehouseAction({ code: "lower case", name: "", country: "USA" }));
    expect(res.ok).toBe(false);
    if (res.ok) return;
    expect(res.code).toBe("VALIDATION");
    expect(Object.keys(res.fieldErrors ?? {}).sort()).toEqual(["code", "country", "name"]);
    expect(await db().warehouse.count()).toBe(before);
  });

  it("refuses WAREHOUSE and VIEWER users and writes nothing", async () => {
    const manager = await makeUser("MANAGER");
    const wh = code();
    await runAsUser(manager.id, () => createWarehouseAction(warehouseForm(wh)));
    const [warehouses, locations, audits] = await Promise.all([db().warehouse.count(), db().location.count(), db().auditLog.count()]);
    for (const role of ["WAREHOUSE", "VIEWER"] as const) {
      const u = await makeUser(role);
      const sneaky = code();
      expect(await runAsUser(u.id, () => createWarehouseAction(warehouseForm(sneaky)))).toMatchObject({ ok: false, code: "FORBIDDEN" });
      expect(await runAsUser(u.id, () => createLocationAction(location(wh, { code: "SNEAKY" })))).toMatchObject({ ok: false, code: "FORBIDDEN" });
      expect(await db().warehouse.count({ where: { code: sneaky } })).toBe(0);
    }
    expect(await createWarehouseAction(warehouseForm(code()))).toMatchObject({ ok: false, code: "UNAUTHENTICATED" });
    expect(await Promise.all([db().warehouse.count(), db().location.count(), db().auditLog.count()])).toEqual([warehouses, locations, audits]);
  });

  it("does not let a bin contain another location", async () => {
    const manager = await makeUser("MANAGER");
    const wh = code();
    await runAsUser(manager.id, () => createWarehouseAction(warehouseForm(wh)));
    const before = await db().location.count();
    for (const kind of ["BIN", "SHELF"] as const) {
      const res = await runAsUser(manager.id, () => createLocationAction(location(wh, { kind, code: `UNDER-${kind}`, parentCode: "RECV" })));
      expect(res).toMatchObject({ ok: false, code: "VALIDATION", fieldErrors: { parentCode: "A bin cannot contain locations" } });
    }
    const unknown = await runAsUser(manager.id, () => createLocationAction(location(wh, { code: "ORPHAN", parentCode: "NOPE" })));
    expect(unknown).toMatchObject({ ok: false, code: "VALIDATION", fieldErrors: { parentCode: expect.any(String) } });
    expect(await db().location.count()).toBe(before);
  });
});

describe("API keys through the server actions", () => {
  it("lets an ADMIN create a key, shown once and stored only as its hash, and revoke it", async () => {
    const admin = await makeUser("ADMIN");
    const res = await runAsUser(admin.id, () => createApiKeyAction({ name: "  Shop sync  " }));
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    const { key, id, prefix } = res.data;
    expect(key).toMatch(/^qm_[A-Za-z0-9]{12}_[A-Za-z0-9]{32}$/);
    expect(key.startsWith(`${prefix}_`)).toBe(true);
    const row = await db().apiKey.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ name: "Shop sync", kind: "ADMIN", channelCode: null, prefix, hash: hashKey(key), createdById: admin.id, revokedAt: null });
    const stored = JSON.stringify(row);
    expect(stored).not.toContain(key);
    expect(stored).not.toContain(key.slice(prefix.length + 1));
    const audit = await db().auditLog.findFirstOrThrow({ where: { entityId: id, action: "api_key.create" } });
    expect(JSON.stringify(audit.after)).not.toContain(key.slice(prefix.length + 1));

    expect(await authenticateApiKey(key)).toMatchObject({ keyId: id, kind: "ADMIN" });
    const revoked = await runAsUser(admin.id, () => revokeApiKeyAction({ id }));
    expect(revoked).toMatchObject({ ok: true, data: { id } });
    expect((await db().apiKey.findUniqueOrThrow({ where: { id } })).revokedAt).toBeInstanceOf(Date);
    expect(await authenticateApiKey(key)).toBeNull();
    // Revoking twice is harmless; an unknown key is reported.
    expect(await runAsUser(admin.id, () => revokeApiKeyAction({ id }))).toMatchObject({ ok: true });
    expect(await runAsUser(admin.id, () => revokeApiKeyAction({ id: randomUUID() }))).toMatchObject({ ok: false, code: "NOT_FOUND" });
  });

  it("validates the name and the id", async () => {
    const admin = await makeUser("ADMIN");
    const before = await db().apiKey.count();
    expect(await runAsUser(admin.id, () => createApiKeyAction({ name: "   " }))).toMatchObject({ ok: false, code: "VALIDATION", fieldErrors: { name: "Enter a name" } });
    expect(await runAsUser(admin.id, () => createApiKeyAction({ name: "x".repeat(81) }))).toMatchObject({ ok: false, code: "VALIDATION", fieldErrors: { name: expect.any(String) } });
    // Only a name is accepted: the kind cannot be smuggled in.
    expect(await runAsUser(admin.id, () => createApiKeyAction({ name: "Sneaky", kind: "CHANNEL" } as never))).toMatchObject({ ok: false, code: "VALIDATION" });
    expect(await runAsUser(admin.id, () => revokeApiKeyAction({ id: "not-a-uuid" }))).toMatchObject({ ok: false, code: "VALIDATION", fieldErrors: { id: expect.any(String) } });
    expect(await db().apiKey.count()).toBe(before);
  });

  it("refuses a MANAGER creating or revoking keys", async () => {
    const admin = await makeUser("ADMIN");
    const manager = await makeUser("MANAGER");
    const before = await db().apiKey.count();
    const res = await runAsUser(manager.id, () => createApiKeyAction({ name: "Manager key" }));
    expect(res).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(JSON.stringify(res)).not.toMatch(/qm_/);
    expect(await db().apiKey.count()).toBe(before);

    const created = await runAsUser(admin.id, () => createApiKeyAction({ name: "Admin key" }));
    if (!created.ok) throw new Error("admin could not create a key");
    expect(await runAsUser(manager.id, () => revokeApiKeyAction({ id: created.data.id }))).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect((await db().apiKey.findUniqueOrThrow({ where: { id: created.data.id } })).revokedAt).toBeNull();
  });
});
