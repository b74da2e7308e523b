import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { can } from "@/lib/authz";
import { listChannels } from "@/lib/channels/queries";
import { getFormatters } from "@/lib/i18n/format";
import { listWarehouseSummaries } from "@/lib/inventory/location-queries";
import { getCompany } from "@/lib/settings/company";
import { NotAllowed, guardPage } from "../guard";
import { taxLabel, typeLabel } from "./_components/labels";
import { NewChannelDialog } from "./_components/new-channel-dialog";

export async function generateMetadata() {
  return { title: (await getTranslations("channels"))("title") };
}

export default async function ChannelsPage() {
  const { user, allowed } = await guardPage("channels.view");
  const t = await getTranslations("channels");
  if (!allowed) return <NotAllowed user={user} />;
  const manage = can(user.role, "channels.manage");
  const [channels, f, warehouses, company] = await Promise.all([
    listChannels(),
    getFormatters(),
    manage ? listWarehouseSummaries() : Promise.resolve([]),
    manage ? getCompany() : Promise.resolve(null),
  ]);
  const options = warehouses.map((w) => ({ code: w.code, name: w.name, active: w.active }));
  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("intro")}
        actions={manage ? <NewChannelDialog warehouses={options} defaultCurrency={company?.currency ?? "USD"} /> : undefined}
      />
      {channels.length === 0 ? (
        <EmptyState title={t("emptyTitle")} body={manage ? t("emptyBody") : t("emptyBodyReadOnly")} />
      ) : (
        <Table>
          <THead>
            <tr>
              <Th>{t("cols.code")}</Th>
              <Th>{t("cols.name")}</Th>
              <Th>{t("cols.type")}</Th>
              <Th>{t("cols.currency")}</Th>
              <Th className="whitespace-nowrap">{t("cols.warehouses")}</Th>
              <Th>{t("cols.split")}</Th>
              <Th>{t("cols.tax")}</Th>
              <Th numeric>{t("cols.orders")}</Th>
            </tr>
          </THead>
          <TBody>
            {channels.map((c) => (
              <Tr key={c.code} data-testid={`channel-row-${c.code}`}>
                <Td className="font-mono text-xs whitespace-nowrap">
                  <Link className="font-medium text-indigo-700 hover:underline" href={`/channels/${encodeURIComponent(c.code)}`}>
                    {c.code}
                  </Link>
                </Td>
                <Td className="min-w-[9rem]">
                  {c.name} {!c.active && <Badge>{t("inactive")}</Badge>}
                </Td>
                <Td className="whitespace-nowrap">{typeLabel(t, c.type, c.platform)}</Td>
                <Td className="font-mono text-xs">{c.currency}</Td>
                <Td className="whitespace-nowrap" data-testid={`channel-warehouses-${c.code}`}>
                  <span title={t("warehouseOrderTitle")}>{c.warehouses.join(" → ")}</span>
                </Td>
                <Td>{c.allowSplit ? t("splitYes") : t("splitNo")}</Td>
                <Td className="whitespace-nowrap">{taxLabel(t, f.locale, c.taxRate, c.pricesIncludeTax)}</Td>
                <Td numeric>{f.number(c.orders)}</Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      )}
    </>
  );
}
