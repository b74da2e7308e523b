import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { getFormatters } from "@/lib/i18n/format";
import { PRODUCT_CSV_HEADERS, toCsv } from "@/lib/inventory/csv";
import { getCompany } from "@/lib/settings/company";
import { NotAllowed, guardPage } from "../../guard";
import { ProductImport } from "./_components/product-import";

export async function generateMetadata() {
  return { title: (await getTranslations("inventoryImport"))("title") };
}

const REQUIRED: ReadonlySet<string> = new Set(["sku", "name", "price"]);

export default async function ProductImportPage() {
  const { user, allowed } = await guardPage("inventory.manage");
  const t = await getTranslations("inventoryImport");
  if (!allowed) return <NotAllowed user={user} />;
  const [{ currency }, f] = await Promise.all([getCompany(), getFormatters()]);
  // A static example built like an export (BOM, formula-safe), offered as a download.
  const template = toCsv(PRODUCT_CSV_HEADERS, [
    ["EXAMPLE-1", t("template.name1"), "19.99", "7.50", "5901234123457", t("template.category"), 250, true, t("template.description")],
    ["EXAMPLE-2", t("template.name2"), "5.00", null, null, t("template.category"), null, null, null],
  ]);
  const templateHref = `data:text/csv;charset=utf-8,${encodeURIComponent(template)}`;

  return (
    <div className="max-w-5xl space-y-6">
      <PageHeader
        title={t("title")}
        description={t("intro")}
        actions={
          <Button asChild variant="secondary">
            <Link href="/inventory">{t("back")}</Link>
          </Button>
        }
      />
      <Card title={t("format.title")}>
        <p className="text-sm text-slate-600">{t("format.columnsIntro")}</p>
        <dl className="mt-3 divide-y divide-slate-100 text-sm" data-testid="import-columns">
          {PRODUCT_CSV_HEADERS.map((column) => (
            <div key={column} className="grid gap-1 py-2 sm:grid-cols-[11rem_minmax(0,1fr)] sm:gap-4">
              <dt className="flex items-center gap-2">
                <code className="font-mono text-xs font-semibold text-slate-900">{column}</code>
                {REQUIRED.has(column) && <Badge tone="info">{t("format.required")}</Badge>}
              </dt>
              <dd className="text-slate-600">{t(`format.columns.${column}`, { currency })}</dd>
            </div>
          ))}
        </dl>
        <ul className="mt-3 list-disc space-y-1 pl-5 text-sm text-slate-600">
          <li>{t("format.rules.delimiter")}</li>
          <li>{t("format.rules.encoding")}</li>
          <li>{t("format.rules.empty")}</li>
          <li>{t("format.rules.stock")}</li>
        </ul>
        <div className="mt-4 flex flex-wrap items-center gap-x-4 gap-y-2">
          <Button asChild variant="secondary" size="sm">
            <a href={templateHref} download="products-template.csv" data-testid="import-template">
              {t("format.template")}
            </a>
          </Button>
          <p className="text-xs text-slate-500">{t("format.exportHint")}</p>
        </div>
      </Card>
      <ProductImport currency={currency} locale={f.locale} />
    </div>
  );
}
