import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { getCustomer, ORDER_LIMIT } from "@/lib/customers/queries";
import { getFormatters } from "@/lib/i18n/format";
import { parseMoney } from "@/lib/money";
import { NotAllowed, guardPage } from "../../guard";

type Tone = "neutral" | "success" | "warning" | "danger" | "info";

function statusTone(status: string): Tone {
  switch (status) {
    case "ALLOCATED":
    case "SHIPPED":
    case "DELIVERED":
      return "success";
    case "PARTIALLY_ALLOCATED":
    case "BACKORDERED":
    case "ON_HOLD":
      return "warning";
    case "CANCELLED":
      return "danger";
    case "PICKING":
    case "PACKED":
    case "PARTIALLY_SHIPPED":
      return "info";
    default:
      return "neutral";
  }
}

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }) {
  const t = await getTranslations("customers");
  const c = await getCustomer((await params).id);
  return { title: c ? `${c.name} · ${t("title")}` : t("title") };
}

export default async function CustomerPage({ params }: { params: Promise<{ id: string }> }) {
  const { user, allowed } = await guardPage("orders.view");
  const t = await getTranslations("customers");
  if (!allowed) return <NotAllowed user={user} />;
  const { id } = await params;
  const [c, f] = await Promise.all([getCustomer(id), getFormatters()]);
  if (!c) notFound();
  const money = (amount: string, currency: string) => f.money(parseMoney(amount, currency).amount, currency);
  const spent = c.spent.map((s) => money(s.total, s.currency)).join(" + ");

  return (
    <>
      <nav className="mb-2 text-sm">
        <Link href="/customers" className="text-indigo-700 hover:underline">
          ← {t("detail.back")}
        </Link>
      </nav>
      <PageHeader title={c.name} description={c.email} />
      <dl className="mb-6 grid grid-cols-2 gap-3 sm:grid-cols-3" data-testid="customer-summary">
        {[
          [t("detail.orders"), f.number(c.orderCount)],
          [t("detail.spent"), spent || t("detail.nothingSpent")],
          [t("detail.since"), f.date(c.createdAt)],
        ].map(([label, value]) => (
          <div key={label} className="rounded-lg bg-white p-3 shadow-sm ring-1 ring-slate-200">
            <dt className="text-xs font-medium text-slate-500 uppercase">{label}</dt>
            <dd className="mt-1 text-base font-semibold text-slate-900 tabular-nums">{value}</dd>
          </div>
        ))}
      </dl>
      <div className="grid gap-6 lg:grid-cols-3">
        <Card title={t("detail.addresses")} className="lg:col-span-1">
          {c.addresses.length === 0 ? (
            <p className="text-sm text-slate-600">{t("detail.noAddresses")}</p>
          ) : (
            <ul className="divide-y divide-slate-100" data-testid="customer-addresses">
              {c.addresses.map((a) => (
                <li key={a.id} className="py-2 text-sm">
                  <address className="not-italic text-slate-900">
                    {a.name}
                    <br />
                    {a.line1}
                    {a.line2 && (
                      <>
                        <br />
                        {a.line2}
                      </>
                    )}
                    <br />
                    {a.postalCode} {a.city}, {a.country}
                  </address>
                  <p className="mt-0.5 text-xs text-slate-500">{t("detail.lastUsed", { date: f.date(a.lastUsedAt) })}</p>
                </li>
              ))}
            </ul>
          )}
        </Card>
        <section aria-labelledby="orders-title" className="min-w-0 space-y-3 lg:col-span-2">
          <h2 id="orders-title" className="text-sm font-semibold text-slate-900">
            {t("detail.history")}
          </h2>
          {c.orders.length === 0 ? (
            <EmptyState title={t("detail.noOrdersTitle")} body={t("detail.noOrdersBody")} />
          ) : (
            <>
              <Table data-testid="customer-orders">
                <THead>
                  <tr>
                    <Th>{t("detail.cols.number")}</Th>
                    <Th>{t("detail.cols.date")}</Th>
                    <Th>{t("detail.cols.channel")}</Th>
                    <Th>{t("detail.cols.status")}</Th>
                    <Th numeric>{t("detail.cols.total")}</Th>
                  </tr>
                </THead>
                <TBody>
                  {c.orders.map((o) => (
                    <Tr key={o.id} data-testid={`customer-order-${o.number}`}>
                      <Td className="font-mono text-xs whitespace-nowrap">
                        <Link className="font-medium text-indigo-700 hover:underline" href={`/orders/${o.id}`}>
                          {o.number}
                        </Link>
                      </Td>
                      <Td className="whitespace-nowrap text-slate-600">{f.date(o.placedAt)}</Td>
                      <Td className="font-mono text-xs">{o.channel}</Td>
                      <Td className="whitespace-nowrap">
                        <Badge tone={statusTone(o.status)}>{t(`status.${o.status}`)}</Badge>
                        {o.paymentStatus !== "PAID" && <span className="ml-1 text-xs text-slate-500">{t(`payment.${o.paymentStatus}`)}</span>}
                      </Td>
                      <Td numeric className="whitespace-nowrap">
                        {money(o.total, o.currency)}
                      </Td>
                    </Tr>
                  ))}
                </TBody>
              </Table>
              {c.orderCount > c.orders.length && <p className="text-sm text-slate-500">{t("detail.more", { shown: ORDER_LIMIT, total: c.orderCount })}</p>}
            </>
          )}
        </section>
      </div>
    </>
  );
}
