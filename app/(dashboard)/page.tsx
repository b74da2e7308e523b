import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { dashboardCounts } from "@/lib/accounting/queries";
import { getFormatters } from "@/lib/i18n/format";
import { can } from "@/lib/authz";
import { checkHealth } from "@/lib/system/health";
import { inventorySummary } from "@/lib/inventory/queries";
import { dashboardOrderStats } from "@/lib/orders/list-queries";
import { getCompany } from "@/lib/settings/company";
import Link from "next/link";
import { NotAllowed, guardPage } from "./guard";
import { StatusBadge } from "./orders/_components/status-badge";

export async function generateMetadata() {
  return { title: (await getTranslations("dashboard"))("title") };
}

export default async function DashboardPage() {
  const { user, allowed } = await guardPage("dashboard.view");
  const t = await getTranslations("dashboard");
  const to = await getTranslations("orders");
  if (!allowed) return <NotAllowed user={user} />;
  const seeOrders = can(user.role, "orders.view");
  const [health, counts, f, inv, company, orders] = await Promise.all([
    checkHealth(),
    dashboardCounts(),
    getFormatters(),
    inventorySummary(),
    getCompany(),
    seeOrders ? dashboardOrderStats() : Promise.resolve(null),
  ]);
  const tone = { ok: "success", stale: "danger", unknown: "warning", error: "danger" } as const;
  const label = { ok: t("statusOk"), stale: t("statusStale"), unknown: t("statusUnknown"), error: t("statusError") };
  return (
    <>
      <PageHeader title={t("title")} description={t("welcome", { name: user.name })} />
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        <Card title={t("systemTitle")}>
          <dl className="space-y-2 text-sm">
            <div className="flex items-center justify-between">
              <dt className="text-slate-600">{t("database")}</dt>
              <dd><Badge tone={tone[health.db]}>{label[health.db]}</Badge></dd>
            </div>
            <div className="flex items-center justify-between">
              <dt className="text-slate-600">{t("worker")}</dt>
              <dd><Badge tone={tone[health.worker]}>{label[health.worker]}</Badge></dd>
            </div>
            <p className="text-xs text-slate-500">
              {health.workerLastSeenAt ? t("workerLastSeen", { time: f.dateTime(health.workerLastSeenAt) }) : t("workerNever")}
            </p>
          </dl>
        </Card>
        <Card title={t("booksTitle")}>
          <dl className="grid grid-cols-2 gap-4">
            <div>
              <dt className="text-xs text-slate-500">{t("journalEntries")}</dt>
              <dd className="text-2xl font-semibold tabular-nums" data-testid="count-journal">{f.number(counts.journalEntries)}</dd>
            </div>
            <div>
              <dt className="text-xs text-slate-500">{t("users")}</dt>
              <dd className="text-2xl font-semibold tabular-nums">{f.number(counts.activeUsers)}</dd>
            </div>
          </dl>
        </Card>
        <Card title={t("inventoryTitle")} className="sm:col-span-2 lg:col-span-1">
          <dl className="grid grid-cols-2 gap-4">
            <div>
              <dt className="text-xs text-slate-500">{t("products")}</dt>
              <dd className="text-2xl font-semibold tabular-nums">{f.number(inv.products)}</dd>
            </div>
            <div>
              <dt className="text-xs text-slate-500">{t("unitsOnHand")}</dt>
              <dd className="text-2xl font-semibold tabular-nums" data-testid="units-on-hand">{f.number(inv.unitsOnHand)}</dd>
            </div>
            <div>
              <dt className="text-xs text-slate-500">{t("stockValue")}</dt>
              <dd className="text-lg font-semibold tabular-nums">{f.money(inv.value, company.currency)}</dd>
            </div>
            <div>
              <dt className="text-xs text-slate-500">{t("lowStock")}</dt>
              <dd className="text-lg font-semibold tabular-nums">
                <Link className={inv.lowStockLines ? "text-amber-700 hover:underline" : "hover:underline"} href="/inventory/low-stock">{f.number(inv.lowStockLines)}</Link>
              </dd>
            </div>
          </dl>
        </Card>
      </div>
      {orders && (
        <Card
          title={t("ordersTitle")}
          className="mt-4"
          actions={<Link className="text-sm text-indigo-700 hover:underline" href="/orders">{t("allOrders")}</Link>}
        >
          <div className="grid gap-6 md:grid-cols-3">
            <dl className="grid grid-cols-2 gap-4 md:col-span-1">
              <div>
                <dt className="text-xs text-slate-500">{t("ordersToday")}</dt>
                <dd className="text-2xl font-semibold tabular-nums" data-testid="orders-today">{f.number(orders.todayCount)}</dd>
              </div>
              <div>
                <dt className="text-xs text-slate-500" title={t("ordersTodayValueHint")}>{t("ordersTodayValue")}</dt>
                <dd className="text-lg font-semibold tabular-nums" data-testid="orders-today-value">
                  {orders.todayTotalByCurrency.length === 0
                    ? t("ordersNoValue")
                    : orders.todayTotalByCurrency.map((v) => <div key={v.currency}>{f.money(v.total, v.currency)}</div>)}
                </dd>
              </div>
              <div>
                <dt className="text-xs text-slate-500">{t("backorderedLines")}</dt>
                <dd className={`text-lg font-semibold tabular-nums ${orders.backorderedLines ? "text-amber-700" : ""}`} data-testid="backordered-lines">{f.number(orders.backorderedLines)}</dd>
              </div>
              <div>
                <dt className="text-xs text-slate-500">{t("backorderedUnits")}</dt>
                <dd className={`text-lg font-semibold tabular-nums ${orders.backorderedUnits ? "text-amber-700" : ""}`} data-testid="backordered-units">{f.number(orders.backorderedUnits)}</dd>
              </div>
            </dl>
            <div className="md:col-span-2">
              <h3 className="mb-2 text-xs text-slate-500">{t("ordersByStatus")}</h3>
              {orders.byStatus.length === 0 ? (
                <p className="text-sm text-slate-600">{t("ordersNone")}</p>
              ) : (
                <ul className="grid gap-x-6 gap-y-1 text-sm sm:grid-cols-2" data-testid="orders-by-status">
                  {orders.byStatus.map((s) => (
                    <li key={s.status}>
                      <Link className="flex items-center justify-between gap-2 rounded px-1 py-0.5 hover:bg-slate-50" href={`/orders?status=${s.status}`}>
                        <StatusBadge status={s.status} label={to(`status.${s.status}`)} />
                        <span className="font-medium tabular-nums">{f.number(s.count)}</span>
                      </Link>
                    </li>
                  ))}
                </ul>
              )}
            </div>
          </div>
        </Card>
      )}
    </>
  );
}
