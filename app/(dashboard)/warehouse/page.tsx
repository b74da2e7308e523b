import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { can } from "@/lib/authz";
import { getFormatters } from "@/lib/i18n/format";
import { listVirtualLocations, listWarehouseSummaries } from "@/lib/inventory/location-queries";
import { NotAllowed, guardPage } from "../guard";
import { CreateWarehouseDialog } from "./_components/create-warehouse-dialog";

export async function generateMetadata() {
  return { title: (await getTranslations("warehouse"))("title") };
}

export default async function WarehousesPage() {
  const { user, allowed } = await guardPage("warehouse.view");
  const t = await getTranslations("warehouse");
  if (!allowed) return <NotAllowed user={user} />;
  const [warehouses, f] = await Promise.all([listWarehouseSummaries(), getFormatters()]);
  const manage = can(user.role, "inventory.manage");
  const place = (w: { city: string | null; country: string | null }) => [w.city, w.country].filter(Boolean).join(", ");
  return (
    <>
      <PageHeader title={t("title")} description={t("intro")} actions={manage ? <CreateWarehouseDialog /> : undefined} />
      <div className="space-y-6">
        {warehouses.length === 0 ? (
          <EmptyState title={t("emptyTitle")} body={manage ? t("emptyBody") : t("emptyBodyReadOnly")} />
        ) : (
          <Table>
            <THead>
              <tr>
                <Th>{t("cols.code")}</Th>
                <Th>{t("cols.name")}</Th>
                <Th>{t("cols.place")}</Th>
                <Th numeric>{t("cols.bins")}</Th>
                <Th numeric>{t("cols.onHand")}</Th>
              </tr>
            </THead>
            <TBody>
              {warehouses.map((w) => (
                <Tr key={w.code} data-testid={`warehouse-row-${w.code}`}>
                  <Td className="font-mono text-xs whitespace-nowrap">
                    <Link className="font-medium text-indigo-700 hover:underline" href={`/warehouse/${encodeURIComponent(w.code)}`}>
                      {w.code}
                    </Link>
                  </Td>
                  <Td className="min-w-[10rem]">
                    {w.name} {!w.active && <Badge>{t("inactive")}</Badge>}
                  </Td>
                  <Td className="whitespace-nowrap text-slate-600">{place(w)}</Td>
                  <Td numeric>{f.number(w.bins)}</Td>
                  <Td numeric className="font-medium">{f.number(w.onHand)}</Td>
                </Tr>
              ))}
            </TBody>
          </Table>
        )}
        <Card title={t("virtual.title")}>
          <p className="mb-3 text-sm text-slate-600">{t("virtual.intro")}</p>
          <ul className="divide-y divide-slate-100" data-testid="virtual-locations">
            {listVirtualLocations().map((v) => (
              <li key={v.kind} className="flex flex-col gap-0.5 py-2 sm:flex-row sm:items-baseline sm:gap-3">
                <span className="font-medium text-slate-900 sm:w-48 sm:shrink-0">{t(`virtual.${v.kind}.name`)}</span>
                <span className="min-w-0 text-sm text-slate-600">{t(`virtual.${v.kind}.body`)}</span>
                <span className="font-mono text-xs text-slate-400 sm:ml-auto sm:shrink-0">{v.code}</span>
              </li>
            ))}
          </ul>
        </Card>
      </div>
    </>
  );
}
