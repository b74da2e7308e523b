import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/ui/page-header";
import { productDetail } from "@/lib/inventory/queries";
import { toDecimalString } from "@/lib/money";
import { NotAllowed, guardPage } from "../../../../guard";
import { ProductForm } from "../../../_components/product-form";

export default async function EditProductPage({ params }: { params: Promise<{ id: string }> }) {
  const { user, allowed } = await guardPage("inventory.manage");
  const t = await getTranslations("inventory");
  if (!allowed) return <NotAllowed user={user} />;
  const { id } = await params;
  const d = /^[0-9a-f-]{36}$/i.test(id) ? await productDetail(id) : null;
  if (!d) notFound();
  const p = d.product;
  const s = (v: number | null | undefined) => (v === null || v === undefined ? "" : String(v));
  return (
    <div className="max-w-3xl">
      <PageHeader title={`${t("edit")}: ${p.name}`} />
      <ProductForm
        currency={p.currency}
        initial={{
          id: p.id,
          sku: p.sku,
          name: p.name,
          price: toDecimalString(p.price, p.currency),
          cost: p.standardCost?.toString() ?? "",
          barcode: p.barcode ?? "",
          category: p.category ?? "",
          description: p.description ?? "",
          weightGrams: s(p.weightGrams),
          lengthMm: s(p.lengthMm),
          widthMm: s(p.widthMm),
          heightMm: s(p.heightMm),
          parentSku: p.parent?.sku ?? "",
          active: p.active,
        }}
      />
    </div>
  );
}
