import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { can } from "@/lib/authz";
import { getFormatters } from "@/lib/i18n/format";
import { listPurchaseOrders } from "@/lib/purchasing/queries";
import { NotAllowed, guardPage } from "../guard";
import { PoStatus } from "./_components/po-status";
import { PurchasingTabs } from "./_components/tabs";

export async function generateMetadata() {
  return { title: (await getTranslations("purchasing"))("title") };
}

export default async function PurchasingPage() {
  const { user, allowed } = await guardPage("purchasing.view");
  const t = await getTranslations("purchasing");
  if (!allowed) return <NotAllowed user={user} />;
  const [rows, f] = await Promise.all([listPurchaseOrders(), getFormatters()]);
  const money = (x: string, c: string) => new Intl.NumberFormat(f.locale, { style: "currency", currency: c }).format(Number(x));
  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("intro")}
        actions={
          can(user.role, "purchasing.manage") ? (
            <Button asChild>
              <Link href="/purchasing/orders/new">{t("newOrder")}</Link>
            </Button>
          ) : undefined
        }
      />
      <PurchasingTabs current="orders" />
      {rows.length === 0 ? (
        <EmptyState title={t("tabs.orders")} body={t("orders.empty")} />
      ) : (
        <Table data-testid="purchase-orders">
          <THead>
            <tr>
              <Th>{t("orders.cols.number")}</Th>
              <Th>{t("orders.cols.supplier")}</Th>
              <Th>{t("orders.cols.warehouse")}</Th>
              <Th>{t("orders.cols.status")}</Th>
              <Th numeric>{t("orders.cols.received")}</Th>
              <Th numeric>{t("orders.cols.total")}</Th>
              <Th>{t("orders.cols.expected")}</Th>
            </tr>
          </THead>
          <TBody>
            {rows.map((r) => (
              <Tr key={r.id}>
                <Td className="whitespace-nowrap">
                  <Link className="font-medium text-indigo-700 hover:underline" href={`/purchasing/orders/${r.id}`}>
                    PO-{r.number}
                  </Link>
                </Td>
                <Td className="min-w-[10rem]">{r.supplierName}</Td>
                <Td className="font-mono text-xs">{r.warehouse}</Td>
                <Td>
                  <PoStatus status={r.status} label={t(`status.${r.status as "DRAFT"}`)} />
                </Td>
                <Td numeric className="whitespace-nowrap">
                  {f.number(r.received + r.damaged)} / {f.number(r.ordered)}
                </Td>
                <Td numeric>{money(r.total, r.currency)}</Td>
                <Td className="whitespace-nowrap text-slate-600">{r.expectedAt ? f.date(r.expectedAt) : "—"}</Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      )}
    </>
  );
}
