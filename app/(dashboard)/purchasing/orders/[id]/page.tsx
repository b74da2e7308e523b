import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { Button } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { can } from "@/lib/authz";
import { getFormatters } from "@/lib/i18n/format";
import { purchaseOrderDetail } from "@/lib/purchasing/queries";
import { NotAllowed, guardPage } from "../../../guard";
import { PoActions } from "../../_components/po-actions";
import { PoStatus } from "../../_components/po-status";

export async function generateMetadata() {
  return { title: (await getTranslations("purchasing"))("title") };
}

export default async function PurchaseOrderPage({ params }: { params: Promise<{ id: string }> }) {
  const { user, allowed } = await guardPage("purchasing.view");
  const t = await getTranslations("purchasing");
  if (!allowed) return <NotAllowed user={user} />;
  const d = await purchaseOrderDetail((await params).id);
  if (!d) notFound();
  const f = await getFormatters();
  const { po } = d;
  const cost = (x: string) => new Intl.NumberFormat(f.locale, { style: "currency", currency: po.currency, minimumFractionDigits: 2, maximumFractionDigits: 4 }).format(Number(x));
  const manage = can(user.role, "purchasing.manage");
  const actions = manage
    ? [
        ...(po.status === "DRAFT" ? [{ run: "send" as const, label: t("order.send"), done: t("order.sent", { number: po.number }), variant: "primary" as const }] : []),
        ...(["DRAFT", "SENT"].includes(po.status) ? [{ run: "cancel" as const, label: t("order.cancel"), done: t("order.cancelled"), variant: "danger" as const, confirm: t("order.cancel") + "?" }] : []),
        ...(["PARTIALLY_RECEIVED", "RECEIVED"].includes(po.status) ? [{ run: "close" as const, label: t("order.close"), done: t("order.closed") }] : []),
      ]
    : [];
  const receivable = ["SENT", "PARTIALLY_RECEIVED"].includes(po.status) && can(user.role, "warehouse.operate");
  return (
    <>
      <Link href="/purchasing" className="mb-2 inline-block text-sm text-indigo-700 hover:underline">
        ← {t("order.back")}
      </Link>
      <PageHeader
        title={t("order.title", { number: po.number })}
        description={t("order.sub", { supplier: `${po.supplier.name} (${po.supplier.code})`, warehouse: d.warehouse.code, terms: po.supplier.paymentTerms })}
        actions={
          <div className="flex flex-wrap gap-2">
            <Button asChild variant="secondary">
              <a href={`/fulfilment/documents/purchase-order?po=${po.id}`} target="_blank" rel="noopener">
                {t("order.pdf")}
              </a>
            </Button>
            {receivable && (
              <Button asChild>
                <Link href={`/purchasing/receive/${po.id}`}>{t("order.receive")}</Link>
              </Button>
            )}
          </div>
        }
      />
      <div className="mb-4 flex flex-wrap items-center gap-3">
        <span data-testid="po-status">
          <PoStatus status={po.status} label={t(`status.${po.status}`)} />
        </span>
        {po.expectedAt && <span className="text-sm text-slate-600">{f.date(po.expectedAt)}</span>}
        <PoActions poId={po.id} actions={actions} />
      </div>
      <Table data-testid="po-lines">
        <THead>
          <tr>
            <Th numeric>{t("order.cols.line")}</Th>
            <Th>{t("order.cols.sku")}</Th>
            <Th>{t("order.cols.product")}</Th>
            <Th numeric>{t("order.cols.ordered")}</Th>
            <Th numeric>{t("order.cols.received")}</Th>
            <Th numeric>{t("order.cols.damaged")}</Th>
            <Th numeric>{t("order.cols.open")}</Th>
            <Th numeric>{t("order.cols.unitCost")}</Th>
          </tr>
        </THead>
        <TBody>
          {d.lines.map((l) => (
            <Tr key={l.id} data-testid={`po-line-${l.sku}`}>
              <Td numeric>{f.number(l.lineNo)}</Td>
              <Td className="font-mono text-xs whitespace-nowrap">{l.sku}</Td>
              <Td className="min-w-[10rem]">{l.name}</Td>
              <Td numeric>{f.number(l.quantity)}</Td>
              <Td numeric data-testid="received">{f.number(l.received)}</Td>
              <Td numeric>{f.number(l.damaged)}</Td>
              <Td numeric>{f.number(l.open)}</Td>
              <Td numeric>{cost(l.unitCost)}</Td>
            </Tr>
          ))}
        </TBody>
      </Table>
      {po.note && <p className="mt-4 text-sm text-slate-600">{po.note}</p>}
    </>
  );
}
