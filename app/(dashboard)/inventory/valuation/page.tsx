import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { listAccountBalances } from "@/lib/accounting/queries";
import { getFormatters } from "@/lib/i18n/format";
import { inventoryValuation, totalInventoryValue } from "@/lib/inventory/queries";
import { getCompany } from "@/lib/settings/company";
import { NotAllowed, guardPage } from "../../guard";
import { InventoryTabs } from "../_components/inventory-tabs";

export async function generateMetadata() {
  return { title: (await getTranslations("inventory.valuation"))("title") };
}

export default async function ValuationPage() {
  const { user, allowed } = await guardPage("inventory.view");
  const t = await getTranslations("inventory");
  if (!allowed) return <NotAllowed user={user} />;
  const [rows, accounts, f, company, exact] = await Promise.all([inventoryValuation(), listAccountBalances(), getFormatters(), getCompany(), totalInventoryValue()]);
  const ledger = accounts.find((a) => a.key === "inventory")?.balance ?? 0n;
  return (
    <>
      <PageHeader title={t("title")} description={t("valuation.intro")} />
      <InventoryTabs current="valuation" />
      <div className="mb-4 grid gap-4 sm:grid-cols-2">
        <Card title={t("valuation.total")}>
          <div className="text-2xl font-semibold tabular-nums" data-testid="valuation-total">{f.money(exact, company.currency)}</div>
        </Card>
        <Card title={t("valuation.ledger")}>
          <div className="text-2xl font-semibold tabular-nums" data-testid="valuation-ledger">{f.money(ledger, company.currency)}</div>
        </Card>
      </div>
      {rows.length === 0 ? (
        <EmptyState title={t("valuation.emptyTitle")} body={t("valuation.emptyBody")} />
      ) : (
        <Table>
          <THead>
            <tr>
              <Th>{t("cols.sku")}</Th>
              <Th className="hidden sm:table-cell">{t("cols.name")}</Th>
              <Th>{t("detail.warehouse")}</Th>
              <Th numeric>{t("cols.onHand")}</Th>
              <Th numeric className="hidden sm:table-cell">{t("detail.averageCost")}</Th>
              <Th numeric>{t("valuation.value")}</Th>
            </tr>
          </THead>
          <TBody>
            {rows.map((r) => (
              <Tr key={`${r.sku}-${r.warehouse}`}>
                <Td className="font-mono text-xs">{r.sku}</Td>
                <Td className="hidden sm:table-cell">{r.name}</Td>
                <Td className="font-mono">{r.warehouse}</Td>
                <Td numeric>{f.number(r.onHand)}</Td>
                <Td numeric className="hidden sm:table-cell">{f.unitCost(r.averageCost, r.currency)}</Td>
                <Td numeric>{f.money(r.value, r.currency)}</Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      )}
    </>
  );
}
