import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Input } from "@/components/ui/input";
import { PageHeader } from "@/components/ui/page-header";
import { Select } from "@/components/ui/select";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { can } from "@/lib/authz";
import { getFormatters } from "@/lib/i18n/format";
import { listProducts, type ProductListFilter } from "@/lib/inventory/queries";
import { NotAllowed, guardPage } from "../guard";
import { InventoryTabs } from "./_components/inventory-tabs";

export async function generateMetadata() {
  return { title: (await getTranslations("inventory"))("title") };
}

type SP = { q?: string; category?: string; status?: string; stock?: string; sort?: string; dir?: string; page?: string };
const PAGE_SIZE = 50;

function filterFrom(sp: SP): ProductListFilter {
  const pick = <T extends string>(v: string | undefined, allowed: readonly T[]): T | undefined => (allowed as readonly string[]).includes(v ?? "") ? (v as T) : undefined;
  return {
    q: sp.q?.trim() || undefined,
    category: sp.category || undefined,
    status: pick(sp.status, ["active", "inactive", "all"] as const) ?? "active",
    stock: pick(sp.stock, ["in", "out", "low"] as const),
    sort: pick(sp.sort, ["sku", "name", "onHand", "available", "price"] as const) ?? "sku",
    dir: pick(sp.dir, ["asc", "desc"] as const) ?? "asc",
    page: Math.max(1, Number(sp.page) || 1),
    pageSize: PAGE_SIZE,
  };
}

export default async function InventoryPage({ searchParams }: { searchParams: Promise<SP> }) {
  const { user, allowed } = await guardPage("inventory.view");
  const t = await getTranslations("inventory");
  const tc = await getTranslations("common");
  if (!allowed) return <NotAllowed user={user} />;
  const sp = await searchParams;
  const filter = filterFrom(sp);
  const [data, f] = await Promise.all([listProducts(filter), getFormatters()]);
  const pages = Math.max(1, Math.ceil(data.total / PAGE_SIZE));
  const params = new URLSearchParams(Object.entries(sp).filter(([k, v]) => k !== "page" && v) as [string, string][]);
  const pageHref = (p: number) => {
    const u = new URLSearchParams(params);
    u.set("page", String(p));
    return `?${u}`;
  };
  const sortHref = (key: NonNullable<ProductListFilter["sort"]>) => {
    const u = new URLSearchParams(params);
    u.set("sort", key);
    u.set("dir", filter.sort === key && filter.dir === "asc" ? "desc" : "asc");
    return `?${u}`;
  };
  const sortMark = (key: string) => (filter.sort === key ? (filter.dir === "asc" ? " ↑" : " ↓") : "");
  const manage = can(user.role, "inventory.manage");
  const filtered = Boolean(filter.q || filter.category || filter.stock || filter.status !== "active");
  return (
    <>
      <PageHeader
        title={t("title")}
        description={tc("results", { count: data.total })}
        actions={
          <>
            <Button asChild variant="secondary">
              <a href={`/inventory/export?${params}`}>{t("export")}</a>
            </Button>
            <Button asChild variant="secondary">
              <a href={`/fulfilment/documents/product-labels${filter.category ? `?category=${encodeURIComponent(filter.category)}` : ""}`} target="_blank" rel="noopener">
                {t("printLabels")}
              </a>
            </Button>
            {manage && (
              <>
                <Button asChild variant="secondary">
                  <Link href="/inventory/import">{t("import")}</Link>
                </Button>
                <Button asChild>
                  <Link href="/inventory/products/new">{t("newProduct")}</Link>
                </Button>
              </>
            )}
          </>
        }
      />
      <InventoryTabs current="products" />
      <form method="get" className="mb-4 grid gap-3 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200 sm:grid-cols-2 lg:grid-cols-5" role="search">
        <Input name="q" type="search" defaultValue={filter.q} placeholder={t("search")} aria-label={t("search")} className="lg:col-span-2" />
        <Select name="category" defaultValue={filter.category ?? ""} aria-label={t("cols.category")}>
          <option value="">{t("allCategories")}</option>
          {data.categories.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </Select>
        <Select name="stock" defaultValue={filter.stock ?? ""} aria-label={t("stockFilter.any")}>
          <option value="">{t("stockFilter.any")}</option>
          <option value="in">{t("stockFilter.in")}</option>
          <option value="out">{t("stockFilter.out")}</option>
          <option value="low">{t("stockFilter.low")}</option>
        </Select>
        <Select name="status" defaultValue={filter.status} aria-label={t("status.active")}>
          <option value="active">{t("status.active")}</option>
          <option value="inactive">{t("status.inactive")}</option>
          <option value="all">{t("status.all")}</option>
        </Select>
        {filter.sort && <input type="hidden" name="sort" value={filter.sort} />}
        {filter.dir && <input type="hidden" name="dir" value={filter.dir} />}
        <div className="flex gap-2 lg:col-span-5">
          <Button type="submit">{tc("filter")}</Button>
          <Button asChild variant="secondary">
            <Link href="/inventory">{tc("clear")}</Link>
          </Button>
        </div>
      </form>
      {data.rows.length === 0 ? (
        filtered ? (
          <EmptyState title={t("emptyTitle")} body={t("emptyBody")} />
        ) : (
          <EmptyState
            title={t("emptyCatalogTitle")}
            body={t("emptyCatalogBody")}
            action={manage ? <Button asChild><Link href="/inventory/products/new">{t("newProduct")}</Link></Button> : undefined}
          />
        )
      ) : (
        <>
          <Table>
            <THead>
              <tr>
                <Th><Link href={sortHref("sku")}>{t("cols.sku")}{sortMark("sku")}</Link></Th>
                <Th><Link href={sortHref("name")}>{t("cols.name")}{sortMark("name")}</Link></Th>
                <Th className="hidden md:table-cell">{t("cols.category")}</Th>
                <Th numeric className="hidden sm:table-cell"><Link href={sortHref("price")}>{t("cols.price")}{sortMark("price")}</Link></Th>
                <Th numeric className="hidden sm:table-cell"><Link href={sortHref("onHand")}>{t("cols.onHand")}{sortMark("onHand")}</Link></Th>
                <Th numeric className="hidden md:table-cell">{t("cols.reserved")}</Th>
                <Th numeric><Link href={sortHref("available")}>{t("cols.available")}{sortMark("available")}</Link></Th>
              </tr>
            </THead>
            <TBody>
              {data.rows.map((r) => (
                <Tr key={r.id}>
                  <Td className="font-mono text-xs whitespace-nowrap">
                    <Link className="text-indigo-700 hover:underline" href={`/inventory/products/${r.id}`}>
                      {r.sku}
                    </Link>
                  </Td>
                  <Td>
                    <span>{r.name}</span>{" "}
                    {r.isKit && <Badge tone="info">{t("kit")}</Badge>} {!r.active && <Badge>{t("inactive")}</Badge>}{" "}
                    {r.variants > 0 ? <Badge tone="info">{t("variantsBadge", { count: r.variants })}</Badge> : r.available <= 0 && !r.isKit ? <Badge tone="danger">{t("out")}</Badge> : r.belowReorder ? <Badge tone="warning">{t("lowBadge")}</Badge> : null}
                  </Td>
                  <Td className="hidden text-slate-600 md:table-cell">{r.category}</Td>
                  <Td numeric className="hidden sm:table-cell">{f.money(r.price, r.currency)}</Td>
                  <Td numeric className="hidden sm:table-cell">{f.number(r.onHand)}</Td>
                  <Td numeric className="hidden md:table-cell">{f.number(r.reserved)}</Td>
                  <Td numeric className="font-medium">{f.number(r.available)}</Td>
                </Tr>
              ))}
            </TBody>
          </Table>
          {pages > 1 && (
            <nav className="mt-3 flex items-center justify-between text-sm" aria-label="Pagination">
              {filter.page! > 1 ? <Link className="text-indigo-600 hover:underline" href={pageHref(filter.page! - 1)}>{tc("previous")}</Link> : <span />}
              <span className="text-slate-500">{tc("pageOf", { page: filter.page!, pages })}</span>
              {filter.page! < pages ? <Link className="text-indigo-600 hover:underline" href={pageHref(filter.page! + 1)}>{tc("next")}</Link> : <span />}
            </nav>
          )}
        </>
      )}
    </>
  );
}
