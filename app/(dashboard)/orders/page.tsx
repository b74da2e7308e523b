import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Icon } from "@/components/layout/icons";
import { Input } from "@/components/ui/input";
import { PageHeader } from "@/components/ui/page-header";
import { Select } from "@/components/ui/select";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { can } from "@/lib/authz";
import { getFormatters } from "@/lib/i18n/format";
import { listOrders, orderChannels, orderListFilter, type OrderSort } from "@/lib/orders/list-queries";
import { ORDER_STATUSES } from "@/lib/orders/queries";
import { NotAllowed, guardPage } from "../guard";
import { StatusBadge } from "./_components/status-badge";

export async function generateMetadata() {
  return { title: (await getTranslations("orders"))("title") };
}

type SP = Record<string, string | string[] | undefined>;
const PAGE_SIZE = 50;
const KEYS = ["q", "status", "channel", "from", "to", "sort", "dir", "page"] as const;

export default async function OrdersPage({ searchParams }: { searchParams: Promise<SP> }) {
  const { user, allowed } = await guardPage("orders.view");
  const t = await getTranslations("orders");
  const tc = await getTranslations("common");
  if (!allowed) return <NotAllowed user={user} />;
  const sp = await searchParams;
  const raw = new URLSearchParams();
  for (const k of KEYS) {
    const v = sp[k];
    const s = Array.isArray(v) ? v[0] : v;
    if (s) raw.set(k, s);
  }
  const filter = { ...orderListFilter(raw), pageSize: PAGE_SIZE };
  const [data, channels, f] = await Promise.all([listOrders(filter), orderChannels(), getFormatters()]);
  const page = filter.page ?? 1;
  const pages = Math.max(1, Math.ceil(data.total / PAGE_SIZE));

  // The query string of the current filters (no page): kept by sorting, paging and the export.
  const params = new URLSearchParams();
  if (filter.q) params.set("q", filter.q);
  if (filter.status) params.set("status", filter.status);
  if (filter.channel) params.set("channel", filter.channel);
  if (filter.from) params.set("from", filter.from);
  if (filter.to) params.set("to", filter.to);
  if (filter.sort) params.set("sort", filter.sort);
  if (filter.dir) params.set("dir", filter.dir);
  const pageHref = (p: number) => {
    const u = new URLSearchParams(params);
    u.set("page", String(p));
    return `?${u}`;
  };
  const sortHref = (key: OrderSort) => {
    const u = new URLSearchParams(params);
    u.set("sort", key);
    u.set("dir", filter.sort === key && filter.dir === "desc" ? "asc" : "desc");
    return `?${u}`;
  };
  const ariaSort = (key: OrderSort) => (filter.sort === key ? (filter.dir === "asc" ? "ascending" : "descending") : undefined);
  const sortMark = (key: OrderSort) => (filter.sort === key ? (filter.dir === "asc" ? " ↑" : " ↓") : "");
  const manage = can(user.role, "orders.manage");
  const filtered = Boolean(filter.q || filter.status || filter.channel || filter.from || filter.to);
  const newOrder = (
    <Button asChild>
      <Link href="/orders/new">{t("newOrder")}</Link>
    </Button>
  );

  return (
    <>
      <PageHeader
        title={t("title")}
        description={tc("results", { count: data.total })}
        actions={
          <>
            <Button asChild variant="secondary">
              <a href={`/orders/export?${params}`} download>{t("export")}</a>
            </Button>
            {manage && newOrder}
          </>
        }
      />
      <form method="get" className="mb-4 grid gap-3 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200 sm:grid-cols-2 lg:grid-cols-6" role="search">
        <Input name="q" type="search" defaultValue={filter.q} placeholder={t("search")} aria-label={t("search")} className="sm:col-span-2" />
        <Select name="status" defaultValue={filter.status ?? ""} aria-label={t("statusFilter")}>
          <option value="">{t("allStatuses")}</option>
          {ORDER_STATUSES.map((s) => (
            <option key={s} value={s}>{t(`status.${s}`)}</option>
          ))}
        </Select>
        <Select name="channel" defaultValue={filter.channel ?? ""} aria-label={t("channelFilter")}>
          <option value="">{t("allChannels")}</option>
          {channels.map((c) => (
            <option key={c.code} value={c.code}>{c.code} · {c.name}</option>
          ))}
        </Select>
        <label className="block text-xs text-slate-600">
          <span className="sr-only sm:not-sr-only">{t("from")}</span>
          <Input name="from" type="date" defaultValue={filter.from} aria-label={t("from")} />
        </label>
        <label className="block text-xs text-slate-600">
          <span className="sr-only sm:not-sr-only">{t("to")}</span>
          <Input name="to" type="date" defaultValue={filter.to} aria-label={t("to")} />
        </label>
        {filter.sort && <input type="hidden" name="sort" value={filter.sort} />}
        {filter.dir && <input type="hidden" name="dir" value={filter.dir} />}
        <div className="flex gap-2 sm:col-span-2 lg:col-span-6">
          <Button type="submit">{tc("filter")}</Button>
          <Button asChild variant="secondary">
            <Link href="/orders">{tc("clear")}</Link>
          </Button>
        </div>
      </form>

      {data.rows.length === 0 ? (
        filtered || page > 1 ? (
          <EmptyState title={t("emptyTitle")} body={t("emptyBody")} />
        ) : (
          <EmptyState icon={<Icon name="orders" className="h-10 w-10" />} title={t("noOrdersTitle")} body={t("noOrdersBody")} action={manage ? newOrder : undefined} />
        )
      ) : (
        <>
          <Table>
            <THead>
              <tr>
                <Th aria-sort={ariaSort("number")}><Link href={sortHref("number")}>{t("cols.number")}{sortMark("number")}</Link></Th>
                <Th aria-sort={ariaSort("placedAt")} className="hidden sm:table-cell"><Link href={sortHref("placedAt")}>{t("cols.placedAt")}{sortMark("placedAt")}</Link></Th>
                <Th className="hidden md:table-cell">{t("cols.channel")}</Th>
                <Th>{t("cols.customer")}</Th>
                <Th aria-sort={ariaSort("status")}><Link href={sortHref("status")}>{t("cols.status")}{sortMark("status")}</Link></Th>
                <Th numeric className="hidden lg:table-cell">{t("cols.lines")}</Th>
                <Th numeric aria-sort={ariaSort("total")}><Link href={sortHref("total")}>{t("cols.total")}{sortMark("total")}</Link></Th>
              </tr>
            </THead>
            <TBody>
              {data.rows.map((r) => (
                <Tr key={r.id} data-testid={`order-row-${r.number}`}>
                  <Td className="font-mono text-xs whitespace-nowrap">
                    <Link className="text-indigo-700 hover:underline" href={`/orders/${r.id}`}>{r.number}</Link>
                    <div className="mt-0.5 max-w-40 truncate font-sans text-slate-500" title={r.externalId}>{r.externalId}</div>
                  </Td>
                  <Td className="hidden whitespace-nowrap sm:table-cell">{f.dateTime(r.placedAt)}</Td>
                  <Td className="hidden font-mono text-xs md:table-cell">{r.channel}</Td>
                  <Td>
                    <div>{r.customer}</div>
                    <div className="text-xs text-slate-500">{r.email}</div>
                  </Td>
                  <Td>
                    <div className="flex flex-wrap gap-1">
                      <StatusBadge status={r.status} label={t(`status.${r.status}`)} />
                      {r.backorderedUnits > 0 && r.status !== "BACKORDERED" && <Badge tone="warning">{t("backorderedBadge", { count: f.number(r.backorderedUnits) })}</Badge>}
                    </div>
                  </Td>
                  <Td numeric className="hidden lg:table-cell">{f.number(r.lines)}</Td>
                  <Td numeric className="font-medium whitespace-nowrap">{f.money(r.total, r.currency)}</Td>
                </Tr>
              ))}
            </TBody>
          </Table>
          {pages > 1 && (
            <nav className="mt-3 flex items-center justify-between text-sm" aria-label={t("pagination")}>
              {page > 1 ? <Link className="text-indigo-600 hover:underline" href={pageHref(page - 1)}>{tc("previous")}</Link> : <span />}
              <span className="text-slate-500">{tc("pageOf", { page, pages })}</span>
              {page < pages ? <Link className="text-indigo-600 hover:underline" href={pageHref(page + 1)}>{tc("next")}</Link> : <span />}
            </nav>
          )}
        </>
      )}
    </>
  );
}
