import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Input } from "@/components/ui/input";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { listCustomers } from "@/lib/customers/queries";
import { getFormatters } from "@/lib/i18n/format";
import { NotAllowed, guardPage } from "../guard";

export async function generateMetadata() {
  return { title: (await getTranslations("customers"))("title") };
}

type SP = { q?: string | string[]; page?: string | string[] };
const PAGE_SIZE = 50;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export default async function CustomersPage({ searchParams }: { searchParams: Promise<SP> }) {
  const { user, allowed } = await guardPage("orders.view");
  const t = await getTranslations("customers");
  const tc = await getTranslations("common");
  if (!allowed) return <NotAllowed user={user} />;
  const sp = await searchParams;
  const q = one(sp.q)?.trim() || undefined;
  const page = Math.max(1, Math.floor(Number(one(sp.page)) || 1));
  const [data, f] = await Promise.all([listCustomers({ q, page, pageSize: PAGE_SIZE }), getFormatters()]);
  const pages = Math.max(1, Math.ceil(data.total / PAGE_SIZE));
  const pageHref = (p: number) => {
    const u = new URLSearchParams();
    if (q) u.set("q", q);
    u.set("page", String(p));
    return `?${u}`;
  };
  return (
    <>
      <PageHeader title={t("title")} description={q ? tc("results", { count: data.total }) : t("intro")} />
      <form method="get" role="search" className="mb-4 flex flex-col gap-2 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200 sm:flex-row">
        <Input name="q" type="search" defaultValue={q} placeholder={t("search")} aria-label={t("search")} className="sm:flex-1" autoComplete="off" />
        <div className="flex gap-2">
          <Button type="submit">{t("searchButton")}</Button>
          {q && (
            <Button asChild variant="secondary">
              <Link href="/customers">{tc("clear")}</Link>
            </Button>
          )}
        </div>
      </form>
      {data.rows.length === 0 ? (
        q ? <EmptyState title={t("noMatchTitle")} body={t("noMatchBody", { q })} /> : <EmptyState title={t("emptyTitle")} body={t("emptyBody")} />
      ) : (
        <>
          <Table>
            <THead>
              <tr>
                <Th>{t("cols.name")}</Th>
                <Th>{t("cols.email")}</Th>
                <Th numeric>{t("cols.orders")}</Th>
                <Th className="whitespace-nowrap">{t("cols.lastOrder")}</Th>
              </tr>
            </THead>
            <TBody>
              {data.rows.map((c) => (
                <Tr key={c.id} data-testid={`customer-row-${c.email}`}>
                  <Td className="min-w-[9rem]">
                    <Link className="font-medium text-indigo-700 hover:underline" href={`/customers/${c.id}`}>
                      {c.name}
                    </Link>
                  </Td>
                  <Td className="break-all text-slate-600">{c.email}</Td>
                  <Td numeric>{f.number(c.orders)}</Td>
                  <Td className="whitespace-nowrap text-slate-600">{c.lastOrderAt ? f.date(c.lastOrderAt) : t("noOrders")}</Td>
                </Tr>
              ))}
            </TBody>
          </Table>
          {pages > 1 && (
            <nav className="mt-3 flex items-center justify-between text-sm" aria-label={t("pagination")}>
              {page > 1 ? (
                <Link className="text-indigo-600 hover:underline" href={pageHref(page - 1)}>
                  {tc("previous")}
                </Link>
              ) : (
                <span />
              )}
              <span className="text-slate-500">{tc("pageOf", { page, pages })}</span>
              {page < pages ? (
                <Link className="text-indigo-600 hover:underline" href={pageHref(page + 1)}>
                  {tc("next")}
                </Link>
              ) : (
                <span />
              )}
            </nav>
          )}
        </>
      )}
    </>
  );
}
