import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { can } from "@/lib/authz";
import { getFormatters } from "@/lib/i18n/format";
import { supplierDetail } from "@/lib/purchasing/queries";
import { NotAllowed, guardPage } from "../../../guard";
import { SetPriceForm } from "../../_components/supplier-forms";

export async function generateMetadata({ params }: { params: Promise<{ code: string }> }) {
  return { title: decodeURIComponent((await params).code) };
}

export default async function SupplierPage({ params }: { params: Promise<{ code: string }> }) {
  const { user, allowed } = await guardPage("purchasing.view");
  const t = await getTranslations("purchasing.suppliers");
  const tt = await getTranslations("purchasing.tabs");
  if (!allowed) return <NotAllowed user={user} />;
  const d = await supplierDetail(decodeURIComponent((await params).code));
  if (!d) notFound();
  const f = await getFormatters();
  const s = d.supplier;
  const cost = (x: string) => new Intl.NumberFormat(f.locale, { style: "currency", currency: s.currency, minimumFractionDigits: 2, maximumFractionDigits: 4 }).format(Number(x));
  return (
    <>
      <Link href="/purchasing/suppliers" className="mb-2 inline-block text-sm text-indigo-700 hover:underline">
        ← {tt("suppliers")}
      </Link>
      <PageHeader title={`${s.name} (${s.code})`} description={[s.contactName, s.email, s.phone, t("days", { n: s.leadTimeDays }), s.paymentTerms, s.currency].filter(Boolean).join(" · ")} />
      <Card title={t("prices")}>
        {d.prices.length === 0 ? (
          <p className="text-sm text-slate-500">{t("noPrices")}</p>
        ) : (
          <Table>
            <THead>
              <tr>
                <Th>{t("priceCols.sku")}</Th>
                <Th>{t("priceCols.product")}</Th>
                <Th>{t("priceCols.supplierSku")}</Th>
                <Th numeric>{t("priceCols.unitCost")}</Th>
                <Th numeric>{t("priceCols.moq")}</Th>
                <Th numeric>{t("priceCols.pack")}</Th>
              </tr>
            </THead>
            <TBody>
              {d.prices.map((p) => (
                <Tr key={p.sku}>
                  <Td className="font-mono text-xs">{p.sku}</Td>
                  <Td>{p.name}</Td>
                  <Td className="font-mono text-xs">{p.supplierSku ?? "—"}</Td>
                  <Td numeric>{cost(p.unitCost)}</Td>
                  <Td numeric>{f.number(p.minOrderQty)}</Td>
                  <Td numeric>{f.number(p.packSize)}</Td>
                </Tr>
              ))}
            </TBody>
          </Table>
        )}
        {can(user.role, "purchasing.manage") && (
          <div className="mt-4">
            <SetPriceForm supplier={s.code} />
          </div>
        )}
      </Card>
    </>
  );
}
