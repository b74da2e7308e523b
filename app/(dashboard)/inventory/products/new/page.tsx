import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import { getCompany } from "@/lib/settings/company";
import { NotAllowed, guardPage } from "../../../guard";
import { ProductForm } from "../../_components/product-form";

export async function generateMetadata() {
  return { title: (await getTranslations("inventory"))("newProduct") };
}

export default async function NewProductPage() {
  const { user, allowed } = await guardPage("inventory.manage");
  const t = await getTranslations("inventory");
  if (!allowed) return <NotAllowed user={user} />;
  const { currency } = await getCompany();
  const empty = { sku: "", name: "", price: "", cost: "", barcode: "", category: "", description: "", weightGrams: "", lengthMm: "", widthMm: "", heightMm: "", parentSku: "", active: true };
  return (
    <div className="max-w-3xl">
      <PageHeader title={t("newProduct")} />
      <ProductForm initial={empty} currency={currency} />
    </div>
  );
}
