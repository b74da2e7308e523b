import "server-only";
import { createTranslator } from "use-intl/core";
import { db } from "../db";
import { env } from "../env";
import { loadMessages } from "../i18n/messages";
import { getCompany } from "../settings/company";
import { purchaseOrderPdf } from "../documents/pdf";

type T = (key: string, values?: Record<string, string | number>) => string;
const t = (): T => createTranslator({ locale: "en", messages: loadMessages("en") as never, namespace: "emails" as never }) as unknown as T;

export type RenderedEmail = { subject: string; text: string; html: string; attachments?: { filename: string; content: Buffer; contentType: string }[] };

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

function baseUrl(): string {
  return (env().APP_URL ?? `http://localhost:${env().PORT}`).replace(/\/$/, "");
}

type AlertRow = { id: bigint; sku: string; name: string; product_id: string; warehouse: string; available: number; reorder_point: number; created_at: Date };

async function alerts(ids: bigint[]): Promise<AlertRow[]> {
  if (!ids.length) return [];
  return db().$queryRaw<AlertRow[]>`
    SELECT a.id, p.sku, p.name, p.id::text AS product_id, w.code AS warehouse, a.available, a.reorder_point, a.created_at
    FROM alerts a JOIN products p ON p.id = a.product_id JOIN warehouses w ON w.id = a.warehouse_id
    WHERE a.id = ANY(${ids}::bigint[]) ORDER BY a.created_at, a.id`;
}

function layout(title: string, intro: string, rows: AlertRow[], m: T): RenderedEmail["html"] {
  const nf = new Intl.NumberFormat("en-US");
  const tr = rows
    .map(
      (a) => `<tr><td style="padding:6px 8px;border-bottom:1px solid #e2e8f0"><a href="${esc(`${baseUrl()}/inventory/products/${a.product_id}`)}" style="color:#4338ca">${esc(a.sku)}</a><br><span style="color:#475569">${esc(a.name)}</span></td>` +
        `<td style="padding:6px 8px;border-bottom:1px solid #e2e8f0">${esc(a.warehouse)}</td>` +
        `<td style="padding:6px 8px;border-bottom:1px solid #e2e8f0;text-align:right">${nf.format(a.available)}</td>` +
        `<td style="padding:6px 8px;border-bottom:1px solid #e2e8f0;text-align:right">${nf.format(a.reorder_point)}</td></tr>`,
    )
    .join("");
  return `<!doctype html><html><body style="font-family:system-ui,-apple-system,Segoe UI,sans-serif;color:#0f172a;background:#f8fafc;padding:24px">
<div style="max-width:560px;margin:auto;background:#fff;border-radius:8px;padding:24px;border:1px solid #e2e8f0">
<h1 style="font-size:18px;margin:0 0 8px">${esc(title)}</h1><p style="margin:0 0 16px;color:#334155">${esc(intro)}</p>
<table style="width:100%;border-collapse:collapse;font-size:14px"><thead><tr>
<th style="text-align:left;padding:6px 8px;border-bottom:2px solid #cbd5e1">${esc(m("cols.item"))}</th><th style="text-align:left;padding:6px 8px;border-bottom:2px solid #cbd5e1">${esc(m("cols.warehouse"))}</th>
<th style="text-align:right;padding:6px 8px;border-bottom:2px solid #cbd5e1">${esc(m("cols.available"))}</th><th style="text-align:right;padding:6px 8px;border-bottom:2px solid #cbd5e1">${esc(m("cols.reorderPoint"))}</th>
</tr></thead><tbody>${tr}</tbody></table>
<p style="margin:16px 0 0;font-size:12px;color:#64748b">${esc(m("footer", { url: `${baseUrl()}/settings` }))}</p></div></body></html>`;
}

function textRows(rows: AlertRow[], m: T): string {
  return rows.map((a) => m("textRow", { sku: a.sku, name: a.name, warehouse: a.warehouse, available: a.available, point: a.reorder_point, url: `${baseUrl()}/inventory/products/${a.product_id}` })).join("\n");
}

/** The email of one outbox row, rendered when it is sent (alerts never change). */
export async function renderOutboxEmail(row: { kind: string; payload: unknown }): Promise<RenderedEmail> {
  const m = t();
  if (row.kind === "low_stock") {
    const [a] = await alerts([BigInt((row.payload as { alertId: number | string }).alertId)]);
    if (!a) throw new Error("The alert of this email no longer exists.");
    const subject = m("lowStock.subject", { sku: a.sku, warehouse: a.warehouse });
    const intro = m("lowStock.intro", { sku: a.sku, warehouse: a.warehouse, available: a.available, point: a.reorder_point });
    return { subject, html: layout(subject, intro, [a], m), text: `${intro}\n\n${textRows([a], m)}\n\n${m("footer", { url: `${baseUrl()}/settings` })}\n` };
  }
  if (row.kind === "digest") {
    const rows = await alerts(((row.payload as { alertIds: (number | string)[] }).alertIds ?? []).map((x) => BigInt(x)));
    const subject = m("digest.subject", { count: rows.length });
    const intro = m("digest.intro", { count: rows.length });
    return { subject, html: layout(subject, intro, rows, m), text: `${intro}\n\n${textRows(rows, m)}\n\n${m("footer", { url: `${baseUrl()}/settings` })}\n` };
  }
  if (row.kind === "purchase_order") {
    const poId = (row.payload as { poId: string }).poId;
    const po = await db().purchaseOrder.findUnique({ where: { id: poId }, include: { supplier: true, lines: true } });
    if (!po) throw new Error("The purchase order of this email no longer exists.");
    const w = await db().warehouse.findUniqueOrThrow({ where: { id: po.warehouseId }, select: { name: true } });
    const { name: company } = await getCompany();
    const total = new Intl.NumberFormat("en-US", { style: "currency", currency: po.currency }).format(po.lines.reduce((s, l) => s + Number(l.unitCost) * l.quantity, 0));
    const subject = m("purchaseOrder.subject", { number: po.number, company });
    const text = m("purchaseOrder.body", { supplier: po.supplier.contactName ?? po.supplier.name, number: po.number, lines: po.lines.length, total, warehouse: w.name, company });
    const html = `<!doctype html><html><body style="font-family:system-ui,sans-serif;color:#0f172a">${text.split("\n").map((p) => (p ? `<p style="margin:0 0 4px">${esc(p)}</p>` : "<br>")).join("")}</body></html>`;
    return { subject, text, html, attachments: [{ filename: `PO-${po.number}.pdf`, content: await purchaseOrderPdf(po.id), contentType: "application/pdf" }] };
  }
  throw new Error(`Unknown email kind ${row.kind}.`);
}
