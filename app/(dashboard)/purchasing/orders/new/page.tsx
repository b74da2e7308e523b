import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { db } from "@/lib/db";
import { NotAllowed, guardPage } from "../../../guard";
import { NewPoForm } from "../../_components/new-po-form";

export async function generateMetadata() {
  return { title: (await getTranslations("purchasing.new"))("title") };
}

export default async function NewPurchaseOrderPage() {
  const { user, allowed } = await guardPage("purchasing.manage");
  const t = await getTranslations("purchasing.new");
  if (!allowed) return <NotAllowed user={user} />;
  const [suppliers, warehouses] = await Promise.all([
    db().supplier.findMany({ where: { active: true }, select: { code: true, name: true }, orderBy: { code: "asc" } }),
    db().warehouse.findMany({ where: { active: true }, select: { code: true, name: true }, orderBy: { code: "asc" } }),
  ]);
  return (
    <>
      <PageHeader title={t("title")} />
      <Card>
        <NewPoForm suppliers={suppliers} warehouses={warehouses} />
      </Card>
    </>
  );
}
