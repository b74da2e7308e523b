import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { importProductsAction, previewProductImportAction } from "@/app/(dashboard)/inventory/import/actions";
import { GET } from "@/app/(dashboard)/inventory/export/route";
import { runAsUser } from "@/lib/auth";
import { db } from "@/lib/db";
import { adjustStock } from "@/lib/inventory/adjustments";
import { parseProductCsv } from "@/lib/inventory/csv";
import { exportProductsCsv, parseProductFile, productExportFileName, productExportFilter } from "@/lib/inventory/export";
import { holdStock } from "@/lib/inventory/holds";
import { createProduct, planProductImport } from "@/lib/inventory/products";
import { makeUser } from "./helpers";
import { actor, makeProduct, makeWarehouse } from "./inventory-helpers";

const BOM = "\uFEFF";

/** A SKU prefix of its own per test, so searches and counts only see that test's products. */
function prefix() {
  return `T${randomUUID().slice(0, 6).toUpperCase()}`;
}

function csv(...lines: string[]) {
  return lines.join("\n");
}

async function counts() {
  const [products, audits] = await Promise.all([db().product.count(), db().auditLog.count()]);
  return { products, audits };
}

async function productWithBarcode() {
  const p = await makeProduct();
  const barcode = `BC${randomUUID().replaceAll("-", "").slice(0, 12)}`;
  await db().product.update({ where: { id: p.id }, data: { barcode } });
  return { ...p, barcode };
}

describe("import preview (previewProductImportAction)", () => {
  it("writes nothing and reports line-numbered errors, duplicate SKUs, new and updated rows", async () => {
    const manager = await makeUser("MANAGER");
    const existing = await makeProduct({ price: "10.00" });
    const p = prefix();
    const before = await counts();
    const text = csv(
      "sku,name,price",
      `${p}-NEW,Brand new,12.50`,
      `${existing.sku},Renamed,11.00`,
      `${p}-BAD,Bad price,-1.00`,
      `${p.toLowerCase()}-new,Same SKU again,3.00`,
    );
    const res = await runAsUser(manager.id, () => previewProductImportAction({ csv: text }));
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    const preview = res.data;
    expect(preview.counts).toEqual({ create: 1, update: 1, errors: 2, errorLines: 2, conflicts: 0 });
    expect(preview.errors).toEqual([
      { line: 4, column: "price", message: "Price must not be negative" },
      { line: 5, column: "sku", message: `Duplicate SKU ${p.toLowerCase()}-new (also on line 2)` },
    ]);
    expect(preview.rows).toEqual([
      { line: 2, sku: `${p}-NEW`, name: "Brand new", price: "12.50", action: "create" },
      { line: 3, sku: existing.sku, name: "Renamed", price: "11.00", action: "update" },
    ]);
    expect(preview.blocked).toBe(true);
    expect(preview.delimiter).toBe(",");
    // Nothing written: no product, no change to the existing one, no audit entry.
    expect(await counts()).toEqual(before);
    const unchanged = await db().product.findUniqueOrThrow({ where: { id: existing.id } });
    expect(unchanged.name).toBe(existing.name);
    expect(unchanged.price).toBe(1000n);
  });

  it("reports barcodes that belong to another product as conflicts, with their line", async () => {
    const manager = await makeUser("MANAGER");
    const owner = await productWithBarcode();
    const p = prefix();
    const res = await runAsUser(manager.id, () =>
      previewProductImportAction({ csv: csv("sku;name;price;barcode", `${p}-1;Fine;1.00;`, `${p}-2;Clash;2.00;${owner.barcode}`) }),
    );
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    expect(res.data.delimiter).toBe(";");
    expect(res.data.counts).toMatchObject({ create: 1, update: 0, errors: 0, conflicts: 1 });
    expect(res.data.conflicts).toEqual([{ line: 3, column: "barcode", message: expect.stringContaining(owner.sku) }]);
    expect(res.data.blocked).toBe(true);
  });

  it("is not blocked for a clean file, and blocks a file without product rows", async () => {
    const manager = await makeUser("MANAGER");
    const clean = await runAsUser(manager.id, () => previewProductImportAction({ csv: csv("sku,name,price", `${prefix()}-1,Ok,1.00`) }));
    expect(clean).toMatchObject({ ok: true, data: { blocked: false, counts: { create: 1 } } });
    const empty = await runAsUser(manager.id, () => previewProductImportAction({ csv: "sku,name,price\n" }));
    expect(empty).toMatchObject({ ok: true, data: { blocked: true, rows: [], errors: [] } });
  });

  it("refuses a text over 5 MB with a field error", async () => {
    const manager = await makeUser("MANAGER");
    const huge = "sku,name,price\n" + "x".repeat(5 * 1024 * 1024);
    const res = await runAsUser(manager.id, () => previewProductImportAction({ csv: huge }));
    expect(res).toMatchObject({ ok: false, code: "VALIDATION", fieldErrors: { csv: "The file is larger than 5 MB" } });
  });
});

describe("import (importProductsAction)", () => {
  it("creates new products and updates existing ones (price changed), audited", async () => {
    const manager = await makeUser("MANAGER");
    const existing = await makeProduct({ price: "10.00" });
    const p = prefix();
    const text = csv(
      "sku,name,price,cost,barcode,category,weight_grams,active,description",
      `${p}-A,Imported A,19.99,7.50,,Imports,250,yes,"First, with a comma"`,
      `${p}-B,Imported B,0.5,,,,,false,`,
      `${existing.sku},Updated name,12.34,,,,,,`,
    );
    const res = await runAsUser(manager.id, () => importProductsAction({ csv: text }));
    expect(res).toEqual({ ok: true, data: { created: 2, updated: 1 } });

    const a = await db().product.findUniqueOrThrow({ where: { sku: `${p}-A` } });
    expect(a).toMatchObject({ name: "Imported A", price: 1999n, category: "Imports", weightGrams: 250, active: true, description: "First, with a comma" });
    expect(a.standardCost?.toFixed()).toBe("7.5");
    const b = await db().product.findUniqueOrThrow({ where: { sku: `${p}-B` } });
    expect(b).toMatchObject({ price: 50n, active: false, category: null });
    const updated = await db().product.findUniqueOrThrow({ where: { id: existing.id } });
    expect(updated).toMatchObject({ name: "Updated name", price: 1234n, category: "Test" }); // empty cell: unchanged

    const audits = await db().auditLog.findMany({ where: { entityId: { in: [a.id, b.id, existing.id] }, action: { startsWith: "product.import" } } });
    expect(audits.map((x) => x.action).sort()).toEqual(["product.import_create", "product.import_create", "product.import_update"]);
    expect(audits.every((x) => x.actorId === manager.id)).toBe(true);
  });

  it("re-importing the same file only updates (a double submit creates nothing twice)", async () => {
    const manager = await makeUser("MANAGER");
    const text = csv("sku,name,price", `${prefix()}-1,Once,1.00`);
    expect(await runAsUser(manager.id, () => importProductsAction({ csv: text }))).toEqual({ ok: true, data: { created: 1, updated: 0 } });
    expect(await runAsUser(manager.id, () => importProductsAction({ csv: text }))).toEqual({ ok: true, data: { created: 0, updated: 1 } });
  });

  it("re-parses on the server and refuses a file with errors: nothing is written", async () => {
    const manager = await makeUser("MANAGER");
    const p = prefix();
    const before = await counts();
    const res = await runAsUser(manager.id, () => importProductsAction({ csv: csv("sku,name,price", `${p}-OK,Good,1.00`, `${p}-BAD,Bad,1.999`) }));
    expect(res).toMatchObject({ ok: false, code: "VALIDATION", message: expect.stringContaining("nothing was imported") });
    expect(await counts()).toEqual(before);
    expect(await db().product.count({ where: { sku: { startsWith: p } } })).toBe(0);
  });

  it("refuses a file without product rows", async () => {
    const manager = await makeUser("MANAGER");
    const res = await runAsUser(manager.id, () => importProductsAction({ csv: "sku,name,price\r\n" }));
    expect(res).toMatchObject({ ok: false, code: "VALIDATION" });
  });

  it("imports nothing when one row's barcode belongs to another product (one transaction)", async () => {
    const manager = await makeUser("MANAGER");
    const owner = await productWithBarcode();
    const existing = await makeProduct({ price: "10.00" });
    const p = prefix();
    const before = await counts();
    const text = csv("sku,name,price,barcode", `${p}-1,Would be new,1.00,`, `${existing.sku},Would be renamed,99.00,`, `${p}-2,Clash,2.00,${owner.barcode}`);
    const res = await runAsUser(manager.id, () => importProductsAction({ csv: text }));
    expect(res).toMatchObject({ ok: false, code: "CONFLICT" });
    expect(await counts()).toEqual(before);
    expect(await db().product.count({ where: { sku: { startsWith: p } } })).toBe(0);
    expect(await db().product.findUniqueOrThrow({ where: { id: existing.id } })).toMatchObject({ name: existing.name, price: 1000n });
  });

  it("refuses VIEWER and WAREHOUSE users (FORBIDDEN) and signed-out callers, writing nothing", async () => {
    const existing = await makeProduct({ price: "10.00" });
    const p = prefix();
    const text = csv("sku,name,price", `${p}-1,Sneaky,1.00`, `${existing.sku},Sneaky rename,0.01`);
    const before = await counts();
    for (const role of ["VIEWER", "WAREHOUSE"] as const) {
      const user = await makeUser(role);
      const afterUser = await counts();
      expect(await runAsUser(user.id, () => previewProductImportAction({ csv: text }))).toMatchObject({ ok: false, code: "FORBIDDEN" });
      expect(await runAsUser(user.id, () => importProductsAction({ csv: text }))).toMatchObject({ ok: false, code: "FORBIDDEN" });
      expect(await counts()).toEqual(afterUser);
    }
    expect(await importProductsAction({ csv: text })).toMatchObject({ ok: false, code: "UNAUTHENTICATED" });
    expect((await counts()).products).toBe(before.products);
    expect(await db().product.count({ where: { sku: { startsWith: p } } })).toBe(0);
    expect(await db().product.findUniqueOrThrow({ where: { id: existing.id } })).toMatchObject({ name: existing.name, price: 1000n });
  });
});

describe("export", () => {
  /** Three products under one prefix: a formula-looking name with stock, held units and every field; a plain one; an inactive one. */
  async function catalogue() {
    const p = prefix();
    const wh = await makeWarehouse();
    const formula = await createProduct(actor, {
      sku: `${p}-EQ`,
      name: '=HYPERLINK("http://evil.example","click")',
      price: "19.99",
      cost: "7.5",
      barcode: `BC${randomUUID().replaceAll("-", "").slice(0, 12)}`,
      description: "Line one\nline two, with a comma",
      category: "+Category",
      weightGrams: 250,
      lengthMm: undefined,
      widthMm: undefined,
      heightMm: undefined,
      parentSku: undefined,
    });
    await adjustStock(actor, { sku: formula.sku, warehouse: wh, quantity: 5, reason: "initial", unitCost: "7.50" });
    await holdStock(actor, { sku: formula.sku, warehouse: wh, quantity: 2 });
    const plain = await createProduct(actor, { sku: `${p}-PLAIN`, name: "Plain product", price: "3.00", cost: undefined, barcode: undefined, description: undefined, category: undefined, weightGrams: undefined, lengthMm: undefined, widthMm: undefined, heightMm: undefined, parentSku: undefined });
    const inactive = await createProduct(actor, { sku: `${p}-OFF`, name: "Retired product", price: "1.00", cost: undefined, barcode: undefined, description: undefined, category: undefined, weightGrams: undefined, lengthMm: undefined, widthMm: undefined, heightMm: undefined, parentSku: undefined });
    await db().product.update({ where: { id: inactive.id }, data: { active: false } });
    return { p, formula, plain, inactive };
  }

  it("writes a BOM, the header, neutralised formulas and unquoted numbers", async () => {
    const { p, formula } = await catalogue();
    const out = await exportProductsCsv(productExportFilter(new URLSearchParams({ q: p })));
    expect(out.startsWith(BOM)).toBe(true);
    const lines = out.slice(1).split("\r\n");
    expect(lines[0]).toBe("sku,name,price,cost,barcode,category,weight_grams,active,description,on_hand,reserved,available");
    // Active only by default, in SKU order; the description's line break is kept inside quotes.
    expect(out).not.toContain(`${p}-OFF`);
    expect(lines[1]).toBe(`${p}-EQ,"'=HYPERLINK(""http://evil.example"",""click"")",19.99,7.5,${formula.barcode},'+Category,250,true,"Line one\nline two, with a comma",5,2,3`);
    expect(lines[2]).toBe(`${p}-PLAIN,Plain product,3.00,,,,,true,,0,0,0`);
    expect(lines).toHaveLength(3);
  });

  it("applies the list's filters (status, sort, dir)", async () => {
    const { p } = await catalogue();
    const all = await exportProductsCsv(productExportFilter(new URLSearchParams({ q: p, status: "all", sort: "name", dir: "desc" })));
    const skus = parseProductCsv(all).rows.map((r) => r.data.sku);
    expect(skus).toEqual([`${p}-OFF`, `${p}-PLAIN`, `${p}-EQ`]); // Retired, Plain, =HYPERLINK by name descending
    const inactive = await exportProductsCsv(productExportFilter(new URLSearchParams({ q: p, status: "inactive" })));
    expect(parseProductCsv(inactive).rows.map((r) => r.data.sku)).toEqual([`${p}-OFF`]);
    const inStock = await exportProductsCsv(productExportFilter(new URLSearchParams({ q: p, stock: "in", sort: "bogus" })));
    expect(parseProductCsv(inStock).rows.map((r) => r.data.sku)).toEqual([`${p}-EQ`]);
  });

  it("pages through more than one page of the list", async () => {
    const manager = await makeUser("MANAGER");
    const p = prefix();
    const lines = Array.from({ length: 205 }, (_, i) => `${p}-${String(i).padStart(3, "0")},Bulk ${i},1.00`);
    expect(await runAsUser(manager.id, () => importProductsAction({ csv: csv("sku,name,price", ...lines) }))).toMatchObject({ ok: true, data: { created: 205 } });
    const out = await exportProductsCsv({ q: p });
    const skus = parseProductCsv(out).rows.map((r) => r.data.sku);
    expect(skus).toHaveLength(205);
    expect(new Set(skus).size).toBe(205);
  });

  it("round-trips: an exported file re-imports as updates only, without errors, and changes nothing", async () => {
    const manager = await makeUser("MANAGER");
    const { p, formula } = await catalogue();
    const out = await exportProductsCsv(productExportFilter(new URLSearchParams({ q: p, status: "all" })));
    // The plain parser only objects to the export's read-only stock columns...
    expect(parseProductCsv(out).errors.map((e) => e.column)).toEqual(["on_hand", "reserved", "available"]);
    // ...which the import ignores.
    const parsed = parseProductFile(out);
    expect(parsed.errors).toEqual([]);
    expect(parsed.ignoredColumns).toEqual(["on_hand", "reserved", "available"]);
    expect(parsed.rows.find((r) => r.data.sku === formula.sku)?.data).toEqual({
      sku: formula.sku,
      name: formula.name,
      price: "19.99",
      cost: "7.5",
      barcode: formula.barcode,
      category: "+Category",
      weightGrams: 250,
      active: true,
      description: "Line one\nline two, with a comma",
    });
    const plan = await planProductImport(db(), parsed.rows);
    expect(plan.create).toEqual([]);
    expect(plan.conflicts).toEqual([]);
    expect(plan.update.map((r) => r.sku).sort()).toEqual([`${p}-EQ`, `${p}-OFF`, `${p}-PLAIN`]);

    const preview = await runAsUser(manager.id, () => previewProductImportAction({ csv: out }));
    expect(preview).toMatchObject({ ok: true, data: { blocked: false, errors: [], counts: { create: 0, update: 3, errors: 0, conflicts: 0 } } });
    const snapshot = async () => db().product.findMany({ where: { sku: { startsWith: p } }, orderBy: { sku: "asc" }, omit: { updatedAt: true } });
    const before = await snapshot();
    expect(await runAsUser(manager.id, () => importProductsAction({ csv: out }))).toEqual({ ok: true, data: { created: 0, updated: 3 } });
    expect(await snapshot()).toEqual(before);
  });

  it("the route answers a CSV download for a signed-in user", async () => {
    const { p, formula } = await catalogue();
    const viewer = await makeUser("VIEWER");
    const res = await runAsUser(viewer.id, () => GET(new Request(`http://localhost/inventory/export?q=${p}&status=all`)));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toBe(`attachment; filename="${productExportFileName()}"`);
    expect(productExportFileName(new Date("2026-03-09T23:59:59Z"))).toBe("products-2026-03-09.csv");
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
    expect(text).toBe(await exportProductsCsv({ q: p, status: "all" }));
    expect(text).toContain(formula.sku);
  });

  it("the route refuses signed-out and deactivated users with a JSON 401", async () => {
    const res = await GET(new Request("http://localhost/inventory/export"));
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ error: { code: "UNAUTHENTICATED", message: expect.any(String) } });
    const gone = await makeUser("MANAGER", { active: false });
    const res2 = await runAsUser(gone.id, () => GET(new Request("http://localhost/inventory/export")));
    expect(res2.status).toBe(401);
  });
});
