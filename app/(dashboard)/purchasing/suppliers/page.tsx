import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { can } from "@/lib/authz";
import { getFormatters } from "@/lib/i18n/format";
import { listSuppliers } from "@/lib/purchasing/queries";
import { NotAllowed, guardPage } from "../../guard";
import { CreateSupplierForm } from "../_components/supplier-forms";
import { PurchasingTabs } from "../_components/tabs";

export async function generateMetadata() {
  return { title: (await getTranslations("purchasing.tabs"))("suppliers") };
}

export default async function SuppliersPage() {
  const { user, allowed } = await guardPage("purchasing.view");
  const t = await getTranslations("purchasing");
  if (!allowed) return <NotAllowed user={user} />;
  const [rows, f] = await Promise.all([listSuppliers(), getFormatters()]);
  return (
    <>
      <PageHeader title={t("title")} description={t("intro")} />
      <PurchasingTabs current="suppliers" />
      {rows.length === 0 ? (
        <EmptyState title={t("tabs.suppliers")} body={t("suppliers.empty")} />
      ) : (
        <Table data-testid="suppliers">
          <THead>
            <tr>
              <Th>{t("suppliers.cols.code")}</Th>
              <Th>{t("suppliers.cols.name")}</Th>
              <Th>{t("suppliers.cols.email")}</Th>
              <Th>{t("suppliers.cols.lead")}</Th>
              <Th>{t("suppliers.cols.terms")}</Th>
              <Th numeric>{t("suppliers.cols.prices")}</Th>
              <Th numeric>{t("suppliers.cols.open")}</Th>
            </tr>
          </THead>
          <TBody>
            {rows.map((s) => (
              <Tr key={s.id}>
                <Td className="font-mono text-xs">
                  <Link className="font-medium text-indigo-700 hover:underline" href={`/purchasing/suppliers/${encodeURIComponent(s.code)}`}>
                    {s.code}
                  </Link>
                </Td>
                <Td className="min-w-[10rem]">{s.name}</Td>
                <Td className="whitespace-nowrap">{s.email}</Td>
                <Td className="whitespace-nowrap">{t("suppliers.days", { n: s.leadTimeDays })}</Td>
                <Td className="whitespace-nowrap">{s.paymentTerms}</Td>
                <Td numeric>{f.number(s.prices)}</Td>
                <Td numeric>{f.number(s.openOrders)}</Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      )}
      {can(user.role, "purchasing.manage") && (
        <Card title={t("suppliers.new")} className="mt-6">
          <CreateSupplierForm />
        </Card>
      )}
    </>
  );
}
