import { getTranslations } from "next-intl/server";
import { Button } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { Select } from "@/components/ui/select";
import { db } from "@/lib/db";
import { putawayQueue } from "@/lib/purchasing/queries";
import { NotAllowed, guardPage } from "../../guard";
import { PutawayScreen } from "../_components/putaway-screen";
import { PurchasingTabs } from "../_components/tabs";

export async function generateMetadata() {
  return { title: (await getTranslations("purchasing.tabs"))("putaway") };
}

export default async function PutawayPage({ searchParams }: { searchParams: Promise<{ warehouse?: string }> }) {
  const { user, allowed } = await guardPage("warehouse.operate");
  const t = await getTranslations("purchasing.putaway");
  if (!allowed) return <NotAllowed user={user} />;
  const warehouses = await db().warehouse.findMany({ where: { active: true }, select: { code: true, name: true }, orderBy: { code: "asc" } });
  const code = (await searchParams).warehouse ?? warehouses[0]?.code ?? "";
  const q = code ? await putawayQueue(code) : null;
  return (
    <>
      <PageHeader title={t("title", { warehouse: q?.warehouse.code ?? code })} description={t("intro")} />
      <PurchasingTabs current="putaway" />
      <form method="get" className="mb-4 flex flex-wrap items-center gap-2 text-sm">
        <label htmlFor="pw-warehouse">{t("warehouse")}</label>
        <Select id="pw-warehouse" name="warehouse" defaultValue={code} className="w-auto min-w-0 flex-1 sm:flex-none">
          {warehouses.map((w) => (
            <option key={w.code} value={w.code}>
              {w.code} — {w.name}
            </option>
          ))}
        </Select>
        <Button type="submit" variant="secondary">
          {t("show")}
        </Button>
      </form>
      {q && <PutawayScreen warehouse={q.warehouse.code} items={q.items.map((i) => ({ sku: i.sku, name: i.name, barcode: i.barcode, free: i.free, suggested: i.suggested }))} />}
    </>
  );
}
