import { requireUser } from "@/lib/auth";
import { binLabelsPdf, packingSlipPdf, pickListPdf, productLabelsPdf, purchaseOrderPdf, shippingLabelPdf } from "@/lib/documents/pdf";
import { AppError, errorBody, httpStatus, toAppError } from "@/lib/errors";
import { pickFormatLocale } from "@/lib/i18n/locale";

/**
 * GET /fulfilment/documents/{kind} (signed-in session) — printable PDFs:
 * pick-list?wave=N · packing-slip?package=ID · label?shipment=ID (4×6 in) ·
 * bin-labels?warehouse=CODE[&prefix=A-] · product-labels?sku=A&sku=B[&category=C] · purchase-order?po=ID.
 * Errors answer JSON `{"error":{"code","message"}}`.
 */
export async function GET(req: Request, ctx: { params: Promise<{ kind: string }> }): Promise<Response> {
  try {
    const { kind } = await ctx.params;
    const q = new URL(req.url).searchParams;
    const locale = pickFormatLocale(req.headers.get("accept-language"));
    const uuid = (name: string) => {
      const v = q.get(name) ?? "";
      if (!/^[0-9a-f-]{36}$/i.test(v)) throw new AppError("VALIDATION", `Give ?${name}= as an id.`);
      return v;
    };
    let pdf: Buffer;
    let name: string;
    if (kind === "pick-list") {
      await requireUser("warehouse.view");
      const n = Number(q.get("wave"));
      if (!Number.isInteger(n) || n <= 0) throw new AppError("VALIDATION", "Give ?wave= as a wave number.");
      pdf = await pickListPdf(n, locale);
      name = `pick-list-W-${n}.pdf`;
    } else if (kind === "packing-slip") {
      await requireUser("warehouse.view");
      pdf = await packingSlipPdf(uuid("package"), locale);
      name = "packing-slip.pdf";
    } else if (kind === "label") {
      await requireUser("warehouse.view");
      pdf = await shippingLabelPdf(uuid("shipment"));
      name = "shipping-label.pdf";
    } else if (kind === "bin-labels") {
      await requireUser("warehouse.view");
      const w = q.get("warehouse") ?? "";
      pdf = await binLabelsPdf(w, q.get("prefix") ?? undefined);
      name = `bin-labels-${w.replace(/[^A-Za-z0-9-]/g, "")}.pdf`;
    } else if (kind === "purchase-order") {
      await requireUser("purchasing.view");
      pdf = await purchaseOrderPdf(uuid("po"), locale);
      name = "purchase-order.pdf";
    } else if (kind === "product-labels") {
      await requireUser("inventory.view");
      pdf = await productLabelsPdf({ skus: q.getAll("sku").filter(Boolean), category: q.get("category") ?? undefined }, locale);
      name = "product-labels.pdf";
    } else {
      throw new AppError("NOT_FOUND", "Unknown document.");
    }
    return new Response(new Uint8Array(pdf), {
      status: 200,
      headers: { "content-type": "application/pdf", "content-disposition": `inline; filename="${name}"`, "cache-control": "no-store" },
    });
  } catch (e) {
    const err = toAppError(e, "GET /fulfilment/documents");
    return Response.json(errorBody(err), { status: httpStatus(err.code), headers: { "cache-control": "no-store" } });
  }
}
