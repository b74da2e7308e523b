import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { can } from "@/lib/authz";
import { getFormatters } from "@/lib/i18n/format";
import { replenishmentSuggestions } from "@/lib/purchasing/service";
import { NotAllowed, guardPage } from "../../guard";
import { DraftFromSuggestionsButton } from "../_components/supplier-forms";
import { PurchasingTabs } from "../_components/tabs";

export async function generateMetadata() {
  return { title: (await getTranslations("purchasing.tabs"))("replenishment") };
}

export default async function ReplenishmentPage() {
  const { user, allowed } = await guardPage("purchasing.view");
  const t = await getTranslations("purchasing");
  if (!allowed) return <NotAllowed user={user} />;
  const [rows, f] = await Promise.all([replenishmentSuggestions(), getFormatters()]);
  return (
    <>
      <PageHeader title={t("title")} description={t("replenishment.intro")} actions={can(user.role, "purchasing.manage") && rows.some((r) => r.supplier) ? <DraftFromSuggestionsButton /> : undefined} />
      <PurchasingTabs current="replenishment" />
      {rows.length === 0 ? (
        <EmptyState title={t("tabs.replenishment")} body={t("replenishment.empty")} />
      ) : (
        <Table data-testid="suggestions">
          <THead>
            <tr>
              <Th>{t("replenishment.cols.supplier")}</Th>
              <Th>{t("replenishment.cols.item")}</Th>
              <Th>{t("replenishment.cols.warehouse")}</Th>
              <Th numeric>{t("replenishment.cols.onHand")}</Th>
              <Th numeric>{t("replenishment.cols.reserved")}</Th>
              <Th numeric>{t("replenishment.cols.backordered")}</Th>
              <Th numeric>{t("replenishment.cols.incoming")}</Th>
              <Th numeric>{t("replenishment.cols.point")}</Th>
              <Th numeric>{t("replenishment.cols.suggest")}</Th>
            </tr>
          </THead>
          <TBody>
            {rows.map((r) => (
              <Tr key={`${r.productId}-${r.warehouse}`}>
                <Td className="whitespace-nowrap">{r.supplierName ?? <span className="text-amber-700">{t("replenishment.noSupplier")}</span>}</Td>
                <Td className="min-w-[12rem]">
                  <Link className="font-mono text-xs font-medium text-indigo-700 hover:underline" href={`/inventory/products/${r.productId}`}>
                    {r.sku}
                  </Link>
                  <span className="block text-sm text-slate-600">{r.name}</span>
                </Td>
                <Td className="font-mono text-xs">{r.warehouse}</Td>
                <Td numeric>{f.number(r.onHand)}</Td>
                <Td numeric>{f.number(r.reserved)}</Td>
                <Td numeric>{f.number(r.backordered)}</Td>
                <Td numeric>{f.number(r.incoming)}</Td>
                <Td numeric>{f.number(r.reorderPoint)}</Td>
                <Td numeric className="font-semibold">
                  {f.number(r.quantity)}
                </Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      )}
    </>
  );
}
