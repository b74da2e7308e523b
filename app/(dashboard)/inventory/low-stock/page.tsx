import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { getFormatters } from "@/lib/i18n/format";
import { lowStock } from "@/lib/inventory/queries";
import { NotAllowed, guardPage } from "../../guard";
import { InventoryTabs } from "../_components/inventory-tabs";

export async function generateMetadata() {
  return { title: (await getTranslations("inventory.low"))("title") };
}

export default async function LowStockPage() {
  const { user, allowed } = await guardPage("inventory.view");
  const t = await getTranslations("inventory");
  if (!allowed) return <NotAllowed user={user} />;
  const [rows, f] = await Promise.all([lowStock(), getFormatters()]);
  return (
    <>
      <PageHeader title={t("title")} description={t("low.intro")} />
      <InventoryTabs current="lowStock" />
      {rows.length === 0 ? (
        <EmptyState title={t("low.emptyTitle")} body={t("low.emptyBody")} />
      ) : (
        <Table>
          <THead>
            <tr>
              <Th>{t("cols.sku")}</Th>
              <Th>{t("cols.name")}</Th>
              <Th>{t("detail.warehouse")}</Th>
              <Th numeric>{t("cols.available")}</Th>
              <Th numeric>{t("detail.reorderPoint")}</Th>
              <Th numeric>{t("low.shortBy")}</Th>
              <Th numeric className="hidden sm:table-cell">{t("detail.reorderQuantity")}</Th>
            </tr>
          </THead>
          <TBody>
            {rows.map((r) => (
              <Tr key={`${r.productId}-${r.warehouse}`}>
                <Td className="font-mono text-xs"><Link className="text-indigo-700 hover:underline" href={`/inventory/products/${r.productId}`}>{r.sku}</Link></Td>
                <Td>{r.name}</Td>
                <Td className="font-mono">{r.warehouse}</Td>
                <Td numeric className={r.available <= 0 ? "font-medium text-red-700" : "font-medium"}>{f.number(r.available)}</Td>
                <Td numeric>{f.number(r.reorderPoint)}</Td>
                <Td numeric>{f.number(r.reorderPoint - r.available)}</Td>
                <Td numeric className="hidden sm:table-cell">{r.reorderQuantity === null ? "—" : f.number(r.reorderQuantity)}</Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      )}
    </>
  );
}
