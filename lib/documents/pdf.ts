import "server-only";
import PDFDocument from "pdfkit";
import { toBuffer } from "bwip-js/node";
import { createTranslator } from "use-intl/core";
import { db } from "../db";
import { AppError } from "../errors";
import { loadMessages } from "../i18n/messages";
import { formatMoney } from "../money";
import { getCompany } from "../settings/company";

/**
 * Printable documents as PDF (pdfkit, barcodes by bwip-js): pick list in route order, packing
 * slip, 4×6 in shipping label, bin label sheet, product label sheet. Text comes from the
 * "documents" message catalog; numbers and dates are formatted with Intl for the given locale.
 */

type Doc = InstanceType<typeof PDFDocument>;
const MM = 72 / 25.4;

type T = (key: string, values?: Record<string, string | number>) => string;

/** Document text in the catalog's language (English for now). */
function t(): T {
  return createTranslator({ locale: "en", messages: loadMessages("en") as never, namespace: "documents" as never }) as unknown as T;
}

async function barcode(text: string, kind: "code128" | "ean13" | "qrcode" = "code128", height = 12): Promise<Buffer> {
  return toBuffer({ bcid: kind, text, scale: 3, height, includetext: kind !== "qrcode", textxalign: "center", textsize: 9 });
}

function barcodeKind(code: string): "code128" | "ean13" {
  return /^\d{13}$/.test(code) ? "ean13" : "code128";
}

async function render(build: (doc: Doc) => Promise<void>, opts: ConstructorParameters<typeof PDFDocument>[0]): Promise<Buffer> {
  const doc = new PDFDocument({ ...opts, info: { Producer: "Quartermaster", Creator: "Quartermaster", ...(opts?.info ?? {}) } });
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  await build(doc);
  doc.end();
  return done;
}

function header(doc: Doc, title: string, sub: string) {
  doc.font("Helvetica-Bold").fontSize(18).text(title);
  doc.font("Helvetica").fontSize(10).fillColor("#555").text(sub).fillColor("#000");
  doc.moveDown(0.8);
}

/** A simple table with column widths in points; starts a new page when needed. */
function table(doc: Doc, cols: { label: string; width: number; align?: "left" | "right" | "center" }[], rows: string[][], opts: { rowHeight?: number; onRow?: (i: number, y: number) => void } = {}) {
  const x0 = doc.page.margins.left;
  const rh = opts.rowHeight ?? 18;
  const drawHead = () => {
    let x = x0;
    doc.font("Helvetica-Bold").fontSize(9);
    const y = doc.y;
    for (const c of cols) {
      doc.text(c.label, x + 2, y, { width: c.width - 4, align: c.align ?? "left" });
      x += c.width;
    }
    doc.moveTo(x0, y + 13).lineTo(x, y + 13).lineWidth(0.8).stroke();
    doc.y = y + 17;
    doc.font("Helvetica").fontSize(9);
  };
  drawHead();
  rows.forEach((r, i) => {
    if (doc.y + rh > doc.page.height - doc.page.margins.bottom) {
      doc.addPage();
      drawHead();
    }
    const y = doc.y;
    let x = x0;
    r.forEach((cell, j) => {
      doc.text(cell, x + 2, y + 3, { width: cols[j]!.width - 4, align: cols[j]!.align ?? "left", lineBreak: false, ellipsis: true });
      x += cols[j]!.width;
    });
    opts.onRow?.(i, y);
    doc.moveTo(x0, y + rh).lineTo(x, y + rh).lineWidth(0.3).strokeColor("#ccc").stroke().strokeColor("#000");
    doc.y = y + rh;
  });
}

// ---------------------------------------------------------------------------

export async function pickListPdf(waveNumber: number, locale = "en-US"): Promise<Buffer> {
  const m = t();
  const wave = await db().pickWave.findUnique({ where: { number: waveNumber } });
  if (!wave) throw new AppError("NOT_FOUND", "Wave not found.");
  const w = await db().warehouse.findUniqueOrThrow({ where: { id: wave.warehouseId } });
  const rows = await db().$queryRaw<{ seq: number; bin: string; sku: string; name: string; quantity: number; picked: number; short: number; number: number }[]>`
    SELECT t.seq, l.code AS bin, p.sku, p.name, t.quantity, t.picked, t.short, o.number
    FROM pick_tasks t JOIN locations l ON l.id = t.location_id JOIN products p ON p.id = t.product_id JOIN orders o ON o.id = t.order_id
    WHERE t.wave_id = ${wave.id}::uuid AND t.quantity > 0 ORDER BY t.seq, o.number, p.sku`;
  const num = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const date = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
  return render(async (doc) => {
    header(doc, m("pickList.title", { number: wave.number }), m("pickList.sub", { warehouse: `${w.code} — ${w.name}`, created: date.format(wave.createdAt), route: num.format(Math.round(wave.routeLength)), naive: num.format(Math.round(wave.naiveLength)) }));
    doc.image(await barcode(`W-${wave.number}`), { height: 34 });
    doc.moveDown(0.5);
    table(
      doc,
      [
        { label: m("cols.stop"), width: 34, align: "right" },
        { label: m("cols.bin"), width: 80 },
        { label: m("cols.sku"), width: 110 },
        { label: m("cols.product"), width: 170 },
        { label: m("cols.order"), width: 60 },
        { label: m("cols.qty"), width: 40, align: "right" },
        { label: m("cols.done"), width: 36, align: "center" },
      ],
      rows.map((r) => [num.format(r.seq), r.bin, r.sku, r.name, `SO-${r.number}`, num.format(r.quantity), r.picked + r.short >= r.quantity ? "x" : ""]),
      { rowHeight: 20, onRow: (_i, y) => doc.rect(doc.page.margins.left + 34 + 80 + 110 + 170 + 60 + 40 + 12, y + 3, 11, 11).lineWidth(0.6).stroke() },
    );
  }, { size: "A4", margin: 36, info: { Title: `Pick list W-${wave.number}` } });
}

async function orderForDocs(orderId: string) {
  const o = await db().order.findUnique({ where: { id: orderId }, include: { lines: { orderBy: { lineNo: "asc" } }, channel: true, customer: true } });
  if (!o) throw new AppError("NOT_FOUND", "Order not found.");
  return o;
}

export async function packingSlipPdf(packageId: string, locale = "en-US"): Promise<Buffer> {
  const m = t();
  const pkg = await db().package.findUnique({ where: { id: packageId }, include: { items: true, shipment: true } });
  if (!pkg) throw new AppError("NOT_FOUND", "Package not found.");
  const o = await orderForDocs(pkg.orderId);
  const w = await db().warehouse.findUniqueOrThrow({ where: { id: pkg.warehouseId } });
  const products = await db().product.findMany({ where: { id: { in: pkg.items.map((i) => i.productId) } } });
  const num = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const date = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" });
  return render(async (doc) => {
    header(doc, m("packingSlip.title", { number: o.number }), m("packingSlip.sub", { channel: o.channel.name, external: o.externalId, placed: date.format(o.placedAt), package: pkg.number }));
    const top = doc.y;
    doc.font("Helvetica-Bold").fontSize(10).text(m("shipTo"), 36, top);
    doc.font("Helvetica").text([o.shipName, o.shipLine1, o.shipLine2, `${o.shipPostalCode} ${o.shipCity}`, o.shipCountry].filter(Boolean).join("\n"));
    doc.font("Helvetica-Bold").text(m("shipFrom"), 300, top);
    doc.font("Helvetica").text([w.name, w.addressLine1, [w.postalCode, w.city].filter(Boolean).join(" "), w.country].filter(Boolean).join("\n"), 300);
    doc.image(await barcode(`SO-${o.number}`), 430, top, { height: 34 });
    doc.x = 36;
    doc.y = Math.max(doc.y, top + 80);
    doc.moveDown(1);
    table(
      doc,
      [
        { label: m("cols.line"), width: 34, align: "right" },
        { label: m("cols.sku"), width: 120 },
        { label: m("cols.product"), width: 250 },
        { label: m("cols.qty"), width: 60, align: "right" },
      ],
      pkg.items
        .map((i) => ({ i, line: o.lines.find((l) => l.id === i.lineId)!, p: products.find((p) => p.id === i.productId)! }))
        .sort((a, b) => a.line.lineNo - b.line.lineNo || a.p.sku.localeCompare(b.p.sku))
        .map(({ i, line, p }) => [num.format(line.lineNo), p.sku, p.id === line.productId ? p.name : `${p.name} (${line.sku})`, num.format(i.quantity)]),
    );
    doc.moveDown(1);
    doc.fontSize(9).fillColor("#555").text(m("packingSlip.footer", { box: pkg.boxType, weight: pkg.weightGrams ? num.format(pkg.weightGrams) : "—", total: formatMoney(o.total, o.currency, locale) })).fillColor("#000");
  }, { size: "A4", margin: 36, info: { Title: `Packing slip SO-${o.number}` } });
}

export async function shippingLabelPdf(shipmentId: string): Promise<Buffer> {
  const m = t();
  const s = await db().shipment.findUnique({ where: { id: shipmentId }, include: { package: true } });
  if (!s) throw new AppError("NOT_FOUND", "Shipment not found.");
  const o = await orderForDocs(s.orderId);
  const w = await db().warehouse.findUniqueOrThrow({ where: { id: s.warehouseId } });
  return render(async (doc) => {
    // 4 × 6 in.
    doc.font("Helvetica").fontSize(8).text(m("label.from"), 14, 14);
    doc.fontSize(9).text([w.name, w.addressLine1, [w.postalCode, w.city].filter(Boolean).join(" "), w.country].filter(Boolean).join("\n"), 14, 24, { width: 260 });
    doc.moveTo(10, 80).lineTo(278, 80).lineWidth(1.5).stroke();
    doc.fontSize(8).text(m("label.to"), 14, 88);
    doc.font("Helvetica-Bold").fontSize(14).text([o.shipName, o.shipLine1, o.shipLine2, `${o.shipPostalCode} ${o.shipCity}`, o.shipCountry].filter(Boolean).join("\n"), 14, 100, { width: 260 });
    doc.moveTo(10, 200).lineTo(278, 200).lineWidth(1.5).stroke();
    doc.font("Helvetica-Bold").fontSize(16).text(`${s.carrier.toUpperCase()} · ${s.service}`, 14, 210);
    doc.font("Helvetica").fontSize(9).text(m("label.meta", { order: o.number, package: s.package.number, weight: s.package.weightGrams ?? 0 }), 14, 232);
    doc.image(await barcode(s.trackingNumber, "code128", 18), 24, 255, { width: 240, height: 110 });
    doc.font("Helvetica").fontSize(10).text(m("label.tracking", { tracking: s.trackingNumber }), 14, 380, { width: 260, align: "center" });
  }, { size: [288, 432], margin: 10, info: { Title: `Label ${s.trackingNumber}` } });
}

/** A sheet of 3 × 8 labels (A4). */
async function labelSheet(items: { title: string; sub: string; code: string }[], title: string): Promise<Buffer> {
  return render(async (doc) => {
    const cols = 3;
    const rows = 8;
    const w = (210 * MM - 2 * 8 * MM) / cols;
    const h = (297 * MM - 2 * 10 * MM) / rows;
    for (let i = 0; i < items.length; i++) {
      if (i > 0 && i % (cols * rows) === 0) doc.addPage();
      const k = i % (cols * rows);
      const x = 8 * MM + (k % cols) * w;
      const y = 10 * MM + Math.floor(k / cols) * h;
      const it = items[i]!;
      doc.rect(x + 2, y + 2, w - 4, h - 4).lineWidth(0.3).strokeColor("#bbb").stroke().strokeColor("#000");
      doc.font("Helvetica-Bold").fontSize(11).text(it.title, x + 8, y + 7, { width: w - 16, lineBreak: false, ellipsis: true });
      doc.font("Helvetica").fontSize(7.5).text(it.sub, x + 8, y + 21, { width: w - 16, lineBreak: false, ellipsis: true });
      doc.image(await barcode(it.code, barcodeKind(it.code), 10), x + 10, y + 33, { fit: [w - 20, h - 40], align: "center" });
    }
    if (!items.length) doc.font("Helvetica").fontSize(12).text(t()("labels.none"));
  }, { size: "A4", margin: 0, info: { Title: title } });
}

export async function binLabelsPdf(warehouseCode: string, prefix?: string): Promise<Buffer> {
  const m = t();
  const w = await db().warehouse.findUnique({ where: { code: warehouseCode } });
  if (!w) throw new AppError("NOT_FOUND", "Warehouse not found.");
  const bins = await db().location.findMany({
    where: { warehouseId: w.id, kind: { in: ["BIN", "PACK"] }, active: true, ...(prefix ? { code: { startsWith: prefix } } : {}) },
    orderBy: { code: "asc" },
  });
  return labelSheet(
    bins.map((b) => ({ title: b.code, sub: m("labels.bin", { warehouse: w.code, name: b.name }), code: b.barcode ?? `${w.code}-${b.code}` })),
    `Bin labels ${w.code}`,
  );
}

export async function productLabelsPdf(opts: { skus?: string[]; category?: string }, locale = "en-US"): Promise<Buffer> {
  const products = await db().product.findMany({
    where: { isKit: false, active: true, variants: { none: {} }, ...(opts.skus?.length ? { sku: { in: opts.skus } } : {}), ...(opts.category ? { category: opts.category } : {}) },
    orderBy: { sku: "asc" },
    take: 2400,
  });
  const { currency } = await getCompany();
  return labelSheet(
    products.map((p) => ({ title: p.sku, sub: `${p.name} · ${formatMoney(p.price, currency, locale)}`, code: p.barcode ?? p.sku })),
    "Product labels",
  );
}

/** A purchase order for the supplier: lines with quantities, costs and totals, and a barcode to scan at receiving. */
export async function purchaseOrderPdf(poId: string, locale = "en-US"): Promise<Buffer> {
  const m = t();
  const po = await db().purchaseOrder.findUnique({ where: { id: poId }, include: { supplier: true, lines: { orderBy: { lineNo: "asc" } } } });
  if (!po) throw new AppError("NOT_FOUND", "Purchase order not found.");
  const w = await db().warehouse.findUniqueOrThrow({ where: { id: po.warehouseId } });
  const { name: company } = await getCompany();
  const products = await db().product.findMany({ where: { id: { in: po.lines.map((l) => l.productId) } }, select: { id: true, name: true } });
  const prices = await db().supplierPrice.findMany({ where: { supplierId: po.supplierId, productId: { in: po.lines.map((l) => l.productId) } } });
  const num = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const cost = new Intl.NumberFormat(locale, { style: "currency", currency: po.currency, minimumFractionDigits: 2, maximumFractionDigits: 4 });
  const money = new Intl.NumberFormat(locale, { style: "currency", currency: po.currency });
  const date = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" });
  const total = po.lines.reduce((s, l) => s + Number(l.unitCost) * l.quantity, 0);
  return render(async (doc) => {
    header(doc, m("purchaseOrder.title", { number: po.number }), m("purchaseOrder.sub", { company, supplier: `${po.supplier.name} (${po.supplier.code})`, date: date.format(po.sentAt ?? po.createdAt), terms: po.supplier.paymentTerms }));
    const top = doc.y;
    doc.font("Helvetica-Bold").fontSize(10).text(m("deliverTo"), 36, top);
    doc.font("Helvetica").text([w.name, w.addressLine1, [w.postalCode, w.city].filter(Boolean).join(" "), w.country].filter(Boolean).join("\n"));
    doc.image(await barcode(`PO-${po.number}`), 400, top, { height: 34 });
    doc.x = 36;
    doc.y = Math.max(doc.y, top + 70);
    doc.moveDown(1);
    table(
      doc,
      [
        { label: m("cols.line"), width: 34, align: "right" },
        { label: m("cols.sku"), width: 100 },
        { label: m("cols.supplierSku"), width: 80 },
        { label: m("cols.product"), width: 150 },
        { label: m("cols.qty"), width: 50, align: "right" },
        { label: m("cols.unitCost"), width: 55, align: "right" },
        { label: m("cols.amount"), width: 55, align: "right" },
      ],
      po.lines.map((l) => [num.format(l.lineNo), l.sku, prices.find((p) => p.productId === l.productId)?.supplierSku ?? "", products.find((p) => p.id === l.productId)?.name ?? "", num.format(l.quantity), cost.format(Number(l.unitCost)), money.format(Number(l.unitCost) * l.quantity)]),
    );
    doc.moveDown(1);
    doc.font("Helvetica-Bold").fontSize(11).text(m("purchaseOrder.total", { total: money.format(total) }), { align: "right" });
    if (po.expectedAt) doc.font("Helvetica").fontSize(9).text(m("purchaseOrder.expected", { date: date.format(po.expectedAt) }), { align: "right" });
    if (po.note) doc.moveDown(0.5).font("Helvetica").fontSize(9).text(po.note);
  }, { size: "A4", margin: 36, info: { Title: `Purchase order PO-${po.number}` } });
}
