import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Input } from "@/components/ui/input";
import { PageHeader } from "@/components/ui/page-header";
import { Select } from "@/components/ui/select";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { getFormatters } from "@/lib/i18n/format";
import { listWarehouseCodes } from "@/lib/inventory/api-queries";
import { stockAsOf } from "@/lib/inventory/queries";
import { NotAllowed, guardPage } from "../../guard";
import { InventoryTabs } from "../_components/inventory-tabs";

export async function generateMetadata() {
  return { title: (await getTranslations("inventory.asOf"))("title") };
}

export default async function AsOfPage({ searchParams }: { searchParams: Promise<{ wh?: string; at?: string; q?: string }> }) {
  const { user, allowed } = await guardPage("inventory.view");
  const t = await getTranslations("inventory");
  if (!allowed) return <NotAllowed user={user} />;
  const sp = await searchParams;
  const warehouses = await listWarehouseCodes();
  const wh = warehouses.find((w) => w.code === sp.wh)?.code ?? warehouses[0]?.code;
  const parsed = sp.at && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(sp.at) ? new Date(`${sp.at}:00Z`) : null;
  const at = parsed && !Number.isNaN(parsed.getTime()) ? parsed : new Date();
  const atValue = at.toISOString().slice(0, 16);
  const [rows, f] = await Promise.all([wh ? stockAsOf(wh, at, { q: sp.q?.trim() || undefined }) : Promise.resolve([]), getFormatters()]);
  return (
    <>
      <PageHeader title={t("title")} description={t("asOf.intro")} />
      <InventoryTabs current="asOf" />
      <form method="get" className="mb-4 grid gap-3 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200 sm:grid-cols-4">
        <Select name="wh" defaultValue={wh} aria-label={t("detail.warehouse")}>
          {warehouses.map((w) => (
            <option key={w.code} value={w.code}>{w.code} · {w.name}</option>
          ))}
        </Select>
        <Input type="datetime-local" name="at" defaultValue={atValue} aria-label={t("asOf.at")} />
        <Input type="search" name="q" defaultValue={sp.q} placeholder={t("search")} aria-label={t("search")} />
        <Button type="submit">{t("asOf.show")}</Button>
      </form>
      <p className="mb-3 text-sm text-slate-600" data-testid="as-of-moment">{wh} · {f.dateTime(at)} UTC</p>
      {rows.length === 0 ? (
        <EmptyState title={t("asOf.emptyTitle")} body={t("asOf.emptyBody")} />
      ) : (
        <Table>
          <THead>
            <tr>
              <Th>{t("cols.sku")}</Th>
              <Th>{t("cols.name")}</Th>
              <Th numeric>{t("cols.onHand")}</Th>
            </tr>
          </THead>
          <TBody>
            {rows.map((r) => (
              <Tr key={r.sku}>
                <Td className="font-mono text-xs"><Link className="text-indigo-700 hover:underline" href={`/inventory?q=${encodeURIComponent(r.sku)}`}>{r.sku}</Link></Td>
                <Td>{r.name}</Td>
                <Td numeric>{f.number(r.onHand)}</Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      )}
    </>
  );
}
