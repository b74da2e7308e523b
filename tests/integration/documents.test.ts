import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { db } from "@/lib/db";
import { SYSTEM_ACTOR } from "@/lib/audit/service";
import { adjustStock } from "@/lib/inventory/adjustments";
import { createOrder } from "@/lib/orders/service";
import { closePackage, confirmPick, createWave, packScan, shipPackage } from "@/lib/fulfilment/service";
import { binLabelsPdf, packingSlipPdf, pickListPdf, productLabelsPdf, shippingLabelPdf } from "@/lib/documents/pdf";
import { actor, makeProduct, makeWarehouse } from "./inventory-helpers";
import { makeChannel, orderBody } from "./orders-helpers";

const FONTS = `${process.cwd()}/node_modules/pdfjs-dist/standard_fonts/`;

/** The text of every page, extracted by pdf.js (the same parser browsers use). */
async function pdfText(buf: Buffer): Promise<string> {
  const doc = await getDocument({ data: new Uint8Array(buf), standardFontDataUrl: FONTS, isEvalSupported: false }).promise;
  const parts: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const page = await doc.getPage(i);
    const content = await page.getTextContent();
    parts.push(content.items.map((it) => ("str" in it ? it.str : "")).join(" "));
  }
  return parts.join("\n");
}

describe("documents (PDF)", () => {
  it("pick list, packing slip and shipping label carry the order number, SKUs and tracking number", async () => {
    const w = await makeWarehouse();
    const a = await makeProduct();
    await adjustStock(actor, { sku: a.sku, warehouse: w, quantity: 5, reason: "initial", unitCost: "1.00", bin: "B-2" });
    const ch = await makeChannel([w]);
    const { orderId } = await createOrder(SYSTEM_ACTOR, { channelId: ch.id, input: orderBody([{ sku: a.sku, quantity: 2 }]) });
    const order = await db().order.findUniqueOrThrow({ where: { id: orderId } });
    const wave = await createWave(actor, { warehouse: w, kind: "single", orderIds: [orderId], maxOrders: 1, maxLines: 10 });

    const pick = await pickListPdf(wave.number);
    expect(pick.subarray(0, 5).toString()).toBe("%PDF-");
    const pickText = await pdfText(pick);
    expect(pickText).toContain(`Pick list W-${wave.number}`);
    expect(pickText).toContain(a.sku);
    expect(pickText).toContain(`SO-${order.number}`);
    expect(pickText).toContain("B-2");

    const [task] = await db().pickTask.findMany({ where: { waveId: wave.waveId } });
    await confirmPick(actor, { scanId: randomUUID(), taskId: task!.id, bin: "B-2", item: a.sku, quantity: 2, short: false });
    let pkg = "";
    for (let i = 0; i < 2; i++) pkg = (await packScan(actor, { scanId: randomUUID(), orderId, warehouse: w, item: a.sku })).packageId;
    await closePackage(actor, { packageId: pkg, boxType: "S", weightGrams: 750 });
    const slip = await pdfText(await packingSlipPdf(pkg));
    expect(slip).toContain(`Packing slip SO-${order.number}`);
    expect(slip).toContain(a.sku);
    expect(slip).toContain("Casey Customer");

    const tracking = `1ZQM${randomUUID().slice(0, 8).toUpperCase()}`;
    const s = await shipPackage(actor, { packageId: pkg, carrier: "manual", service: "Express", trackingNumber: tracking });
    const label = await shippingLabelPdf(s.shipmentId);
    const labelDoc = await getDocument({ data: new Uint8Array(label), standardFontDataUrl: FONTS, isEvalSupported: false }).promise;
    const page = await labelDoc.getPage(1);
    expect(page.view.slice(2)).toEqual([288, 432]); // 4 × 6 in
    const labelText = await pdfText(label);
    expect(labelText).toContain(tracking);
    expect(labelText).toContain(`SO-${order.number}`);
    expect(labelText).toContain("1 Main St");
  });

  it("bin and product label sheets list every bin and product asked for", async () => {
    const w = await makeWarehouse();
    const a = await makeProduct();
    const b = await makeProduct();
    const bins = await pdfText(await binLabelsPdf(w));
    for (const code of ["RECV", "B-1", "B-2"]) expect(bins).toContain(code);
    const products = await pdfText(await productLabelsPdf({ skus: [a.sku, b.sku] }));
    expect(products).toContain(a.sku);
    expect(products).toContain(b.sku);
    expect(products).toContain("$10.00");
  });
});
