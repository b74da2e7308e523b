import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { listAlerts } from "@/lib/alerts/service";
import { getFormatters } from "@/lib/i18n/format";
import { NotAllowed, guardPage } from "../../guard";
import { InventoryTabs } from "../_components/inventory-tabs";

export async function generateMetadata() {
  return { title: (await getTranslations("inventory.alerts"))("title") };
}

/** The in-app list of low-stock alerts, newest first. */
export default async function AlertsPage() {
  const { user, allowed } = await guardPage("inventory.view");
  const t = await getTranslations("inventory.alerts");
  if (!allowed) return <NotAllowed user={user} />;
  const [rows, f] = await Promise.all([listAlerts(), getFormatters()]);
  return (
    <>
      <PageHeader title={t("title")} description={t("intro")} />
      <InventoryTabs current="alerts" />
      {rows.length === 0 ? (
        <EmptyState title={t("title")} body={t("empty")} />
      ) : (
        <Table data-testid="alerts">
          <THead>
            <tr>
              <Th>{t("cols.when")}</Th>
              <Th>{t("cols.item")}</Th>
              <Th>{t("cols.warehouse")}</Th>
              <Th numeric>{t("cols.available")}</Th>
              <Th numeric>{t("cols.point")}</Th>
              <Th>{t("cols.now")}</Th>
            </tr>
          </THead>
          <TBody>
            {rows.map((a) => (
              <Tr key={a.id.toString()}>
                <Td className="whitespace-nowrap text-slate-600">{f.dateTime(a.createdAt)}</Td>
                <Td className="min-w-[12rem]">
                  <Link className="font-mono text-xs font-medium text-indigo-700 hover:underline" href={`/inventory/products/${a.productId}`}>
                    {a.sku}
                  </Link>
                  <span className="block text-sm text-slate-600">{a.name}</span>
                </Td>
                <Td className="font-mono text-xs">{a.warehouse}</Td>
                <Td numeric className="font-medium text-red-700">
                  {f.number(a.available)}
                </Td>
                <Td numeric>{f.number(a.reorderPoint)}</Td>
                <Td>{a.below ? <Badge tone="warning">{t("stillBelow")}</Badge> : <Badge tone="success">{t("recovered")}</Badge>}</Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      )}
    </>
  );
}
